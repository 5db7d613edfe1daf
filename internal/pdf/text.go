package pdf

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// span is a stretch of a run's glyphs, [start, end), that is either plain
// (its glyphs extract through the font's ToUnicode CMap) or replaced for
// extraction by ActualText.
type span struct {
	start, end int
	actual     bool   // wrap in /Span <</ActualText ...>> BDC ... EMC
	text       string // the text the glyphs stand for, when actual
}

// cluster is a group of adjacent glyphs sharing a Cluster value, with the
// text they represent.
type cluster struct {
	start, end int // glyph indices
	text       string
}

// clusters splits run into glyph clusters. A cluster's text runs from its
// Cluster value to the next larger value in the run, or to the end of the
// text (pages.Glyph). Text before the first cluster belongs to it, and a
// cluster value seen again after other clusters gets no text, so every
// byte of the run's text is extracted exactly once.
func clusters(run *pages.GlyphRun) ([]cluster, error) {
	vals := make([]int, 0, len(run.Glyphs))
	for i, g := range run.Glyphs {
		if g.Cluster < 0 || g.Cluster > len(run.Text) {
			return nil, fmt.Errorf("glyph %d: cluster %d outside the run's %d bytes of text", i, g.Cluster, len(run.Text))
		}
		if g.Cluster < len(run.Text) && !utf8.RuneStart(run.Text[g.Cluster]) {
			return nil, fmt.Errorf("glyph %d: cluster %d is inside a character", i, g.Cluster)
		}
		vals = append(vals, g.Cluster)
	}
	sort.Ints(vals)
	vals = compactInts(vals)

	var out []cluster
	seen := map[int]bool{}
	for i := 0; i < len(run.Glyphs); {
		j := i + 1
		for j < len(run.Glyphs) && run.Glyphs[j].Cluster == run.Glyphs[i].Cluster {
			j++
		}
		c := run.Glyphs[i].Cluster
		k := sort.SearchInts(vals, c)
		from, to := c, len(run.Text)
		if k == 0 {
			from = 0
		}
		if k+1 < len(vals) {
			to = vals[k+1]
		}
		text := run.Text[from:to]
		if seen[c] {
			text = ""
		}
		seen[c] = true
		out = append(out, cluster{start: i, end: j, text: text})
		i = j
	}
	return out, nil
}

func compactInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// spans classifies run's clusters (DESIGN.md, fact 4). A cluster is
// trivial when its glyphs are exactly the cmap glyphs of its characters,
// one each, in order, without offsets, and the font's ToUnicode does not
// already map one of them to another character. Trivial clusters add their
// glyphs to the ToUnicode map; every other cluster needs ActualText,
// because a ToUnicode CMap maps single glyphs and cannot express
// reordering, ligatures or marks that poppler would split from their base.
// Adjacent non-trivial clusters share one span to keep streams short.
func (f *fontRes) spans(run *pages.GlyphRun) ([]span, error) {
	cs, err := clusters(run)
	if err != nil {
		return nil, err
	}
	var out []span
	for _, c := range cs {
		trivial := f.trivial(run.Glyphs[c.start:c.end], c.text)
		if trivial {
			i := 0
			for _, r := range c.text {
				f.unicode[run.Glyphs[c.start+i].ID] = string(r)
				i++
			}
		}
		if n := len(out); n > 0 && out[n-1].actual == !trivial {
			out[n-1].end = c.end
			if !trivial {
				out[n-1].text += c.text
			}
			continue
		}
		s := span{start: c.start, end: c.end, actual: !trivial}
		if !trivial {
			s.text = c.text
		}
		out = append(out, s)
	}
	return out, nil
}

// trivial reports whether glyphs stand 1:1 for the characters of text.
func (f *fontRes) trivial(glyphs []pages.Glyph, text string) bool {
	if utf8.RuneCountInString(text) != len(glyphs) {
		return false
	}
	local := map[uint16]rune{}
	i := 0
	for _, r := range text {
		g := glyphs[i]
		i++
		if l, ok := local[g.ID]; ok && l != r {
			return false
		}
		local[g.ID] = r
		if math.Abs(g.XOffset) > 1e-9 || math.Abs(g.YOffset) > 1e-9 {
			return false
		}
		// The same lookup as Face.NominalGlyph, minus its cache: the
		// parsed Font is read-only, so documents sharing faces can be
		// written concurrently.
		gid, ok := f.face.Font.Cmap.Lookup(r)
		if !ok || uint16(gid) != g.ID {
			return false
		}
		if u, ok := f.unicode[g.ID]; ok && u != string(r) {
			return false
		}
	}
	return true
}

// toUnicodeCMap writes the ToUnicode CMap (ISO 32000-1, 9.10.3; Adobe
// Technical Note #5411) for the 2-byte Identity-H codes, which are glyph IDs.
func toUnicodeCMap(m map[uint16]string) []byte {
	gids := make([]int, 0, len(m))
	for g := range m {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)

	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	// A bfchar block holds at most 100 entries (Note #5411).
	for len(gids) > 0 {
		n := min(len(gids), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, g := range gids[:n] {
			fmt.Fprintf(&b, "<%04X> <%s>\n", g, utf16Hex(m[uint16(g)]))
		}
		b.WriteString("endbfchar\n")
		gids = gids[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n")
	return []byte(b.String())
}
