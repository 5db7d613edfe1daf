package pdf

import (
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/pdf/truetype"
)

// fontRes is one face as a PDF font resource: a Type 0 font with Identity-H
// encoding over a CIDFontType2 (ISO 32000-1, 9.7), so that a 2-byte code in
// a string is a CID. CIDs are allocated per (glyph, text, width) in order of
// first use, and a CIDToGIDMap (9.7.4.2) maps them to glyph IDs, so that
// one glyph standing for different text (a Khmer subscript that is also a
// consonant's second form) gets one ToUnicode entry per meaning.
type fontRes struct {
	face  *fonts.Face
	tt    *truetype.Font
	name  string // resource name in page dictionaries, e.g. F1
	obj   ref    // the Type 0 font dictionary
	used  []bool // by glyph ID: drawn
	nUsed int
	// first holds, by glyph ID, the last code made for the glyph, and next,
	// by code, the code made before it for the same glyph (0 ends both:
	// code 0 is never drawn). A glyph has one code or a few, so this
	// finds a code without hashing its text (a map keyed by glyph, text
	// and width was a tenth of writing a PDF).
	first []uint16
	next  []uint16
	gid   []uint16  // per code: the glyph it draws; code 0 is never drawn
	text  []string  // per code: its ToUnicode string
	adv   []float64 // per code: its W width, in glyph space
	moves []bool    // per code: pdf.js moves its pen past it by adv (pdfjsMoves)

	scratch planScratch // plan's buffers, reused from run to run
}

// fontSet hands out one fontRes per font program, in order of first use,
// so resource names and object numbers do not depend on map order.
type fontSet struct {
	byProgram map[program]*fontRes
	order     []*fontRes
}

func newFontSet() *fontSet { return &fontSet{byProgram: map[program]*fontRes{}} }

// program identifies a font file by where its bytes live and how many
// there are.
type program struct {
	start *byte
	size  int
}

// programOf identifies face's font file; face.Data is not empty.
func programOf(face *fonts.Face) program { return program{&face.Data[0], len(face.Data)} }

// program identifies the resource's font file.
func (f *fontRes) program() program { return programOf(f.face) }

// use returns face's resource, parsing its TrueType tables on first use.
// Faces are told apart by the font file they share: fonts.Set.Clone gives
// each goroutine its own Face values over the same data, and a document
// that mixes them must still embed each font once.
func (s *fontSet) use(w *objWriter, face *fonts.Face) (*fontRes, error) {
	if len(face.Data) == 0 || face.Font == nil {
		return nil, fmt.Errorf("face %q has no font data", face.Name)
	}
	key := programOf(face)
	if f, ok := s.byProgram[key]; ok {
		return f, nil
	}
	tt, err := parsed(key, face.Data)
	if err != nil {
		return nil, fmt.Errorf("load font %s: %w", face.Name, err)
	}
	f := &fontRes{
		face:  face,
		tt:    tt,
		name:  fmt.Sprintf("F%d", len(s.order)+1),
		obj:   w.alloc(),
		used:  make([]bool, tt.NumGlyphs),
		first: make([]uint16, tt.NumGlyphs),
		next:  []uint16{0},
		gid:   []uint16{0},
		text:  []string{""},
		adv:   []float64{0},
		moves: []bool{true}, // code 0 is never drawn
	}
	s.byProgram[key] = f
	s.order = append(s.order, f)
	return f, nil
}

// add records glyph gid as drawn, rejecting IDs the font does not have.
func (f *fontRes) add(gid uint16) error {
	if int(gid) >= f.tt.NumGlyphs {
		return fmt.Errorf("glyph %d not in font %s (%d glyphs)", gid, f.face.Name, f.tt.NumGlyphs)
	}
	if !f.used[gid] {
		f.used[gid] = true
		f.nUsed++
	}
	return nil
}

// mappedCode returns the character code that draws gid, extracts as text
// and advances by width (glyph space), allocating it on first use. text is
// already mappable, as plan makes it.
func (f *fontRes) mappedCode(gid uint16, text string, width float64) (uint16, error) {
	if int(gid) >= len(f.first) {
		return 0, fmt.Errorf("font %s has no glyph %d", f.face.Name, gid)
	}
	for c := f.first[gid]; c != 0; c = f.next[c] {
		if f.text[c] == text && f.adv[c] == width {
			return c, nil
		}
	}
	if len(f.gid) > 0xFFFF {
		return 0, fmt.Errorf("font %s needs more than 65535 character codes", f.face.Name)
	}
	c := uint16(len(f.gid))
	f.next = append(f.next, f.first[gid])
	f.first[gid] = c
	f.gid = append(f.gid, gid)
	f.text = append(f.text, text)
	f.adv = append(f.adv, width)
	f.moves = append(f.moves, pdfjsMoves(text))
	return c, nil
}

// mappable drops U+0000 and U+FFFE from a ToUnicode string and writes
// U+FEFF, where it joins words, as U+2060 WORD JOINER: ISO 19005-2,
// 6.2.11.7.2 forbids those three values in a ToUnicode CMap.
func mappable(s string) string {
	// U+FEFF and U+FFFE both begin with byte 0xEF in UTF-8: text
	// without 0x00 and 0xEF, nearly all, is returned without a rune scan.
	if strings.IndexByte(s, 0) < 0 && strings.IndexByte(s, 0xEF) < 0 || !strings.ContainsAny(s, "\x00\uFEFF\uFFFE") {
		return s
	}
	return strings.NewReplacer("\x00", "", "\uFFFE", "", "\uFEFF", "\u2060").Replace(s)
}

