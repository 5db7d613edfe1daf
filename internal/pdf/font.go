package pdf

import (
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/pdf/truetype"
)

// fontRes is one face as a PDF font resource: a Type 0 font with Identity-H
// encoding over a CIDFontType2 (ISO 32000-1, 9.7), so that a 2-byte code in
// a string is the glyph ID itself.
type fontRes struct {
	face    *fonts.Face
	tt      *truetype.Font
	name    string // resource name in page dictionaries, e.g. F1
	obj     ref    // the Type 0 font dictionary
	used    map[uint16]bool
	unicode map[uint16]string // ToUnicode entries from trivial clusters
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

// use returns face's resource, parsing its TrueType tables on first use.
// Faces are told apart by the font file they share: fonts.Set.Clone gives
// each goroutine its own Face values over the same data, and a document
// that mixes them must still embed each font once.
func (s *fontSet) use(w *objWriter, face *fonts.Face) (*fontRes, error) {
	if len(face.Data) == 0 || face.Font == nil {
		return nil, fmt.Errorf("face %q has no font data", face.Name)
	}
	key := program{&face.Data[0], len(face.Data)}
	if f, ok := s.byProgram[key]; ok {
		return f, nil
	}
	tt, err := truetype.Parse(face.Data)
	if err != nil {
		return nil, fmt.Errorf("load font %s: %w", face.Name, err)
	}
	f := &fontRes{
		face:    face,
		tt:      tt,
		name:    fmt.Sprintf("F%d", len(s.order)+1),
		obj:     w.alloc(),
		used:    map[uint16]bool{},
		unicode: map[uint16]string{},
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
	f.used[gid] = true
	return nil
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
	gids := make([]uint16, 0, len(f.used))
	for g := range f.used {
		gids = append(gids, g)
	}
	sort.Slice(gids, func(i, j int) bool { return gids[i] < gids[j] })
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
// descriptor, the subset program (FontFile2) and the ToUnicode CMap.
func (f *fontRes) write(w *objWriter) error {
	gids := f.sortedGlyphs()
	prog, err := f.tt.Subset(gids)
	if err != nil {
		return fmt.Errorf("subset font %s: %w", f.face.Name, err)
	}
	base := pdfName(subsetTag(f.face.Name, gids) + "+" + f.face.Name)
	cid, desc, file, tou := w.alloc(), w.alloc(), w.alloc(), w.alloc()

	w.object(f.obj, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s>>",
		base, cid, tou))
	w.object(cid, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont %s "+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> "+
		"/FontDescriptor %s /W %s /CIDToGIDMap /Identity>>", base, desc, f.widths(gids)))
	w.object(desc, f.descriptor(base, file))
	if err := w.flateStream(file, fmt.Sprintf("/Length1 %d", len(prog)), prog); err != nil {
		return fmt.Errorf("write font %s: %w", f.face.Name, err)
	}
	if err := w.flateStream(tou, "", toUnicodeCMap(f.unicode)); err != nil {
		return fmt.Errorf("write font %s: %w", f.face.Name, err)
	}
	return nil
}

// widths writes the W array (ISO 32000-1, 9.7.4.3) for the used glyphs:
// "c [w1 w2 ...]" for each run of consecutive IDs, or "c1 c2 w" when a run
// of three or more shares one width.
func (f *fontRes) widths(gids []uint16) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < len(gids); {
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		same := true
		for k := i + 1; k < j; k++ {
			same = same && f.width(gids[k]) == f.width(gids[i])
		}
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		if same && j-i >= 3 {
			fmt.Fprintf(&b, "%d %d %s", gids[i], gids[j-1], num(f.width(gids[i]), 3))
		} else {
			fmt.Fprintf(&b, "%d [", gids[i])
			for k := i; k < j; k++ {
				if k > i {
					b.WriteByte(' ')
				}
				b.WriteString(num(f.width(gids[k]), 3))
			}
			b.WriteByte(']')
		}
		i = j
	}
	b.WriteByte(']')
	return b.String()
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
