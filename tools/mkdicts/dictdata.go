package main

import (
	"fmt"
)

// A ".dict" item (data format "Dict") is described in ICU's
// common/dictionarydata.h. After the DataHeader come eight int32 indexes:
//
//	IX_STRING_TRIE_OFFSET (0)  byte offset of the trie from the indexes
//	IX_TOTAL_SIZE         (3)  byte offset of the end of the trie
//	IX_TRIE_TYPE          (4)  low 3 bits: 0 BytesTrie, 1 UCharsTrie;
//	                           bit 3 (8): the trie carries word values
//	IX_TRANSFORM          (5)  for BytesTrie: how code points became bytes
//
// A transform of type "offset" (0x01000000 in bits 24..30) stores each code
// point c as the byte c-offset, where offset is in the low 21 bits; the two
// bytes 0xFE and 0xFF stand for ZWNJ U+200C and ZWJ U+200D.
const (
	ixStringTrieOffset = 0
	ixTotalSize        = 3
	ixTrieType         = 4
	ixTransform        = 5
	ixCount            = 8

	trieTypeBytes  = 0
	trieTypeUChars = 1
	trieTypeMask   = 7
	trieHasValues  = 8

	transformNone       = 0
	transformTypeOffset = 0x01000000
	transformTypeMask   = 0x7f000000
	transformOffsetMask = 0x001fffff
)

// dictWords decodes a Dict item and returns its words (values, where the
// trie has them, are ignored: the line breaker only needs membership).
func dictWords(item []byte) ([]string, error) {
	h, err := parseHeader(item)
	if err != nil {
		return nil, err
	}
	if h.format != "Dict" {
		return nil, fmt.Errorf("data format %q, want Dict", h.format)
	}
	bo := h.order()
	body := item[h.headerSize:]
	if len(body) < 4*ixCount {
		return nil, fmt.Errorf("truncated dictionary indexes")
	}
	var ix [ixCount]int
	for i := range ix {
		ix[i] = int(int32(bo.Uint32(body[4*i:])))
	}
	start, end := ix[ixStringTrieOffset], ix[ixTotalSize]
	if start < 4*ixCount || end < start || end > len(body) {
		return nil, fmt.Errorf("trie bounds %d..%d outside %d bytes", start, end, len(body))
	}
	trie := body[start:end]
	switch ix[ixTrieType] & trieTypeMask {
	case trieTypeBytes:
		decode, err := byteTransform(ix[ixTransform])
		if err != nil {
			return nil, err
		}
		var words []string
		err = walkBytesTrie(trie, func(key []byte) {
			rs := make([]rune, len(key))
			for i, b := range key {
				rs[i] = decode(b)
			}
			words = append(words, string(rs))
		})
		return words, err
	case trieTypeUChars:
		units := make([]uint16, len(trie)/2)
		for i := range units {
			units[i] = bo.Uint16(trie[2*i:])
		}
		var words []string
		err := walkUCharsTrie(units, func(key []uint16) {
			words = append(words, decodeUTF16(key))
		})
		return words, err
	default:
		return nil, fmt.Errorf("unknown trie type %d", ix[ixTrieType])
	}
}

// byteTransform returns the inverse of a BytesTrie dictionary's transform.
func byteTransform(t int) (func(byte) rune, error) {
	switch t & transformTypeMask {
	case transformNone:
		return func(b byte) rune { return rune(b) }, nil
	case transformTypeOffset:
		off := rune(t & transformOffsetMask)
		return func(b byte) rune {
			switch b {
			case 0xfe:
				return 0x200c
			case 0xff:
				return 0x200d
			}
			return off + rune(b)
		}, nil
	}
	return nil, fmt.Errorf("unknown dictionary transform %#x", t)
}

// decodeUTF16 turns UTF-16 code units into a string.
func decodeUTF16(u []uint16) string {
	rs := make([]rune, 0, len(u))
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if c >= 0xd800 && c < 0xdc00 && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] < 0xe000 {
			c = (c-0xd800)<<10 + rune(u[i+1]) - 0xdc00 + 0x10000
			i++
		}
		rs = append(rs, c)
	}
	return string(rs)
}
