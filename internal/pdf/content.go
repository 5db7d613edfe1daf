package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// content builds one page's content stream (ISO 32000-1, 7.8.2 and
// chapter 8). It remembers the graphics and text state it has set, so
// operators are only written when a value changes, and it flips layout's
// top-left coordinates into PDF's bottom-left user space.
type content struct {
	b      bytes.Buffer
	height float64 // page height, for y_pdf = height - y

	// The colours set, and whether they are (the default is black);
	// values, not pointers, so that setting one allocates nothing.
	fill, stroke       pages.Color
	fillSet, strokeSet bool
	lineWidth          float64

	inText bool
	font   *fontRes
	size   float64
	rise   float64 // Ts, used for glyphs with a vertical offset

	pens []float64 // run's pen positions, kept between runs
	tj   showText  // run's TJ array, kept between runs

	// next is where the last run left the text state, for a run that
	// goes on from there (follows).
	next penState
}

// penState is where a run left the text state, on the page (PDF space):
// the baseline, where the layout ends the run, where the PDF's pen is,
// where the text line matrix starts, and how far pdf.js's pen lags.
type penState struct {
	ok                      bool
	y, end, pen, lineX, lag float64
}

// follows reports whether run goes on where the last run of the text
// object ended, on its baseline: the next word after a ZERO WIDTH SPACE,
// whose run the layout starts anew. It is then drawn with no Tm of its
// own. At a Tm pdf.js compares the new place with where its pen, lagging
// behind marks, left the last word, and put a space between the words
// of every ZWSP-segmented line (118 in a page of Khmer); PDFium read a
// cluster twice where a new text object began at it.
func (c *content) follows(run *pages.GlyphRun, y float64) bool {
	n := c.next
	return c.inText && n.ok && math.Abs(n.y-y) < 1e-6 && math.Abs(n.end-run.X) < 0.05
}

// spare keeps content builders for reuse, one per core for the life of
// the process, as compressors does: each page's stream grew a buffer of
// its own from nothing, a quarter of the bytes a 210-PDF build allocated.
var spare = make(chan *content, runtime.GOMAXPROCS(0))

// newContent starts a page's content stream, in a spare builder's
// buffers when there is one. PDF's initial line width is 1 (ISO 32000-1,
// Table 52).
func newContent(height float64) *content {
	c := &content{}
	select {
	case c = <-spare:
	default:
	}
	*c = content{b: c.b, height: height, lineWidth: 1, pens: c.pens, tj: showText{b: c.tj.b[:0]}}
	c.b.Reset()
	return c
}

// release gives c back for another page, once its stream is written:
// neither c nor its bytes are used after. A builder grown past spareMax
// (a page of thousands of glyphs) is left to the collector, as
// releaseBuffer leaves a file's buffer.
func (c *content) release() {
	if c.b.Cap() > spareMax {
		return
	}
	select {
	case spare <- c:
	default: // as many spare as cores already
	}
}

var errNotFinite = errors.New("coordinate is not a finite number")

// op writes an operator line without operands.
func (c *content) op(s string) {
	c.b.WriteString(s)
	c.b.WriteByte('\n')
}

// nums writes each value, three decimals at most, followed by a space:
// the operands of the operator the caller writes next. The numbers are
// appended straight into the buffer's spare room (no fmt, no strings).
func (c *content) nums(vs ...float64) {
	b := c.b.AvailableBuffer()
	for _, v := range vs {
		b = appendNum(b, v, 3)
		b = append(b, ' ')
	}
	c.b.Write(b)
}

func (c *content) setFill(col pages.Color) {
	if !c.fillSet || c.fill != col {
		c.nums(col.R, col.G, col.B)
		c.op("rg")
		c.fill, c.fillSet = col, true
	}
}

func (c *content) setStroke(col pages.Color) {
	if !c.strokeSet || c.stroke != col {
		c.nums(col.R, col.G, col.B)
		c.op("RG")
		c.stroke, c.strokeSet = col, true
	}
}

// rect paints a rectangle: filled (f), stroked (S) or both (B). A zero
// line width means "not given" in layout and gets PDF's default of 1.
func (c *content) rect(r pages.Rect) error {
	if !finite(r.X, r.Y, r.W, r.H, r.LineWidth) {
		return errNotFinite
	}
	if r.Fill == nil && r.Stroke == nil {
		return nil
	}
	paint := "f"
	if r.Fill != nil {
		c.setFill(*r.Fill)
	}
	if r.Stroke != nil {
		c.setStroke(*r.Stroke)
		lw := r.LineWidth
		if lw <= 0 {
			lw = 1
		}
		if lw != c.lineWidth {
			c.nums(lw)
			c.op("w")
			c.lineWidth = lw
		}
		paint = "S"
		if r.Fill != nil {
			paint = "B"
		}
	}
	c.nums(r.X, c.height-r.Y-r.H, r.W, r.H)
	c.b.WriteString("re ")
	c.op(paint)
	return nil
}

