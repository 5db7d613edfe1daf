package pdf

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// drawnCluster is one glyph cluster of a run as the content stream draws
// it: its glyphs in drawing order, each with its character code, and the
// ActualText span (ISO 32000-1, 14.9.4) that wraps the first inSpan of
// them, if the cluster needs one.
type drawnCluster struct {
	order  []int    // glyph indices into the run, in drawing order
	codes  []uint16 // the code of each glyph in order
	actual string   // ActualText, or "" for no span
	inSpan int      // how many glyphs of order the span holds
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

// plan chooses how each cluster is drawn and extracted, as measured
// across poppler, pdf.js, PDFium and MuPDF (test/viewers), and allocates
// a character code for each (glyph, text, width).
//
// A cluster whose glyphs sit where the pen puts them, each with text of
// its own, is drawn in visual order with the text shared among its glyphs
// (share): a ligature maps to its whole string. Every client reads it
// through ToUnicode alone.
//
// A cluster with positioned glyphs (marks drawn back over their base or
// off the baseline), or with a glyph that has no character of its own
// (the pre-base half of a split Khmer vowel, a Khmer coeng ro or Burmese
// ေ drawn before its consonant), is wrapped in ActualText, which poppler,
// PDFium and MuPDF read: without it poppler sets such marks apart or on a
// line of their own. pdf.js reads only ToUnicode, so the cluster's first
// glyph maps to the whole cluster's text and the others to ZERO WIDTH
// SPACE (sharing the text among them instead, MuPDF 1.28 repeats it: 11 %
// of Khmer characters wrong) (no client honours an empty ToUnicode string: pdf.js falls back
// to the code, MuPDF to U+FFFD; pdf.js drops ZWSP). PDFium reads a span's
// ActualText once per text-showing operator, so the span holds only the
// glyphs on the baseline, drawn first with one TJ; the glyphs off the
// baseline follow it. Codes are allocated per (glyph, text, width): the
// span's first and last glyphs get widths that reach the cluster's end
// (toEnd), so that no client sees a gap inside a word. Drawing the marks
// off the baseline before the span instead gave pdf.js and PDFium more
// spaces inside Khmer words (465 → 585, 616 → 777), and widths that only
// join each glyph to the next left MuPDF's gaps as they were.
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
		if offsets(glyphs) || hasEmpty(texts) {
			d.actual = c.text
			order, d.inSpan = baselineFirst(glyphs, order)
			for k, i := range order {
				texts[i] = ""
				if k == 0 {
					texts[i] = c.text
				}
			}
		}
		widths := f.natural(glyphs, order)
		if d.actual != "" {
			widths = toEnd(run, c, order, widths)
		}
		for k, i := range order {
			text := texts[i]
			if text == "" {
				text = "\u200B"
			}
			code, err := f.code(glyphs[i].ID, text, widths[k])
			if err != nil {
				return nil, err
			}
			d.order = append(d.order, c.start+i)
			d.codes = append(d.codes, code)
		}
		out = append(out, d)
	}
	return out, nil
}

// natural gives each glyph of order the font's advance (hmtx) as its
// width.
func (f *fontRes) natural(glyphs []pages.Glyph, order []int) []float64 {
	w := make([]float64, len(order))
	for k, i := range order {
		w[k] = f.width(glyphs[i].ID)
	}
	return w
}

// toEnd gives the first and the last glyph of a positioned cluster, in
// drawing order, the width (ISO 32000-1, 9.7.4.3) that takes the pen from
// the glyph's origin to the cluster's end; the glyphs between keep the
// font's advance. Clients that place text by position then see the
// cluster end where the next one begins, with no gap to read as a space:
// MuPDF puts a span's ActualText (14.9.4) at its first glyph and moves on
// by that glyph's width, poppler ends a span at its last glyph's advance,
// pdf.js reads the first glyph's ToUnicode string and moves on from the
// last glyph (measured in test/viewers). TJ numbers take the pen back to
// the glyphs after the first. A width that would be negative (a mark
// drawn beyond the cluster's end) stays the font's advance.
func toEnd(run *pages.GlyphRun, c cluster, order []int, widths []float64) []float64 {
	end := 0.0
	for j := c.start; j < c.end; j++ {
		end += run.Glyphs[j].XAdvance
	}
	for _, k := range []int{0, len(order) - 1} {
		i := c.start + order[k]
		x := run.Glyphs[i].XOffset
		for j := c.start; j < i; j++ {
			x += run.Glyphs[j].XAdvance
		}
		// Layout's points at run.Size, in glyph space (1000 per em).
		if w := math.Round((end-x)*1000/run.Size*1000) / 1000; w >= 0 {
			widths[k] = w
		}
	}
	return widths
}

// baselineFirst moves the glyphs on the baseline to the front of order,
// keeping their order, and returns how many there are; with none, all
// glyphs count.
func baselineFirst(glyphs []pages.Glyph, order []int) ([]int, int) {
	var on, off []int
	for _, i := range order {
		if glyphs[i].YOffset == 0 {
			on = append(on, i)
		} else {
			off = append(off, i)
		}
	}
	if len(on) == 0 {
		return order, len(order)
	}
	return append(on, off...), len(on)
}

// offsets reports whether a glyph is drawn away from the pen.
func offsets(glyphs []pages.Glyph) bool {
	for _, g := range glyphs {
		if g.YOffset != 0 || g.XOffset != 0 {
			return true
		}
	}
	return false
}

// hasEmpty reports whether a glyph has no text of its own.
func hasEmpty(texts []string) bool {
	for _, t := range texts {
		if t == "" {
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
