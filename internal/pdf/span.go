package pdf

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// spanOrder chooses the drawing order of a span's glyphs (share's order,
// in which texts spell the span's text) and shares the text out again,
// in texts, for the clients that read glyph text (pdf.js always, MuPDF
// while it spells the span's ActualText):
//   - first the leftmost glyph on the baseline: poppler places the
//     span's text there. It takes the text's leading characters up to
//     the first nonspacing mark (Mn), so that pdf.js checks its position
//     and puts a space before the word there, not after its first
//     cluster ("និ ង" when the whole cluster was on it);
//   - then the other glyphs on the baseline with text of their own, each
//     taking its piece and the pieces of the marks after it: the first
//     text object (one TJ) then holds all the text, and MuPDF's pen does
//     not jump back over the span and start a new line;
//   - then, if no other glyph on the baseline has text, a glyph off it
//     takes the rest (Khmer និ: ន, then ិ);
//   - then the glyphs left without text (ZERO WIDTH SPACE): MuPDF stops
//     taking glyph text at the first that does not spell the span's
//     ActualText and repeated the rest when one stood between (Thai
//     "เคลื่ื่อน").
func spanOrder(run *pages.GlyphRun, order []int, texts []string) []int {
	var all []rune
	// Each glyph's piece in all, by glyph index from lo (order holds a
	// span's glyphs, a range of the run's); start -1 for no piece.
	lo := slices.Min(order)
	starts := make([]int, 2*(slices.Max(order)-lo+1))
	starts, ends := starts[:len(starts)/2], starts[len(starts)/2:]
	for k := range starts {
		starts[k] = -1
	}
	for _, i := range order {
		if texts[i] != "" {
			starts[i-lo] = len(all)
			for _, r := range texts[i] {
				all = append(all, r)
			}
			ends[i-lo] = len(all)
		}
	}
	if len(all) == 0 {
		return order
	}
	for _, i := range order {
		texts[i] = ""
	}
	x := func(i int) float64 {
		v := run.Glyphs[i].XOffset
		for j := order[0]; j < i; j++ {
			v += run.Glyphs[j].XAdvance
		}
		return v
	}
	first := order[0]
	for _, i := range order {
		if run.Glyphs[i].YOffset == 0 && (run.Glyphs[first].YOffset != 0 || x(i) < x(first)-1e-9) {
			first = i
		}
	}
	lead := len(all)
	if len(order) > 1 {
		firstEnd := len(all) // the end of the first piece
		for k, s := range starts {
			if s == 0 {
				firstEnd = ends[k]
			}
		}
		lead = 1
		for lead < firstEnd && !unicode.Is(unicode.Mn, all[lead]) {
			lead++
		}
	}
	texts[first] = string(all[:lead])
	var owners []int
	for _, i := range order {
		if starts[i-lo] >= 0 && i != first && run.Glyphs[i].YOffset == 0 && ends[i-lo] > lead {
			owners = append(owners, i)
		}
	}
	if len(owners) == 0 && lead < len(all) {
		// The leftmost glyph after the first's start takes the rest: it
		// lies within the cluster, where PDFium sorts it next to the
		// first (Khmer ស្ពឺ: ឺ, not the subscript set beyond the end).
		carrier := -1
		for _, i := range order {
			if i != first && (carrier < 0 || x(i) < x(carrier)) && x(i) >= x(first) {
				carrier = i
			}
		}
		if carrier < 0 {
			carrier = order[0]
			if carrier == first {
				carrier = order[1]
			}
		}
		owners = append(owners, carrier)
	}
	drawn := []int{first}
	from := lead
	for k, i := range owners {
		to := len(all)
		if k+1 < len(owners) {
			to = max(starts[owners[k+1]-lo], from)
		}
		texts[i] = string(all[from:to])
		from = to
		drawn = append(drawn, i)
	}
	for _, i := range order {
		if texts[i] == "" && i != first {
			drawn = append(drawn, i)
		}
	}
	return drawn
}

// part is one cluster, or several merged, as plan draws it: run glyph
// indices in drawing order, and whether it needs a span.
type part struct {
	start, end int // glyph indices into the run, in visual order
	order      []int
	text       string
	span       bool
	over       bool // a glyph starts at or beyond the end: the run's last part
}

// merge joins a span with the part after it while one of its glyphs
// starts at or beyond its end, and with the part before it while one
// starts before its start. PDFium reads a line's text objects sorted by
// where they start, and takes a span's ActualText again when another
// object comes between two of the span's (a Khmer subscript set just
// after its cluster's end repeated the cluster, 11 % of characters
// wrong); in one span, the objects stay together. pens holds the pen
// position before each glyph of the run (plan computes it once).
func merge(run *pages.GlyphRun, pens []float64, parts []part) []part {
	// Positions within this much of a boundary may sort either way once
	// TJ numbers are rounded.
	const slack = 0.01
	over := func(p part, right bool) bool {
		for _, i := range p.order {
			x := pens[i] + run.Glyphs[i].XOffset
			if right && x > pens[p.end]-slack || !right && x < pens[p.start]-slack {
				return true
			}
		}
		return false
	}
	out := parts[:0] // in place: out never gets ahead of parts
	for _, p := range parts {
		if n := len(out); n > 0 && (out[n-1].span && (over(out[n-1], true) || numberGoesOn(out[n-1].text, p.text)) || p.span && over(p, false)) {
			q := &out[n-1]
			q.order = append(q.order, p.order...)
			q.text += p.text
			q.end = p.end
			q.span = true
			continue
		}
		out = append(out, p)
	}
	// Only the run's last part can still reach beyond its end.
	out[len(out)-1].over = out[len(out)-1].span && over(out[len(out)-1], true)
	return out
}