// image draws an image XObject into its box: the cm maps the unit square
// the image occupies onto the box (ISO 32000-1, 8.9.4).
func (c *content) image(img pages.Image, name string) error {
	if !finite(img.X, img.Y, img.W, img.H) {
		return errNotFinite
	}
	c.b.WriteString("q ")
	c.nums(img.W, 0, 0, img.H, img.X, c.height-img.Y-img.H)
	c.b.WriteString("cm /")
	c.b.WriteString(name)
	c.op(" Do Q")
	return nil
}

// beginText opens the page's text object, if none is open.
func (c *content) beginText() {
	if !c.inText {
		c.op("BT")
		c.inText = true
	}
}

// endText closes the page's text object, if one is open.
func (c *content) endText() {
	if c.inText {
		c.op("ET")
		c.inText = false
	}
	c.next.ok = false
}

// run draws a glyph run. Each glyph is placed exactly where the layout
// puts it: the pen moves by the layout's XAdvance, not the font's advance,
// and TJ numbers (ISO 32000-1, 9.4.3) make up the difference; horizontal
// offsets are TJ numbers too, vertical offsets set the text rise (Ts,
// 9.3.7). A cluster's glyphs are drawn in the order plan chose, moving
// back and forth as needed; a cluster that plan gave ActualText is drawn
// inside its span (14.9.4). At the end of a run, the glyphs without text
// of a span that reaches beyond the run's end follow in a span of their
// own, with empty ActualText (poppler and MuPDF then skip the glyphs'
// text), holding one whose ActualText is a lone NUL: PDFium takes a
// span's text again at each of its text objects that does not directly
// follow another of the span's, in the order of where they start on the
// line, so a mark set beyond the next run's start read the cluster twice
// ("ឆ្នាំ2016ឆ្នាំ"), but it skips a span whose text has nothing
// printable, reading the innermost. pdf.js skips ZERO WIDTH SPACE.
//
// codes holds the character code of each glyph in drawing order. A plan
// that documents share remembers the bytes its glyphs came to (runBody),
// and writes them again for the same codes.
func (c *content) run(run *pages.GlyphRun, f *fontRes, rp *runPlan, codes []uint16) error {
	if !finite(run.X, run.Y, run.Size, run.Color.R, run.Color.G, run.Color.B) {
		return errNotFinite
	}
	if run.Size <= 0 {
		return fmt.Errorf("font size %g is not positive", run.Size)
	}
	if cap(c.pens) < len(run.Glyphs)+1 {
		c.pens = make([]float64, len(run.Glyphs)+1)
	}
	pens := c.pens[:len(run.Glyphs)+1] // pen position before each glyph, from the origin
	pens[0] = 0
	for i, g := range run.Glyphs {
		if !finite(g.XAdvance, g.XOffset, g.YOffset) {
			return fmt.Errorf("glyph %d: %w", i, errNotFinite)
		}
		pens[i+1] = pens[i] + g.XAdvance
	}
	y := c.height - run.Y
	cont := c.follows(run, y) && c.font == f && c.size == run.Size
	c.beginText()
	if c.font != f || c.size != run.Size {
		c.b.WriteByte('/')
		c.b.WriteString(f.name)
		c.b.WriteByte(' ')
		c.nums(run.Size)
		c.op("Tf")
		c.font, c.size = f, run.Size
	}
	c.setFill(run.Color)
	var from penState // the pen from the run's origin
	if cont {
		from = penState{pen: c.next.pen - run.X, lineX: c.next.lineX - run.X, lag: c.next.lag}
	} else {
		c.b.WriteString("1 0 0 1 ")
		c.nums(run.X, y)
		c.op("Tm")
		if b := rp.body(codes, c.rise); b != nil {
			c.b.Write(b.b)
			c.rise = b.rise1
			c.leave(run, y, pens, b.end)
			return nil
		}
	}
	start, rise0 := c.b.Len(), c.rise
	end := c.glyphs(run, f, &rp.planned, codes, pens, from)
	if rp.shared && !cont {
		rp.keep(&runBody{codes: slices.Clone(codes), rise0: rise0, rise1: c.rise, b: bytes.Clone(c.b.Bytes()[start:]), end: end})
	}
	c.leave(run, y, pens, end)
	return nil
}

