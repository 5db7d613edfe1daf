package truetype

import (
	"encoding/binary"
	"math/bits"
	"sort"
)

// writeSfnt assembles tables into a TrueType file: the table directory
// sorted by tag, each table 4-byte aligned with its checksum, and
// head.checkSumAdjustment set so the whole file sums to 0xB1B0AFBA
// (OpenType spec, "Table Directory" and 'head').
func writeSfnt(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)

	n := len(tags)
	pow := 1 << (bits.Len(uint(n)) - 1) // largest power of two <= n
	header := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(header[0:], 0x00010000)
	binary.BigEndian.PutUint16(header[4:], uint16(n))
	binary.BigEndian.PutUint16(header[6:], uint16(pow*16))
	binary.BigEndian.PutUint16(header[8:], uint16(bits.Len(uint(pow))-1))
	binary.BigEndian.PutUint16(header[10:], uint16(n*16-pow*16))

	out := header
	headAt := -1
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the OpenType table checksum: the sum of big-endian uint32
// words, the last one zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
