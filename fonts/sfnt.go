package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The OpenType table directory, read here for two things go-text does not
// give cheaply: a view of the file without its outlines for the shaper
// (outlineless), and the ink box of one glyph from its glyf header (inkBox).
// Layout of the directory: OpenType 1.9, "Organization of an OpenType
// Font": a 12-byte header (sfntVersion, numTables, searchRange,
// entrySelector, rangeShift), then numTables records of 16 bytes (tag,
// checksum, offset, length).

// tableRecord is one entry of the table directory.
type tableRecord struct {
	tag         string
	off, length uint32
	raw         []byte // the 16 bytes of the record
}

// directory reads the table directory of a TrueType file.
func directory(data []byte) ([]tableRecord, error) {
	if len(data) < 12 {
		return nil, errors.New("file too short for an OpenType header")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("table directory of %d tables runs past the end of the file", n)
	}
	recs := make([]tableRecord, n)
	for i := range recs {
		r := data[12+16*i : 28+16*i]
		recs[i] = tableRecord{tag: string(r[:4]), off: binary.BigEndian.Uint32(r[8:]), length: binary.BigEndian.Uint32(r[12:]), raw: r}
		if uint64(recs[i].off)+uint64(recs[i].length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q runs past the end of the file", recs[i].tag)
		}
	}
	return recs, nil
}

// table returns the bytes of the table tag, or nil.
func table(data []byte, recs []tableRecord, tag string) []byte {
	for _, r := range recs {
		if r.tag == tag {
			return data[r.off : r.off+r.length]
		}
	}
	return nil
}

// outlineless is a font file as the shaper reads it: the same bytes, with
// a table directory that leaves out glyf and loca (and post and name,
// shaperSkips). go-text v0.3.5 decodes
// every glyph outline of a face when it loads it (tables.ParseGlyf): for
// Noto Sans Myanmar that is most of a face's load time, and a short PDF's
// largest fixed cost (issue 17). Shaping reads no outline: GPOS anchors
// of format 2 take a contour point only at a nonzero ppem, which briefs
// never sets (it shapes at size = upem, DESIGN.md fact 2), and fallback
// mark positioning, which uses ink boxes, runs only for fonts without GPOS
// marks, which no embedded face is. Layout's ink extents come from the
// glyph headers instead (inkBox). The glyph-exact test against hb-shape
// (internal/shape) holds the shaping unchanged.
//
// The shorter directory is laid over the start of the original one, so
// every table offset stays valid and nothing is copied.
type outlineless struct {
	head []byte // the new header and directory
	data []byte // the file
	pos  int64
}

// shaperSkips are the tables the view leaves out: the outlines, and the
// glyph and font names (post, name), which go-text decodes whole and
// briefs never asks for.
var shaperSkips = map[string]bool{"glyf": true, "loca": true, "post": true, "name": true}

// newOutlineless makes the view of data.
func newOutlineless(data []byte) (*outlineless, error) {
	recs, err := directory(data)
	if err != nil {
		return nil, err
	}
	head := append([]byte(nil), data[:12]...)
	kept := 0
	for _, r := range recs {
		if shaperSkips[r.tag] {
			continue
		}
		head = append(head, r.raw...)
		kept++
	}
	// numTables changes; searchRange, entrySelector and rangeShift are
	// hints for a binary search that go-text does not do, recomputed
	// anyway so that the header stays self-consistent.
	binary.BigEndian.PutUint16(head[4:], uint16(kept))
	sel := 0
	for 1<<(sel+1) <= kept {
		sel++
	}
	binary.BigEndian.PutUint16(head[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(head[8:], uint16(sel))
	binary.BigEndian.PutUint16(head[10:], uint16(16*kept-16<<sel))
	return &outlineless{head: head, data: data}, nil
}

// ReadAt reads the view: the new directory first, the file after it.
func (o *outlineless) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(o.data)) {
		return 0, io.EOF
	}
	n := 0
	if off < int64(len(o.head)) {
		n = copy(p, o.head[off:])
	}
	n += copy(p[n:], o.data[off+int64(n):])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// Read reads from the current position.
func (o *outlineless) Read(p []byte) (int, error) {
	n, err := o.ReadAt(p, o.pos)
	o.pos += int64(n)
	return n, err
}

// Seek sets the position for Read.
func (o *outlineless) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		off += o.pos
	case io.SeekEnd:
		off += int64(len(o.data))
	default:
		return 0, errors.New("bad whence")
	}
	if off < 0 {
		return 0, errors.New("negative position")
	}
	o.pos = off
	return off, nil
}

// glyphHeaders finds a glyph's header in glyf through loca: OpenType 1.9,
// "loca — Index to Location" (short offsets are stored halved) and
// "glyf — Glyph Data" (each glyph starts with numberOfContours, xMin,
// yMin, xMax, yMax as int16).
type glyphHeaders struct {
	loca, glyf []byte
	long       bool // head.indexToLocFormat == 1
}

func newGlyphHeaders(data []byte) (glyphHeaders, error) {
	recs, err := directory(data)
	if err != nil {
		return glyphHeaders{}, err
	}
	head := table(data, recs, "head")
	if len(head) < 54 {
		return glyphHeaders{}, errors.New("no head table")
	}
	return glyphHeaders{
		loca: table(data, recs, "loca"),
		glyf: table(data, recs, "glyf"),
		long: binary.BigEndian.Uint16(head[50:]) == 1,
	}, nil
}

// inkBox returns yMin and yMax of glyph gid in font units; a glyph with no
// outline (a space), or one the tables do not hold, has none.
func (h glyphHeaders) inkBox(gid uint16) (yMin, yMax int16, ok bool) {
	var start, end uint32
	i := int(gid)
	if h.long {
		if 4*i+8 > len(h.loca) {
			return 0, 0, false
		}
		start, end = binary.BigEndian.Uint32(h.loca[4*i:]), binary.BigEndian.Uint32(h.loca[4*i+4:])
	} else {
		if 2*i+4 > len(h.loca) {
			return 0, 0, false
		}
		start, end = 2*uint32(binary.BigEndian.Uint16(h.loca[2*i:])), 2*uint32(binary.BigEndian.Uint16(h.loca[2*i+2:]))
	}
	if end <= start || uint64(start)+10 > uint64(len(h.glyf)) {
		return 0, 0, false
	}
	g := h.glyf[start:]
	yMin, yMax = int16(binary.BigEndian.Uint16(g[4:])), int16(binary.BigEndian.Uint16(g[8:]))
	return min(yMin, yMax), max(yMin, yMax), true
}
