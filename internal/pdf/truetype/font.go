// Package truetype reads the few TrueType tables a PDF writer needs and
// writes glyph subsets of a font for embedding as FontFile2.
//
// It handles fonts with TrueType outlines ('glyf'/'loca') only; the PDF
// writer embeds them as CIDFontType2 (ISO 32000-1, 9.7.4). CFF-flavoured
// OpenType ('OTTO') would need FontFile3 and is rejected.
package truetype

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Font is a parsed TrueType file. It keeps the original bytes and slices
// into them; nothing is copied until Subset writes a new file.
type Font struct {
	data   []byte
	tables map[string][]byte // raw table bytes by tag, e.g. "glyf"

	// NumGlyphs is maxp.numGlyphs; valid glyph IDs are below it.
	NumGlyphs int
	// UnitsPerEm is head.unitsPerEm.
	UnitsPerEm int
	// Metrics are the font-wide values a PDF FontDescriptor needs.
	Metrics Metrics

	longLoca     bool   // head.indexToLocFormat == 1
	numHMetrics  int    // hhea.numberOfHMetrics
	hmtx         []byte // tables["hmtx"], looked up once: Advance is called per glyph drawn
	glyphOffsets []uint32
}

// Metrics are font-wide design values in font units, taken from 'head',
// 'hhea', 'OS/2' and 'post'.
type Metrics struct {
	XMin, YMin, XMax, YMax int // head bounding box of all glyphs
	Ascender, Descender    int // hhea (Descender < 0)
	CapHeight              int // OS/2 v2+ sCapHeight, else Ascender
	WeightClass            int // OS/2 usWeightClass, 400 if absent
	FamilyClass            int // OS/2 sFamilyClass (class in the high byte)
	ItalicAngle            float64
	FixedPitch             bool
}

var errShort = errors.New("table too short")

// Parse reads the table directory (OpenType spec, "Table Directory") and
// the tables that describe glyph count, metrics and glyph locations.
func Parse(data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("parse truetype: file too short (%d bytes)", len(data))
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // 1.0 or 'true'
	case 0x4F54544F: // 'OTTO'
		return nil, errors.New("parse truetype: CFF outlines are not supported")
	default:
		return nil, fmt.Errorf("parse truetype: unknown sfnt version %#08x", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("parse truetype: table directory truncated")
	}
	f := &Font{data: data, tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := uint64(binary.BigEndian.Uint32(rec[8:]))
		length := uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil, fmt.Errorf("parse truetype: table %q outside the file", tag)
		}
		f.tables[tag] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if _, ok := f.tables[tag]; !ok {
			return nil, fmt.Errorf("parse truetype: missing %q table", tag)
		}
	}
	if err := f.parseHead(); err != nil {
		return nil, fmt.Errorf("parse truetype: head: %w", err)
	}
	if err := f.parseHhea(); err != nil {
		return nil, fmt.Errorf("parse truetype: hhea: %w", err)
	}
	if err := f.parseMaxp(); err != nil {
		return nil, fmt.Errorf("parse truetype: maxp: %w", err)
	}
	if err := f.parseLoca(); err != nil {
		return nil, fmt.Errorf("parse truetype: loca: %w", err)
	}
	if len(f.tables["hmtx"]) < 4*f.numHMetrics {
		return nil, fmt.Errorf("parse truetype: hmtx: %w", errShort)
	}
	f.parseOS2()
	f.parsePost()
	return f, nil
}

// parseHead reads 'head': units per em, the glyph bounding box and the
// loca format.
func (f *Font) parseHead() error {
	t := f.tables["head"]
	if len(t) < 54 {
		return errShort
	}
	f.UnitsPerEm = int(binary.BigEndian.Uint16(t[18:]))
	if f.UnitsPerEm == 0 {
		return errors.New("unitsPerEm is 0")
	}
	f.Metrics.XMin = int(int16(binary.BigEndian.Uint16(t[36:])))
	f.Metrics.YMin = int(int16(binary.BigEndian.Uint16(t[38:])))
	f.Metrics.XMax = int(int16(binary.BigEndian.Uint16(t[40:])))
	f.Metrics.YMax = int(int16(binary.BigEndian.Uint16(t[42:])))
	f.longLoca = binary.BigEndian.Uint16(t[50:]) == 1
	return nil
}

