package pdf

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// drawnCluster is one glyph cluster of a run as the content stream draws
// it: its glyphs in drawing order, each with its character code, and the
// ActualText (ISO 32000-1, 14.9.4) that stands for the cluster when the
// drawing order is not the visual order.
type drawnCluster struct {
	order  []int    // glyph indices into the run, in drawing order
	codes  []uint16 // the code of each glyph in order
	actual string   // "" when no span is needed
	end    int      // one past the cluster's last glyph, in visual order
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

// plan shares each cluster's text among its glyphs (share), allocates a
// character code for each (glyph, text) pair, and marks the clusters
// whose drawing order differs from their visual order for ActualText: a
// client that orders glyphs by position (poppler) would otherwise read a
// Khmer pre-base vowel or coeng ro, or Burmese ေ and ြ, before their
// consonant. Every other cluster extracts through ToUnicode alone.
func (f *fontRes) plan(run *pages.GlyphRun) ([]drawnCluster, error) {
	cs, err := clusters(run)
	if err != nil {
		return nil, err
	}
	out := make([]drawnCluster, 0, len(cs))
	for _, c := range cs {
		glyphs := run.Glyphs[c.start:c.end]
		order, texts := share(glyphs, c.text, f.nominal)
		d := drawnCluster{end: c.end}
		reordered, surplus := false, false
		for k, i := range order {
			if k > 0 && i < order[k-1] {
				reordered = true
			}
			text := texts[i]
			if text == "" {
				text, surplus = "\u200B", true
			}
			code, err := f.code(glyphs[i].ID, text)
			if err != nil {
				return nil, err
			}
			d.order = append(d.order, c.start+i)
			d.codes = append(d.codes, code)
		}
		if reordered || (spanSurplus && surplus) || (spanOffsets && hasOffsets(glyphs)) {
			d.actual = c.text
		}
		out = append(out, d)
	}
	return out, nil
}

// spanOffsets also wraps clusters with positioned marks in ActualText.
var spanOffsets = os.Getenv("X_SPAN_OFFSETS") != ""
var spanSurplus = os.Getenv("X_SPAN_SURPLUS") != ""

func hasOffsets(glyphs []pages.Glyph) bool {
	for _, g := range glyphs {
		if math.Abs(g.XOffset) > 1e-9 || math.Abs(g.YOffset) > 1e-9 {
			return true
		}
	}
	return false
}

// nominal is the font's cmap lookup: the same as Face.NominalGlyph,
// minus its cache, since the parsed Font is read-only and documents
// sharing faces can be written concurrently.
func (f *fontRes) nominal(r rune) (uint16, bool) {
	gid, ok := f.face.Font.Cmap.Lookup(r)
	return uint16(gid), ok
}

// toUnicodeCMap writes the ToUnicode CMap (ISO 32000-1, 9.10.3; Adobe
// Technical Note #5411) of the 2-byte codes 1..len(texts)-1: code c maps
// to texts[c]. Code 0 is never drawn.
func toUnicodeCMap(texts []string) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	// A bfchar block holds at most 100 entries (Note #5411).
	for c := 1; c < len(texts); c += 100 {
		n := min(len(texts)-c, 100)
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for k := c; k < c+n; k++ {
			fmt.Fprintf(&b, "<%04X> <%s>\n", k, utf16Hex(texts[k]))
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n")
	return []byte(b.String())
}