// width is gid's advance from 'hmtx' in glyph space (1000 units per em),
// rounded as the W array writes it; the content stream computes its TJ
// adjustments from the same value.
func (f *fontRes) width(gid uint16) float64 {
	adv, _ := f.tt.Advance(gid) // gid was checked by add
	return math.Round(float64(adv)*1000/float64(f.tt.UnitsPerEm)*1000) / 1000
}

// scale converts font units to glyph space.
func (f *fontRes) scale(v int) string {
	return num(float64(v)*1000/float64(f.tt.UnitsPerEm), 3)
}

func (f *fontRes) sortedGlyphs() []uint16 {
	gids := make([]uint16, 0, f.nUsed)
	for g, ok := range f.used {
		if ok {
			gids = append(gids, uint16(g))
		}
	}
	return gids
}

// subsetTag derives the six capital letters that mark a subset's font name
// (ISO 32000-1, 9.6.4) from the font and its glyph set, so the same
// glyphs give the same name on every run.
func subsetTag(name string, gids []uint16) string {
	h := md5.New()
	h.Write([]byte(name))
	for _, g := range gids {
		binary.Write(h, binary.BigEndian, g)
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// write emits the Type 0 font, its CIDFontType2 descendant, the font
// descriptor, the subset program (FontFile2), the ToUnicode CMap and the
// CIDToGIDMap. The program is early's when it is of the glyphs drawn
// (early.go); the streams still to compress are compressed aside.
func (f *fontRes) write(w *objWriter, early *earlyProgram) error {
	gids := f.sortedGlyphs()
	base := pdfName(subsetTag(f.face.Name, gids) + "+" + f.face.Name)
	cid, desc, file, tou, cidToGID := w.alloc(), w.alloc(), w.alloc(), w.alloc(), w.alloc()

	w.object(f.obj, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s>>",
		base, cid, tou))
	w.object(cid, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont %s "+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> "+
		"/FontDescriptor %s /W %s /CIDToGIDMap %s>>", base, desc, f.widths(), cidToGID))
	w.object(desc, f.descriptor(base, file))
	if z, n, ok := early.program(gids); ok {
		w.deflated(file, fmt.Sprintf("/Length1 %d", n), z)
	} else {
		prog, err := f.subset(gids)
		if err != nil {
			return fmt.Errorf("subset font %s: %w", f.face.Name, err)
		}
		w.flateStreamAside(file, fmt.Sprintf("/Length1 %d", len(prog)), "write font "+f.face.Name, prog)
	}
	w.flateStreamAside(tou, "", "write font "+f.face.Name, toUnicodeCMap(f.text))
	// CIDToGIDMap stream: the glyph ID of CID c in bytes 2c and 2c+1,
	// high byte first (ISO 32000-1, Table 117).
	m := make([]byte, 2*len(f.gid))
	for c, g := range f.gid {
		binary.BigEndian.PutUint16(m[2*c:], g)
	}
	w.flateStreamAside(cidToGID, "", "write font "+f.face.Name, m)
	return nil
}

// widths writes the W array (ISO 32000-1, 9.7.4.3) for codes 1..n:
// "c [w1 w2 ...]" for each stretch of codes, or "c1 c2 w" for a stretch
// of three or more that share one width.
func (f *fontRes) widths() string {
	w := f.adv
	b := make([]byte, 0, 8*len(w))
	b = append(b, '[')
	for i := 1; i < len(w); {
		j := i + 1
		for j < len(w) && w[j] == w[i] {
			j++
		}
		if len(b) > 1 {
			b = append(b, ' ')
		}
		if j-i >= 3 {
			b = strconv.AppendInt(b, int64(i), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(j-1), 10)
			b = append(b, ' ')
			b = appendNum(b, w[i], 3)
			i = j
			continue
		}
		// A list runs until the next stretch of three equal widths.
		k := i
		for k < len(w) && !(k+2 < len(w) && w[k] == w[k+1] && w[k] == w[k+2]) {
			k++
		}
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, " ["...)
		for c := i; c < k; c++ {
			if c > i {
				b = append(b, ' ')
			}
			b = appendNum(b, w[c], 3)
		}
		b = append(b, ']')
		i = k
	}
	return string(append(b, ']'))
}

// descriptor writes the FontDescriptor (ISO 32000-1, 9.8) from 'head',
// 'hhea', 'OS/2' and 'post'.
func (f *fontRes) descriptor(base string, file ref) string {
	m := f.tt.Metrics
	// Flags (Table 123): Symbolic, since glyphs are reached by ID and the
	// fonts cover far more than the standard Latin set.
	flags := 4
	if m.FixedPitch {
		flags |= 1
	}
	if c := m.FamilyClass >> 8; c >= 1 && c <= 7 { // OS/2 serif classes
		flags |= 2
	}
	if m.ItalicAngle != 0 {
		flags |= 64
	}
	// No table records stem width; this common estimate from the weight
	// class gives 88 for Regular and 166 for Bold.
	stemV := 50 + int(math.Pow(float64(m.WeightClass)/65, 2))
	return fmt.Sprintf("<</Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%s %s %s %s] "+
		"/ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV %d /FontFile2 %s>>",
		base, flags, f.scale(m.XMin), f.scale(m.YMin), f.scale(m.XMax), f.scale(m.YMax),
		num(m.ItalicAngle, 2), f.scale(m.Ascender), f.scale(m.Descender), f.scale(m.CapHeight), stemV, file)
}
