package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// content builds one page's content stream (ISO 32000-1, 7.8.2 and
// chapter 8). It remembers the graphics and text state it has set, so
// operators are only written when a value changes, and it flips layout's
// top-left coordinates into PDF's bottom-left user space.
type content struct {
	b      bytes.Buffer
	height float64 // page height, for y_pdf = height - y

	fill, stroke *pages.Color // nil: not set yet (the default is black)
	lineWidth    float64

	inText bool
	font   *fontRes
	size   float64
	rise   float64 // Ts, used for glyphs with a vertical offset
}

// PDF's initial line width is 1 (ISO 32000-1, Table 52).
func newContent(height float64) *content { return &content{height: height, lineWidth: 1} }

var errNotFinite = errors.New("coordinate is not a finite number")

func (c *content) op(format string, args ...any) {
	fmt.Fprintf(&c.b, format, args...)
	c.b.WriteByte('\n')
}

func colour(col pages.Color) string {
	return num(col.R, 3) + " " + num(col.G, 3) + " " + num(col.B, 3)
}

func (c *content) setFill(col pages.Color) {
	if c.fill == nil || *c.fill != col {
		c.op("%s rg", colour(col))
		c.fill = &col
	}
}

func (c *content) setStroke(col pages.Color) {
	if c.stroke == nil || *c.stroke != col {
		c.op("%s RG", colour(col))
		c.stroke = &col
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
			c.op("%s w", num(lw, 3))
			c.lineWidth = lw
		}
		paint = "S"
		if r.Fill != nil {
			paint = "B"
		}
	}
	c.op("%s %s %s %s re %s", num(r.X, 3), num(c.height-r.Y-r.H, 3), num(r.W, 3), num(r.H, 3), paint)
	return nil
}

// image draws an image XObject into its box: the cm maps the unit square
// the image occupies onto the box (ISO 32000-1, 8.9.4).
func (c *content) image(img pages.Image, name string) error {
	if !finite(img.X, img.Y, img.W, img.H) {
		return errNotFinite
	}
	c.op("q %s 0 0 %s %s %s cm /%s Do Q", num(img.W, 3), num(img.H, 3), num(img.X, 3), num(c.height-img.Y-img.H, 3), name)
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
}

// run draws a glyph run. Each glyph is placed exactly where the layout
// puts it: the pen moves by the layout's XAdvance, not the font's advance,
// and TJ numbers (ISO 32000-1, 9.4.3) make up the difference; horizontal
// offsets are TJ numbers too, vertical offsets set the text rise (Ts,
// 9.3.7). A cluster's glyphs are drawn in the order plan chose, moving
// back and forth as needed. A cluster that plan gave ActualText has its
// glyphs on the baseline in one span (14.9.4), drawn with one TJ where
// spacing allows, and its glyphs off the baseline after it in a span with
// empty ActualText, so that clients reading spans take its text once.
// Character spacing a span sets is reset before its EMC: poppler takes
// the span to end at its last glyph's advance minus the Tc in force at
// EMC (9.3.2), so a Tc still set there cut the span short and the gap to
// the next glyph became a space inside the word (Thai "ข้ าม").
func (c *content) run(run *pages.GlyphRun, f *fontRes, drawn []drawnCluster) error {
	if !finite(run.X, run.Y, run.Size, run.Color.R, run.Color.G, run.Color.B) {
		return errNotFinite
	}
	if run.Size <= 0 {
		return fmt.Errorf("font size %g is not positive", run.Size)
	}
	pens := make([]float64, len(run.Glyphs)+1) // pen position before each glyph, from the origin
	for i, g := range run.Glyphs {
		if !finite(g.XAdvance, g.XOffset, g.YOffset) {
			return fmt.Errorf("glyph %d: %w", i, errNotFinite)
		}
		pens[i+1] = pens[i] + g.XAdvance
	}
	c.beginText()
	if c.font != f || c.size != run.Size {
		c.op("/%s %s Tf", f.name, num(run.Size, 3))
		c.font, c.size = f, run.Size
	}
	c.setFill(run.Color)
	c.op("1 0 0 1 %s %s Tm", num(run.X, 3), num(c.height-run.Y, 3))

	p := pen{c: c, run: run, f: f}
	for _, d := range drawn {
		oneTJ := false
		if d.actual != "" {
			p.tj.flush(c)
			oneTJ = p.spacing(d, pens)
			c.op("/Span<</ActualText %s>>BDC", textString(d.actual))
		}
		for k, i := range d.order {
			g := run.Glyphs[i]
			// Without spacing, the span's last glyph brings the
			// viewer's position to the cluster's end itself.
			last := d.actual != "" && !oneTJ && k == d.inSpan-1
			p.show(d.codes[k], g, pens[i]+g.XOffset, pens[d.end], last)
			if d.actual != "" && k == d.inSpan-1 {
				p.tj.flush(c)
				p.endSpacing()
				c.op("EMC")
				if k+1 < len(d.order) {
					c.op("/Span<</ActualText ()>>BDC")
				}
			}
		}
		if d.actual != "" && d.inSpan < len(d.order) {
			p.tj.flush(c)
			c.op("EMC")
		}
	}
	p.tj.flush(c)
	return nil
}