// numberGoesOn reports whether a span that took in the start of a number
// (the Khmer ឆ្នាំ, whose last mark overhangs, with the ២ of ២០១៦) goes on
// to take the rest of it: split after its first digit, MuPDF read
// "ឆ្នាំ២" and "០១៦" as two words, and a search for ២០១៦ failed.
func numberGoesOn(span, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(span)
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsDigit(last) && unicode.IsDigit(first)
}

// spanWidths chooses the width (ISO 32000-1, 9.7.4.3) of each glyph of
// a span, in drawing order; the content stream's TJ numbers then take the
// pen to each glyph's place, so the picture does not change. Clients
// that place text by position read the widths:
//   - MuPDF moves its pen to the end of each glyph it takes text from,
//     except where the text begins with a nonspacing mark (see advances),
//     skips the glyphs without text (they come last), and starts a new
//     line where the pen jumps back or ahead by most of an em;
//   - pdf.js moves its pen only past glyphs whose text holds no
//     nonspacing mark (see checked), and puts a space before such a glyph
//     when it starts more than a tenth of the font size beyond the end of
//     the last one;
//   - PDFium measures the gap to the next cluster from the last glyph of
//     the span's first text object (one TJ: the same rise, up to a glyph
//     without text, after which the writer ends the TJ, see show);
//   - poppler ends the span where its last glyph's advance ends; the
//     last textless glyphs of a run's last span are drawn in a span of
//     their own (content.run), whose empty text poppler skips, so it ends
//     the span with text at the glyph before them.
//
// So each glyph MuPDF moves past reaches the next such glyph (where that
// lies ahead; otherwise it keeps the font's advance, which reaches
// beyond), and the last of them, the first text object's last glyph, the
// last glyph and the last one before the textless ones drawn apart reach
// the span's end. Read by pdf.js, the sum of the widths between two
// checked glyphs then covers the distance between them, and no gap opens
// inside the span or after it. Without the last, poppler saw a gap where
// a Khmer word whose last glyph was drawn apart met the next run in
// another face, and read a space there (ឆ្នាំ 2016, 34 times in the Khmer
// samples).
func spanWidths(run *pages.GlyphRun, pens []float64, p part, order []int, widths []float64, texts []string, textless int) []float64 {
	x := func(k int) float64 { return pens[order[k]] + run.Glyphs[order[k]].XOffset }
	set := func(k int, to float64) {
		// Layout's points at run.Size, in glyph space (1000 per em).
		if w := math.Round((to-x(k))*1000/run.Size*1000) / 1000; w >= 0 {
			widths[k] = w
		}
	}
	lastText := -1
	for k, i := range order {
		if !advances(texts[i]) {
			continue
		}
		if lastText >= 0 {
			set(lastText, x(k))
		}
		lastText = k
	}
	first := 0
	for first+1 < len(order) && texts[order[first]] != "" && rise(run.Glyphs[order[first+1]]) == rise(run.Glyphs[order[0]]) {
		first++
	}
	end := pens[p.end]
	for _, k := range []int{lastText, first, len(order) - 1, len(order) - 1 - textless} {
		if k >= 0 {
			set(k, end)
		}
	}
	return widths
}

// advances reports whether MuPDF moves its pen past a glyph with this
// text: not when it is empty or begins with a nonspacing mark, which
// MuPDF takes as part of the glyph before (measured, mupdf 1.28).
func advances(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return text != "" && !unicode.Is(unicode.Mn, r)
}

// checked reports whether pdf.js compares a glyph with this text against
// the position of the previous one: not when the text holds a nonspacing
// mark, ends with a format character (Cf, skipped) or begins with a space
// (pdfjs-dist 5.6, getTextContent).
func checked(text string) bool {
	rs := []rune(text)
	if len(rs) == 0 || spaceText(text) || unicode.Is(unicode.Cf, rs[len(rs)-1]) {
		return false
	}
	return !slices.ContainsFunc(rs, func(r rune) bool { return unicode.Is(unicode.Mn, r) })
}

// pdfjsMoves reports whether pdf.js moves its pen past a glyph with this
// text by the glyph's width: a glyph whose text begins with a space, and
// one it checks; it moves by 0 past one whose text holds a nonspacing
// mark and skips one ending with a format character (pdfjs-dist 5.6,
// getTextContent's getCharUnicodeCategory and buildTextContentItem).
func pdfjsMoves(text string) bool {
	return spaceText(text) || checked(text)
}

// spaceText reports whether a glyph's text begins with white space, which
// pdf.js takes as a space between words.
func spaceText(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return text != "" && unicode.IsSpace(r)
}

// rise is a glyph's vertical offset as the content stream writes it (Ts).
func rise(g pages.Glyph) float64 { return math.Round(g.YOffset*1000) / 1000 }