// leave records where run left the text state (end, from its origin) for
// the next run.
func (c *content) leave(run *pages.GlyphRun, y float64, pens []float64, end penState) {
	c.next = penState{ok: true, y: y, end: run.X + pens[len(pens)-1],
		pen: run.X + end.pen, lineX: run.X + end.lineX, lag: end.lag}
}

// glyphs draws a run's planned clusters, with their codes, from the pen
// positions of its glyphs.
func (c *content) glyphs(run *pages.GlyphRun, f *fontRes, pl *planned, codes []uint16, pens []float64, from penState) penState {
	p := pen{c: c, run: run, f: f, tj: &c.tj, cur: from.pen, lineStart: from.lineX, lag: from.lag, jsEnd: from.pen - from.lag}
	at := 0 // index into order and codes of the cluster's first glyph
	for _, d := range pl.clusters {
		if d.span != "" {
			p.tj.flush(c)
			c.b.WriteString("/Span<</ActualText ")
			c.b.WriteString(d.span)
			c.op(">>BDC")
			p.spanFirst = true
		}
		if d.n > 0 && spaceText(p.f.text[codes[at]]) {
			p.resync() // inside the span when the space begins one (spaceBefore)
		}
		for k, i := range pl.order[at : at+d.n] {
			if k > 0 && spaceText(p.f.text[codes[at+k]]) {
				p.resync() // a space inside a span: one that ends it (spaceAfter), or that a mark follows
			}
			if d.span != "" && k == d.n-d.textless {
				p.tj.flush(c)
				c.op("EMC\n/Span<</ActualText ()>>BDC\n/Span<</ActualText (\\000)>>BDC")
			}
			g := run.Glyphs[i]
			p.show(codes[at+k], g, pens[i]+g.XOffset, pl.textless[at+k])
		}
		at += d.n
		p.spanFirst = false
		if d.span != "" {
			p.tj.flush(c)
			c.op("EMC")
			if d.textless > 0 {
				c.op("EMC")
			}
		}
	}
	p.tj.flush(c)
	return penState{pen: p.cur, lineX: p.lineStart, lag: p.lag}
}

// pen tracks the viewer's text position within one run, in points from
// the run's origin, while glyphs are shown.
type pen struct {
	c   *content
	run *pages.GlyphRun
	f   *fontRes
	tj  *showText
	cur float64
	// lag is how far pdf.js's pen is behind cur, in points: pdf.js moves
	// its pen by 0 past a glyph whose text holds a nonspacing mark or
	// ends with a format character (pdfjsMoves, fontRes.moves), where the PDF moves it by
	// the glyph's width (a span's widths, span.go).
	lag float64
	// lineStart is where the text line matrix stands, from the run's
	// origin: 0 after the run's Tm, the pen after a resync (Td).
	lineStart float64
	// jsEnd is where pdf.js's pen stood, in its own reckoning (cur less
	// lag), after the last glyph it moved past: it measures the next
	// glyph's place from there.
	jsEnd float64
	// spanFirst is set while the TJ of a span's first text object is
	// open: PDFium measures the gap after the span from its last glyph.
	spanFirst bool
	// afterZW is set after a ZERO WIDTH SPACE of the text: poppler
	// makes a word of each show operator, and one holding only the
	// ZWSP's glyph went to a line of its own.
	afterZW bool
	// afterSpace is set from a space of the text to the next glyph
	// pdf.js moves past: a gap pdf.js sees there is the space itself.
	afterSpace bool
}

// resync sets the text position where the pen already is (Td), so that
// pdf.js's pen, lagging after a span, is where every other client's is.
// It is done before a space: there pdf.js compares the next word's place
// with the last word's end, and with its pen behind it lost the space
// (ทางภาษี ขั้นตอน read as one word), and at the next change of font the
// lag showed as a stray space (( SEZ)).
func (p *pen) resync() {
	if p.lag >= 1e-6 {
		p.catchUp(p.cur)
	}
}

// catchUp sets the text position at x (Td), so that pdf.js's pen, lagging
// behind glyphs it moves past by 0 (text with a nonspacing mark, ZERO
// WIDTH SPACE), is where every other client's is; they read the same
// glyph positions as before. Without it pdf.js placed its text items
// (find highlights, selection) up to a word left of their glyphs
// (test/viewers TestFindHighlightsOnTheirWords has the figures). jsEnd
// is left as it is: it is where pdf.js's last glyph ended, not its pen.
func (p *pen) catchUp(x float64) {
	p.tj.flush(p.c)
	// Td moves the start of the line from where the run's Tm (or the last
	// Td) set it; the offset as written (three decimals) is where the pen
	// now is, and the TJ numbers place the glyphs exactly from there.
	off := math.Round((x-p.lineStart)*1000) / 1000
	p.c.nums(off, 0)
	p.c.op("Td")
	p.lineStart += off
	p.cur = p.lineStart
	p.lag = 0
}

