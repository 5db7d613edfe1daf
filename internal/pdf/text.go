package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// planned is how a run's glyphs are drawn and extracted: cluster after
// cluster, each glyph in drawing order with the text and width its
// character code stands for. The character codes themselves are each
// document's (fontRes.codes), so that documents can share a plan (plans).
type planned struct {
	clusters []drawnCluster
	order    []int     // glyph indices into the run, in drawing order
	texts    []string  // the ToUnicode text of each glyph in order (mappable; ZERO WIDTH SPACE for none)
	widths   []float64 // the W width of each glyph in order, glyph space
	textless []bool    // whether each glyph in order has no text of its own (texts holds ZWSP for it)
}

// drawnCluster is one glyph cluster of a run as the content stream draws
// it: its glyphs, the next n of the plan's order, and the ActualText of
// the span (ISO 32000-1, 14.9.4) that wraps them, if the cluster needs
// one. A span's glyphs without text of their own come last; at the end of
// a run, where no part follows to merge with, they go in a span of their
// own when one starts beyond the run's end (content.run).
type drawnCluster struct {
	n        int
	span     string // the ActualText as a PDF text string, or "" for no span
	textless int    // how many of its glyphs at the end have no text
}

// planScratch holds plan's working arrays, and the codes of the run
// being drawn, so that a document's runs in one font reuse them: the
// codes are read by content.run before the font's next run is drawn. A
// fontRes belongs to one document, and a document is written by one
// goroutine.
type planScratch struct {
	texts  []string
	orders []int
	codes  []uint16
	key    []byte // the run's key in plans
	pens   []float64
	widths []float64
	parts  []part

	vals     []int // clusters' arrays
	seen     []bool
	clusters []cluster
}