// pen tracks the viewer's text position within one run, in points from
// the run's origin, while glyphs are shown.
type pen struct {
	c   *content
	run *pages.GlyphRun
	f   *fontRes
	tj  showText
	cur float64
	tc  float64 // character spacing in force (Tc)
}

// spacing prepares a span that one TJ can draw: when the cluster's glyphs
// share one rise, it sets the rise, and character spacing (Tc, ISO
// 32000-1, 9.3.2) that brings the viewer's position to the cluster's end
// after its last glyph; TJ numbers take the spacing back after the other
// glyphs. PDFium reads a span's ActualText once per text-showing
// operator, so a span of several operators repeats its text (measured).
func (p *pen) spacing(d drawnCluster, pens []float64) bool {
	c, run := p.c, p.run
	rise := math.Round(run.Glyphs[d.order[0]].YOffset*1000) / 1000
	for _, i := range d.order[:d.inSpan] {
		if math.Round(run.Glyphs[i].YOffset*1000)/1000 != rise {
			return false
		}
	}
	if rise != c.rise {
		c.op("%s Ts", num(rise, 3))
		c.rise = rise
	}
	last := d.order[d.inSpan-1]
	g := run.Glyphs[last]
	w := p.f.adv[d.codes[d.inSpan-1]] * run.Size / 1000
	if gap := math.Round((pens[d.end]-(pens[last]+g.XOffset+w))*1e4) / 1e4; math.Abs(gap) > 1e-3 {
		c.op("%s Tc", num(gap, 4))
		p.tc = gap
	}
	return true
}

// endSpacing resets the character spacing a span set.
func (p *pen) endSpacing() {
	if p.tc != 0 {
		p.c.op("0 Tc")
		p.tc = 0
	}
}

// show draws code (glyph g) with its origin at x. With toEnd the
// viewer's position is brought to end after the glyph, through character
// spacing on this one glyph (Tc, ISO 32000-1, 9.3.2), which moves the
// advance without moving the glyph: a span's last glyph may be a mark
// drawn back over its base, and a viewer takes the span to end where that
// glyph's advance ends (poppler: x + dx) and reads the gap to the next
// glyph as a space ("បណ្ដា ញ").
func (p *pen) show(code uint16, g pages.Glyph, x, end float64, toEnd bool) {
	c, size := p.c, p.run.Size
	if rise := math.Round(g.YOffset*1000) / 1000; rise != c.rise {
		p.tj.flush(c)
		c.op("%s Ts", num(rise, 3))
		c.rise = rise
	}
	// A TJ number n moves the text position by -n/1000 * size.
	if d := x - p.cur; math.Abs(d) > 1e-4 {
		if n := math.Round(-d*1000/size*100) / 100; n != 0 {
			p.tj.adjust(n)
			p.cur -= n * size / 1000
		}
	}
	w := p.f.adv[code] * size / 1000
	if gap := end - (p.cur + w); toEnd && math.Abs(gap) > 1e-3 {
		p.tj.flush(c)
		c.op("%s Tc", num(gap, 4))
		p.tj.glyph(code)
		p.tj.flush(c)
		c.op("0 Tc")
		p.cur += w + math.Round(gap*1e4)/1e4
		return
	}
	p.tj.glyph(code)
	p.cur += w + p.tc
}

// showText collects one TJ array: hex strings of 2-byte character codes
// (Identity-H) and position adjustments.
type showText struct {
	b       bytes.Buffer
	inHex   bool
	numbers bool
}

func (t *showText) glyph(code uint16) {
	if !t.inHex {
		t.b.WriteByte('<')
		t.inHex = true
	}
	fmt.Fprintf(&t.b, "%04X", code)
}

func (t *showText) adjust(n float64) {
	if t.inHex {
		t.b.WriteByte('>')
		t.inHex = false
	} else if t.b.Len() > 0 {
		t.b.WriteByte(' ') // two numbers in a row need a separator
	}
	t.b.WriteString(num(n, 2))
	t.numbers = true
}

// flush writes the array as TJ, or as Tj when it is a single string.
func (t *showText) flush(c *content) {
	if t.inHex {
		t.b.WriteByte('>')
	}
	switch {
	case t.b.Len() == 0:
	case t.numbers:
		c.op("[%s]TJ", t.b.Bytes())
	default:
		c.op("%sTj", t.b.Bytes())
	}
	t.b.Reset()
	t.inHex, t.numbers = false, false
}