// parseHhea reads 'hhea': ascender, descender and numberOfHMetrics.
func (f *Font) parseHhea() error {
	t := f.tables["hhea"]
	if len(t) < 36 {
		return errShort
	}
	f.Metrics.Ascender = int(int16(binary.BigEndian.Uint16(t[4:])))
	f.Metrics.Descender = int(int16(binary.BigEndian.Uint16(t[6:])))
	f.numHMetrics = int(binary.BigEndian.Uint16(t[34:]))
	f.hmtx = f.tables["hmtx"]
	if f.numHMetrics == 0 {
		return errors.New("numberOfHMetrics is 0")
	}
	return nil
}

// parseMaxp reads maxp.numGlyphs.
func (f *Font) parseMaxp() error {
	t := f.tables["maxp"]
	if len(t) < 6 {
		return errShort
	}
	f.NumGlyphs = int(binary.BigEndian.Uint16(t[4:]))
	if f.numHMetrics > f.NumGlyphs {
		f.numHMetrics = f.NumGlyphs
	}
	return nil
}

// parseLoca reads the glyph offsets into 'glyf' (numGlyphs+1 entries, short
// offsets stored halved) and checks that they stay inside 'glyf'.
func (f *Font) parseLoca() error {
	t, n := f.tables["loca"], f.NumGlyphs+1
	f.glyphOffsets = make([]uint32, n)
	if f.longLoca {
		if len(t) < 4*n {
			return errShort
		}
		for i := range f.glyphOffsets {
			f.glyphOffsets[i] = binary.BigEndian.Uint32(t[4*i:])
		}
	} else {
		if len(t) < 2*n {
			return errShort
		}
		for i := range f.glyphOffsets {
			f.glyphOffsets[i] = 2 * uint32(binary.BigEndian.Uint16(t[2*i:]))
		}
	}
	glyf := uint32(len(f.tables["glyf"]))
	for i := 0; i < n-1; i++ {
		if f.glyphOffsets[i] > f.glyphOffsets[i+1] || f.glyphOffsets[i+1] > glyf {
			return fmt.Errorf("glyph %d has a bad location", i)
		}
	}
	return nil
}

// parseOS2 reads the optional 'OS/2' table; fonts without it get
// defaults from hhea.
func (f *Font) parseOS2() {
	f.Metrics.WeightClass = 400
	f.Metrics.CapHeight = f.Metrics.Ascender
	t := f.tables["OS/2"]
	if len(t) < 78 {
		return
	}
	f.Metrics.WeightClass = int(binary.BigEndian.Uint16(t[4:]))
	f.Metrics.FamilyClass = int(int16(binary.BigEndian.Uint16(t[30:])))
	if binary.BigEndian.Uint16(t) >= 2 && len(t) >= 90 {
		if ch := int(int16(binary.BigEndian.Uint16(t[88:]))); ch > 0 {
			f.Metrics.CapHeight = ch
		}
	}
}

// parsePost reads italicAngle (Fixed 16.16) and isFixedPitch from 'post'.
func (f *Font) parsePost() {
	t := f.tables["post"]
	if len(t) < 16 {
		return
	}
	f.Metrics.ItalicAngle = float64(int32(binary.BigEndian.Uint32(t[4:]))) / 65536
	f.Metrics.FixedPitch = binary.BigEndian.Uint32(t[12:]) != 0
}

// Advance returns glyph gid's advance width in font units from 'hmtx'.
// Glyphs past numberOfHMetrics share the last advance (OpenType 'hmtx').
func (f *Font) Advance(gid uint16) (int, error) {
	if int(gid) >= f.NumGlyphs {
		return 0, fmt.Errorf("glyph %d out of range (font has %d glyphs)", gid, f.NumGlyphs)
	}
	i := int(gid)
	if i >= f.numHMetrics {
		i = f.numHMetrics - 1
	}
	return int(binary.BigEndian.Uint16(f.hmtx[4*i:])), nil
}

// leftSideBearing returns glyph gid's lsb from 'hmtx'.
func (f *Font) leftSideBearing(gid int) uint16 {
	t := f.tables["hmtx"]
	if gid < f.numHMetrics {
		return binary.BigEndian.Uint16(t[4*gid+2:])
	}
	i := 4*f.numHMetrics + 2*(gid-f.numHMetrics)
	if i+2 > len(t) {
		return 0
	}
	return binary.BigEndian.Uint16(t[i:])
}

// glyph returns the raw 'glyf' record of gid; empty glyphs return nil.
func (f *Font) glyph(gid int) []byte {
	return f.tables["glyf"][f.glyphOffsets[gid]:f.glyphOffsets[gid+1]]
}
