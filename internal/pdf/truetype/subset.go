package truetype

import (
	"encoding/binary"
	"fmt"
)

// keptTables are copied unchanged into a subset: the OS/2 metrics some
// viewers consult. Layout tables (GSUB, GPOS, GDEF) are dropped, since the
// PDF carries glyphs that are already shaped, and so are the hinting
// programs ('fpgm', 'prep', 'cvt ', 'gasp', with each glyph's
// instructions) and 'name': ISO 32000-1, 9.9 needs neither for a
// CIDFontType2 program, PDF viewers scale outlines without TrueType
// hinting, and together they were half of every embedded subset, room
// the XMP metadata and the ICC profile of PDF/A (ISO 19005-2) now take.
var keptTables = []string{"OS/2"}

// Subset writes a TrueType file that keeps the outlines of gids, of glyph 0
// and of every component of a composite among them. Glyph IDs do not
// change: glyphs that are not kept become empty 'loca' entries, so a PDF
// can use CID = original GID with CIDToGIDMap /Identity (ISO 32000-1,
// 9.7.4.2). Glyphs above the highest kept ID are cut off.
func (f *Font) Subset(gids []uint16) ([]byte, error) {
	keep, err := f.closure(gids)
	if err != nil {
		return nil, fmt.Errorf("subset: %w", err)
	}
	n := keep[len(keep)-1] + 1 // new numGlyphs
	kept := make([]bool, n)
	for _, g := range keep {
		kept[g] = true
	}

	glyf, offsets := f.subsetGlyf(kept)
	// Short offsets store offset/2 in a uint16 (OpenType 'loca').
	long := offsets[n] > 0x1FFFE
	loca := writeLoca(offsets, long)

	tables := map[string][]byte{
		"glyf": glyf,
		"loca": loca,
		"hmtx": f.subsetHmtx(kept),
		"head": f.subsetHead(long),
		"hhea": f.subsetHhea(n),
		"maxp": f.subsetMaxp(n),
		"post": f.subsetPost(),
		"cmap": emptyCmap(),
	}
	for _, tag := range keptTables {
		if t, ok := f.tables[tag]; ok {
			tables[tag] = t
		}
	}
	return writeSfnt(tables), nil
}

// subsetGlyf copies kept glyph records, each padded to four bytes, and
// returns the new 'glyf' with its n+1 offsets.
func (f *Font) subsetGlyf(kept []bool) ([]byte, []uint32) {
	offsets := make([]uint32, len(kept)+1)
	var glyf []byte
	for g, k := range kept {
		offsets[g] = uint32(len(glyf))
		if !k {
			continue
		}
		glyf = append(glyf, unhinted(f.glyph(g))...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	offsets[len(kept)] = uint32(len(glyf))
	return glyf, offsets
}

func writeLoca(offsets []uint32, long bool) []byte {
	if long {
		b := make([]byte, 4*len(offsets))
		for i, o := range offsets {
			binary.BigEndian.PutUint32(b[4*i:], o)
		}
		return b
	}
	b := make([]byte, 2*len(offsets))
	for i, o := range offsets {
		binary.BigEndian.PutUint16(b[2*i:], uint16(o/2))
	}
	return b
}

// subsetHmtx writes one longHorMetric per glyph. Dropped glyphs get zero
// metrics, which deflate to almost nothing in the PDF.
func (f *Font) subsetHmtx(kept []bool) []byte {
	b := make([]byte, 4*len(kept))
	for g, k := range kept {
		if !k {
			continue
		}
		adv, _ := f.Advance(uint16(g)) // g < NumGlyphs: closure checked it
		binary.BigEndian.PutUint16(b[4*g:], uint16(adv))
		binary.BigEndian.PutUint16(b[4*g+2:], f.leftSideBearing(g))
	}
	return b
}

// subsetHead copies 'head' with checkSumAdjustment zeroed (writeSfnt fills
// it in) and indexToLocFormat matching the new 'loca'.
func (f *Font) subsetHead(long bool) []byte {
	b := append([]byte(nil), f.tables["head"]...)
	binary.BigEndian.PutUint32(b[8:], 0)
	var format uint16
	if long {
		format = 1
	}
	binary.BigEndian.PutUint16(b[50:], format)
	return b
}

// subsetHhea sets numberOfHMetrics to the new glyph count, since
// subsetHmtx writes a full metric for every glyph.
func (f *Font) subsetHhea(n int) []byte {
	b := append([]byte(nil), f.tables["hhea"]...)
	binary.BigEndian.PutUint16(b[34:], uint16(n))
	return b
}

// subsetMaxp sets numGlyphs. The other maxima (points, contours, stack)
// stay valid upper bounds for a subset.
func (f *Font) subsetMaxp(n int) []byte {
	b := append([]byte(nil), f.tables["maxp"]...)
	binary.BigEndian.PutUint16(b[4:], uint16(n))
	return b
}

// subsetPost writes a version 3.0 'post': the header without glyph names,
// which a CID-keyed font does not need.
func (f *Font) subsetPost() []byte {
	b := make([]byte, 32)
	if t := f.tables["post"]; len(t) >= 32 {
		copy(b, t[:32])
	}
	binary.BigEndian.PutUint32(b, 0x00030000)
	return b
}

// emptyCmap is a Windows Unicode (3,1) format 4 'cmap' whose only segment
// is the mandatory final 0xFFFF one. The PDF reaches glyphs by ID, so no
// character needs mapping, but some font loaders refuse a font without any
// 'cmap' table.
func emptyCmap() []byte {
	b := make([]byte, 4+8+24)
	binary.BigEndian.PutUint16(b[0:], 0)  // version
	binary.BigEndian.PutUint16(b[2:], 1)  // numTables
	binary.BigEndian.PutUint16(b[4:], 3)  // platformID: Windows
	binary.BigEndian.PutUint16(b[6:], 1)  // encodingID: Unicode BMP
	binary.BigEndian.PutUint32(b[8:], 12) // offset of the subtable
	s := b[12:]
	binary.BigEndian.PutUint16(s[0:], 4)       // format
	binary.BigEndian.PutUint16(s[2:], 24)      // length
	binary.BigEndian.PutUint16(s[6:], 2)       // segCountX2
	binary.BigEndian.PutUint16(s[8:], 2)       // searchRange
	binary.BigEndian.PutUint16(s[10:], 0)      // entrySelector
	binary.BigEndian.PutUint16(s[12:], 0)      // rangeShift
	binary.BigEndian.PutUint16(s[14:], 0xFFFF) // endCode[0]
	binary.BigEndian.PutUint16(s[18:], 0xFFFF) // startCode[0], after reservedPad
	binary.BigEndian.PutUint16(s[20:], 1)      // idDelta[0]
	return b
}
