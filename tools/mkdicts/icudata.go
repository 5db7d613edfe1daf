package main

import (
	"debug/elf"
	"encoding/binary"
	"fmt"
	"strings"
)

// ICU ships its data as one "common data" package. On Debian it is the
// read-only symbol icudtNN_dat inside libicudata.so.NN. Its layout is
// documented in ICU's source (common/ucmndata.h, common/udata.cpp and the
// "ICU Data" chapter of the ICU User Guide):
//
//	DataHeader  { uint16 headerSize; uint8 magic1=0xda, magic2=0x27; UDataInfo info }
//	UDataInfo   { uint16 size; uint16 reserved; uint8 isBigEndian, charsetFamily,
//	              sizeofUChar, reserved; uint8 dataFormat[4]; formatVersion[4];
//	              dataVersion[4] }
//
// For a common data package dataFormat is "CmnD" and the header is followed
// by a table of contents (UDataOffsetTOC):
//
//	uint32 count; { uint32 nameOffset; uint32 dataOffset } entry[count]
//
// where both offsets are relative to the start of the table of contents and
// names are NUL-terminated, like "icudt72l/brkitr/thaidict.dict". Each item
// starts with its own DataHeader.

// dataHeader is the decoded DataHeader of a data item or package.
type dataHeader struct {
	headerSize int
	bigEndian  bool
	format     string
	formatVer  [4]byte
}

func (h dataHeader) order() binary.ByteOrder {
	if h.bigEndian {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// parseHeader decodes the DataHeader at the start of b.
func parseHeader(b []byte) (dataHeader, error) {
	if len(b) < 24 || b[2] != 0xda || b[3] != 0x27 {
		return dataHeader{}, fmt.Errorf("no ICU data header (magic 0xda27)")
	}
	h := dataHeader{bigEndian: b[8] != 0, format: string(b[12:16])}
	copy(h.formatVer[:], b[16:20])
	h.headerSize = int(h.order().Uint16(b[0:2]))
	if h.headerSize > len(b) {
		return dataHeader{}, fmt.Errorf("header size %d beyond data", h.headerSize)
	}
	return h, nil
}

// loadCommonData returns the bytes of the common data package exported by
// the shared library at path (symbol icudt*_dat).
func loadCommonData(path string) ([]byte, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	syms, err := f.DynamicSymbols()
	if err != nil {
		return nil, err
	}
	for _, s := range syms {
		if !strings.HasPrefix(s.Name, "icudt") || !strings.HasSuffix(s.Name, "_dat") {
			continue
		}
		if int(s.Section) >= len(f.Sections) {
			continue
		}
		sec := f.Sections[s.Section]
		data, err := sec.Data()
		if err != nil {
			return nil, err
		}
		off := s.Value - sec.Addr
		if off >= uint64(len(data)) {
			return nil, fmt.Errorf("symbol %s outside its section", s.Name)
		}
		end := uint64(len(data))
		if s.Size > 0 && off+s.Size <= end {
			end = off + s.Size
		}
		return data[off:end], nil
	}
	return nil, fmt.Errorf("%s: no icudt*_dat symbol", path)
}

// tocItems reads the table of contents of a common data package and returns
// each item's bytes by name.
func tocItems(pkg []byte) (map[string][]byte, error) {
	h, err := parseHeader(pkg)
	if err != nil {
		return nil, err
	}
	if h.format != "CmnD" {
		return nil, fmt.Errorf("data format %q, want CmnD", h.format)
	}
	bo := h.order()
	toc := pkg[h.headerSize:]
	if len(toc) < 4 {
		return nil, fmt.Errorf("truncated table of contents")
	}
	n := int(bo.Uint32(toc))
	if 4+8*n > len(toc) {
		return nil, fmt.Errorf("table of contents of %d entries is truncated", n)
	}
	items := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		nameOff := int(bo.Uint32(toc[4+8*i:]))
		dataOff := int(bo.Uint32(toc[8+8*i:]))
		end := len(toc)
		if i+1 < n {
			end = int(bo.Uint32(toc[8+8*(i+1):]))
		}
		if nameOff >= len(toc) || dataOff > end || end > len(toc) {
			return nil, fmt.Errorf("toc entry %d out of range", i)
		}
		name := toc[nameOff:]
		if z := indexByte(name, 0); z >= 0 {
			name = name[:z]
		}
		items[string(name)] = toc[dataOff:end]
	}
	return items, nil
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
