package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// moStrings returns the translations (msgstr, each plural form apart) of a
// GNU gettext binary catalogue. The format is documented in the GNU
// gettext manual, "The Format of GNU MO Files": a magic number that also
// gives the byte order, a revision, the number of strings N, and the
// offsets of two tables of N (length, offset) pairs, originals then
// translations.
func moStrings(data []byte) ([]string, error) {
	if len(data) < 28 {
		return nil, errors.New("not a .mo file: too short")
	}
	var order binary.ByteOrder
	switch binary.LittleEndian.Uint32(data) {
	case 0x950412de:
		order = binary.LittleEndian
	case 0xde120495:
		order = binary.BigEndian
	default:
		return nil, errors.New("not a .mo file: bad magic")
	}
	n := int(order.Uint32(data[8:]))
	table := int(order.Uint32(data[16:]))
	var out []string
	for i := 0; i < n; i++ {
		at := table + 8*i
		if at+8 > len(data) {
			return nil, fmt.Errorf("translation table entry %d out of range", i)
		}
		length, off := int(order.Uint32(data[at:])), int(order.Uint32(data[at+4:]))
		if off+length > len(data) {
			return nil, fmt.Errorf("translation %d out of range", i)
		}
		if length == 0 {
			continue
		}
		for _, form := range bytes.Split(data[off:off+length], []byte{0}) {
			out = append(out, string(form))
		}
	}
	return out, nil
}