// grow returns s with length n, reusing its array when it is large
// enough; the elements are zeroed.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
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
func clusters(run *pages.GlyphRun, sc *planScratch) ([]cluster, error) {
	vals := sc.vals[:0]
	for i, g := range run.Glyphs {
		if g.Cluster < 0 || g.Cluster > len(run.Text) {
			return nil, fmt.Errorf("glyph %d: cluster %d outside the run's %d bytes of text", i, g.Cluster, len(run.Text))
		}
		if g.Cluster < len(run.Text) && !utf8.RuneStart(run.Text[g.Cluster]) {
			return nil, fmt.Errorf("glyph %d: cluster %d is inside a character", i, g.Cluster)
		}
		vals = append(vals, g.Cluster)
	}
	// Shaped text mostly comes in order (left-to-right scripts), and
	// then needs no sort.
	if !slices.IsSorted(vals) {
		slices.Sort(vals)
	}
	vals = compactInts(vals)

	out := sc.clusters[:0]
	seen := grow(sc.seen, len(vals)) // by index into vals
	sc.vals, sc.seen = vals, seen
	for i := 0; i < len(run.Glyphs); {
		j := i + 1
		for j < len(run.Glyphs) && run.Glyphs[j].Cluster == run.Glyphs[i].Cluster {
			j++
		}
		c := run.Glyphs[i].Cluster
		k, _ := slices.BinarySearch(vals, c)
		from, to := c, len(run.Text)
		if k == 0 {
			from = 0
		}
		if k+1 < len(vals) {
			to = vals[k+1]
		}
		text := run.Text[from:to]
		if seen[k] {
			text = ""
		}
		seen[k] = true
		out = append(out, cluster{start: i, end: j, text: text})
		i = j
	}
	sc.clusters = out
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

// plan chooses how each cluster is drawn and extracted, as measured in
// poppler, pdf.js, PDFium and MuPDF (test/viewers), and allocates a
// character code for each (glyph, text, width).
//
// A cluster whose glyphs sit where the pen puts them, each with text of
// its own, is drawn in visual order with the text shared among its glyphs
// (share): a ligature maps to its whole string. Every client reads it
// through ToUnicode alone.
//
// A cluster with positioned glyphs (marks drawn back over their base or
// off the baseline), with a glyph that has no character of its own (the
// pre-base half of a split Khmer vowel, a Khmer coeng ro or Burmese ေ
// drawn before its consonant), or whose first glyph's text holds a
// nonspacing mark, is drawn inside an ActualText span (ISO 32000-1,
// 14.9.4), which poppler, PDFium and MuPDF read: without it poppler sets
// marks off the baseline apart or on a line of their own. pdf.js reads
// only ToUnicode, in content order, so the text is still shared out among
// the span's glyphs (spanOrder), and their widths are chosen so that no
// client sees a gap inside a word (spanWidths). A glyph left without text
// maps to ZERO WIDTH SPACE, which pdf.js skips and the span hides from the
// others. Neighbouring clusters share a span where a glyph crosses their
// boundary (merge).
func (f *fontRes) plan(run *pages.GlyphRun) (planned, error) {
	cs, err := clusters(run, &f.scratch)
	if err != nil {
		return planned{}, err
	}
	n, sc := len(run.Glyphs), &f.scratch
	texts := grow(sc.texts, n) // per glyph of the run
	parts := sc.parts[:0]
	// The clusters' orders are cut from one array; a full slice
	// expression makes merge's append copy, not overwrite.
	orders := grow(sc.orders, n)
	pens := grow(sc.pens, n+1) // pen position before each glyph
	for i, g := range run.Glyphs {
		pens[i+1] = pens[i] + g.XAdvance
	}
	for _, c := range cs {
		glyphs := run.Glyphs[c.start:c.end]
		p := part{start: c.start, end: c.end, text: c.text, order: orders[c.start:c.end:c.end]}
		if len(glyphs) == 1 && utf8.ValidString(c.text) {
			// Most clusters: share gives the one glyph the whole text.
			p.order[0] = c.start
			texts[c.start] = c.text
			p.span = offsets(glyphs) || c.text == ""
			parts = append(parts, p)
			continue
		}
		order, own := share(glyphs, c.text, f.nominal)
		// A cluster whose first glyph's text holds a nonspacing mark is
		// a span too, so that its first glyph can take the leading
		// characters alone (spanOrder).
		p.span = offsets(glyphs) || hasEmpty(own) || len(order) > 1 && !checked(own[order[0]])
		for k, i := range order {
			p.order[k] = c.start + i
			texts[c.start+i] = own[i]
		}
		parts = append(parts, p)
	}
	parts = merge(run, pens, parts)
	// What plan returns outlives the scratch buffers when documents
	// share it (plans).
	out := planned{clusters: make([]drawnCluster, 0, len(parts)),
		order: make([]int, 0, n), texts: make([]string, 0, n), widths: make([]float64, 0, n), textless: make([]bool, 0, n)}
	widths := sc.widths
	lastText := "" // the text of the last cluster of out
	for pi, p := range parts {
		d, order := drawnCluster{n: len(p.order)}, p.order
		if p.span {
			if p.text != "" {
				d.span = textString(p.text)
			}
			order = spanOrder(run, p.order, texts)
			for k := len(order) - 1; p.over && k > 0 && texts[order[k]] == ""; k-- {
				d.textless++
			}
		}
		widths = widths[:0]
		for _, i := range order {
			w := f.width(run.Glyphs[i].ID)
			if texts[i] == "\u200B" {
				// HarfBuzz draws a ZERO WIDTH SPACE of the text with the
				// space glyph and no advance; at the space's width the
				// pen went back after it, and poppler took the glyph for
				// a space and the move for a new line.
				w = 0
			}
			widths = append(widths, w)
		}
		if p.span {
			widths = spanWidths(run, pens, p, order, widths, texts, d.textless)
		}
		out.order = append(out.order, order...)
		out.widths = append(out.widths, widths...)
		for _, i := range order {
			text := texts[i]
			out.textless = append(out.textless, text == "")
			if text == "" {
				text = "\u200B"
			}
			out.texts = append(out.texts, mappable(text))
		}
		if pi > 0 && spaceBefore(parts[pi-1], p) {
			// The space and this span are one span: see spaceBefore.
			last := &out.clusters[len(out.clusters)-1]
			last.n += d.n
			lastText = parts[pi-1].text + p.text
			last.span = textString(lastText)
			last.textless = d.textless
			continue
		}
		if pi > 0 && out.clusters[len(out.clusters)-1].textless == 0 &&
			spaceAfter(parts[pi-1], p, parts[pi+1:]) {
			// The span and this space are one span: see spaceAfter.
			last := &out.clusters[len(out.clusters)-1]
			last.n += d.n
			lastText += p.text
			last.span = textString(lastText)
			continue
		}
		out.clusters = append(out.clusters, d)
		lastText = p.text
	}
	sc.texts, sc.orders, sc.pens, sc.widths, sc.parts = texts, orders, pens, widths, parts
	return out, nil
}

// codes allocates the character code of each glyph of a planned run, in
// drawing order, in one array that is reused by the font's next run.
// hint holds the codes of the same plan drawn before, in another
// document or this one: where a hinted code already stands for the
// glyph, text and width here, it is the code this document has for them
// (fontRes.code makes one code per triple), found without a search.
func (f *fontRes) codes(run *pages.GlyphRun, pl *planned, hint []uint16) ([]uint16, error) {
	codes := f.scratch.codes[:0]
	for k, i := range pl.order {
		gid, text, width := run.Glyphs[i].ID, pl.texts[k], pl.widths[k]
		if k < len(hint) {
			if h := hint[k]; int(h) < len(f.gid) && f.gid[h] == gid && f.adv[h] == width && f.text[h] == text {
				codes = append(codes, h)
				continue
			}
		}
		code, err := f.mappedCode(gid, text, width)
		if err != nil {
			return nil, err
		}
		codes = append(codes, code)
	}
	f.scratch.codes = codes
	return codes, nil
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
	b := make([]byte, 0, 512+16*len(texts))
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	// A bfchar block holds at most 100 entries (Note #5411).
	for c := 1; c < len(texts); c += 100 {
		n := min(len(texts)-c, 100)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " beginbfchar\n"...)
		for k := c; k < c+n; k++ {
			b = append(b, '<')
			b = appendHex4(b, uint16(k))
			b = append(b, "> <"...)
			b = appendUTF16Hex(b, texts[k])
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n"...)
}

// spaceBefore reports whether part prev is a space between words drawn
// with no span of its own, right before span part p: then the space is
// drawn inside p's span, whose ActualText begins with it. PDFium makes a
// text object of every show operator and drops one whose ink box has no
// width (CPDF_TextPage::ProcessTextObject, core/fpdftext), so a space
// shown alone between two spans never reached its text; it then guessed
// the gap from the spans' widths, which are wide in a Burmese word
// (spanWidths), and lost 7 % of the spaces between Burmese words. In the
// span, the space's ink-less glyph is part of the span's text, which
// PDFium reads whole. Every other client reads the same text as before.
func spaceBefore(prev, p part) bool {
	return !prev.span && p.span && p.text != "" && loneSpace(prev)
}

// spaceAfter reports whether part p is a space between words drawn with
// no span of its own, right after span part prev, and not before a span
// (rest, the parts after it: spaceBefore takes it then): then the space
// is drawn inside prev's span, whose ActualText ends with it. A run that
// ends in a space after a span, before an emphasised run in the same
// Burmese face, or in its bold, left the space shown alone, and PDFium,
// which drops it (spaceBefore), guessed no gap before the next run: it
// lost 5 of the 2,254 spaces of the sample Burmese PDFs, in Chrome's
// copy and read-aloud text alike (measured December 2026, Chromium 148).
// The caller leaves out a span whose last glyphs have no text: those are
// drawn in a span of their own, which would hide the space too.
func spaceAfter(prev, p part, rest []part) bool {
	if !prev.span || prev.text == "" || p.span || !loneSpace(p) {
		return false
	}
	return len(rest) == 0 || !spaceBefore(p, rest[0])
}

// loneSpace reports whether part p is one glyph of white space.
func loneSpace(p part) bool {
	return len(p.order) == 1 && p.text != "" && strings.TrimFunc(p.text, unicode.IsSpace) == ""
}