// mayCatchUp reports whether the pen catches pdf.js up before drawing
// code at x: when pdf.js lags by more than a twentieth of the size and
// code is a glyph it moves past (a space it measures from the last word's
// end, resync), and only
//   - where pdf.js then sees no gap from the end of the last glyph it
//     moved past (it puts a space at about a tenth of the font size,
//     compareWithLastPosition), or a space of the text stands between
//     (afterSpace): a space whose glyph a span draws before its marks
//     (ស្ត្រី និង) left pdf.js behind by the space's width, and the
//     words read as one;
//   - outside a span's first text object once it has glyphs: PDFium
//     measures the gap after a span from that object's last glyph
//     (spanWidths), and a Td there read as a space ("ដើម្បីរ ក");
//   - not right after a ZERO WIDTH SPACE of the text: poppler made a line
//     of its own of a show operator holding only that glyph.
func (p *pen) mayCatchUp(code uint16, x float64) bool {
	size := p.run.Size
	return p.lag > 0.05*size && p.f.moves[code] && !spaceText(p.f.text[code]) &&
		(x-p.jsEnd < 0.1*size || p.afterSpace) &&
		!(p.spanFirst && len(p.tj.b) > 0) &&
		!p.afterZW
}

// show draws code (glyph g) with its origin at x. After a glyph left
// without text of its own (textless: mapped to ZERO WIDTH SPACE) the TJ
// ends: pdf.js
// skips such a glyph with the TJ number that follows it in the array, so
// a move after it would be lost and the next glyph seem to stand apart. A
// TJ that begins with a number moves every client's pen alike. A ZERO
// WIDTH SPACE of the text, drawn where it stands, keeps the TJ going:
// ended there, PDFium took the new text object for a word of its own
// (สิ ทธิ), 25 times on a page of ZWSP-segmented Thai and Burmese.
func (p *pen) show(code uint16, g pages.Glyph, x float64, textless bool) {
	c, size := p.c, p.run.Size
	if r := rise(g); r != c.rise {
		p.spanFirst = p.spanFirst && len(p.tj.b) == 0
		p.tj.flush(c)
		c.nums(r)
		c.op("Ts")
		c.rise = r
	}
	if p.mayCatchUp(code, x) {
		p.catchUp(x)
	}
	// A TJ number n moves the text position by -n/1000 * size.
	if d := x - p.cur; math.Abs(d) > 1e-4 {
		if n := math.Round(-d*1000/size*100) / 100; n != 0 {
			p.tj.adjust(n)
			p.cur -= n * size / 1000
		}
	}
	p.tj.glyph(code)
	p.afterZW = !textless && p.f.text[code] == "\u200B"
	if spaceText(p.f.text[code]) {
		p.afterSpace = true
	} else if p.f.moves[code] {
		p.afterSpace = false
	}
	p.cur += p.f.adv[code] * size / 1000
	if !p.f.moves[code] {
		p.lag += p.f.adv[code] * size / 1000
	} else if !spaceText(p.f.text[code]) {
		p.jsEnd = p.cur - p.lag
	}
	if textless {
		p.tj.flush(c)
		p.spanFirst = false
	}
}

// showText collects one TJ array: hex strings of 2-byte character codes
// (Identity-H) and position adjustments.
type showText struct {
	b       []byte
	inHex   bool
	numbers bool
}

func (t *showText) glyph(code uint16) {
	if !t.inHex {
		t.b = append(t.b, '<')
		t.inHex = true
	}
	t.b = appendHex4(t.b, code)
}

func (t *showText) adjust(n float64) {
	if t.inHex {
		t.b = append(t.b, '>')
		t.inHex = false
	} else if len(t.b) > 0 {
		t.b = append(t.b, ' ') // two numbers in a row need a separator
	}
	t.b = appendNum(t.b, n, 2)
	t.numbers = true
}

// flush writes the array as TJ, or as Tj when it is a single string.
func (t *showText) flush(c *content) {
	if t.inHex {
		t.b = append(t.b, '>')
	}
	switch {
	case len(t.b) == 0:
	case t.numbers:
		c.b.WriteByte('[')
		c.b.Write(t.b)
		c.op("]TJ")
	default:
		c.b.Write(t.b)
		c.op("Tj")
	}
	t.b = t.b[:0]
	t.inHex, t.numbers = false, false
}
