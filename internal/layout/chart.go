package layout

import (
	"cmp"
	"fmt"
	"math"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// Chart geometry, in points.
const (
	barThickness = 12.0  // a bar's height, or a column's width at most
	rowGap       = 7.0   // between the bar groups of two categories
	valueGap     = 4.0   // between a bar's end and its value label
	labelGap     = 8.0   // between the category labels and the plot
	columnPlotH  = 150.0 // the height of a column chart's plot
	swatch       = 8.0   // a legend key's side
)

// Styles of a chart's labels: categories and legend in the text colour,
// axis numbers muted. They are set by the body text's pipeline.
var (
	chartLabelStyle = paraStyle{size: 8.5, color: ink, role: pages.RoleFigure}
	chartTickStyle  = paraStyle{size: 8, color: muted, role: pages.RoleFigure}
)

// chart sets a chart block: the drawing as one element that floats like
// a figure, its caption and note, and its data table when asked. The
// drawing is a Figure whose alternate text reads the data; its labels
// are text within the Figure, so that they can be found and copied. The
// caption and note are a Caption after it.
func (e *Engine) chart(st *setter, b manuscript.Block) ([]element, error) {
	c := b.Chart
	if err := checkShape(c); err != nil {
		return nil, err
	}
	fig := st.tree.add(pages.RoleFigure, root)
	st.tree.node(fig.node).Alt = c.Alt
	var d drawing
	if c.Horizontal {
		d = e.barChart(st, b, fig)
	} else {
		d = e.columnChart(st, b, fig)
	}
	d.legend(st, b, fig)
	if d.height > st.page.frameHeight()-80 {
		// Nothing is drawn below the bottom margin: a chart must leave
		// room on its page for its caption.
		st.diags = append(st.diags, diag.Errorf(b.Pos, "chart-height", "draw fewer categories, or split the chart",
			"chart (caption %q) is %.0f pt tall, more than a page leaves it", b.MsgID, d.height))
	}
	els := []element{{above: 8, height: d.height + 6, breakable: true, keepNext: true, float: true, draw: d.draw}}
	// The Caption follows the Figure, as a figure's does (figure in
	// blocks.go): inside, the Figure's Alt would hide it from readers.
	// A caption with a note holds them as two paragraphs: as one
	// element, a reader heard "…by siteSource: MMN…", the two run
	// together with nothing between.
	caption := st.tree.add(pages.RoleCaption, root)
	parts := [][]manuscript.Span{b.Spans, c.Note}
	for _, sp := range parts {
		if len(sp) == 0 {
			continue
		}
		t := caption
		if len(b.Spans) > 0 && len(c.Note) > 0 {
			t = tag{role: pages.RoleCaption, node: st.tree.add(pages.RoleParagraph, caption.node).node}
		}
		lines := st.set(sp, captionStyle, fixed(st.page.measure()), t.node, b.MsgID, b.Pos)
		for _, el := range lineElements(lines, st.page.Left, st.leading(captionStyle), t, captionStyle) {
			el.breakable = false
			els = append(els, el)
		}
	}
	if c.DataTable {
		els[len(els)-1].keepNext = true
		tbl := e.table(st, dataTable(b))
		tbl[0].float, tbl[0].above = false, 2
		els = append(els, tbl...)
	}
	return els, nil
}

// checkShape refuses a chart whose parts do not match, which evaluation
// never makes: every series needs a value and a label per category, and
// the axis a range.
func checkShape(c *manuscript.Chart) error {
	n := len(c.Categories)
	if n == 0 || len(c.Series) == 0 || len(c.CategoryIDs) != n || len(c.SeriesIDs) != len(c.Series) {
		return fmt.Errorf("chart has %d categories and %d series: nothing to draw", n, len(c.Series))
	}
	for i, s := range c.Series {
		if len(s.Values) != n || len(s.Labels) != n {
			return fmt.Errorf("chart series %d has %d values for %d categories", i+1, len(s.Values), n)
		}
	}
	if !(c.Axis.Max > c.Axis.Min) || math.IsInf(c.Axis.Max-c.Axis.Min, 0) {
		return fmt.Errorf("chart axis %g..%g is empty", c.Axis.Min, c.Axis.Max)
	}
	return nil
}

// drawing is a chart's picture: shapes and labels relative to its top,
// and its height so far.
type drawing struct {
	rects  []pages.Rect
	labels []placedLine
	height float64
}

// placedLine is a set line at a position relative to the drawing's top.
type placedLine struct {
	ln       line
	x, y     float64 // line start and baseline
	t        tag
	from, to float64 // the line's ink box, left to right, for tests of overlap
}

func (d *drawing) draw(pg *pages.Page, y float64) {
	for _, r := range d.rects {
		r.Y += y
		pg.Rects = append(pg.Rects, r)
	}
	for _, l := range d.labels {
		placeLine(pg, l.ln, l.x, y+l.y, l.t)
	}
}

func (d *drawing) rect(x, y, w, h float64, fill *pages.Color) {
	d.rects = append(d.rects, pages.Rect{X: x, Y: y, W: w, H: h, Fill: fill})
}

// put places a line with its start at x and its baseline at y.
func (d *drawing) put(ln line, x, y float64, t tag) {
	d.labels = append(d.labels, placedLine{ln: ln, x: x, y: y, t: t, from: x + ln.indent, to: x + ln.indent + ln.width})
}

// putBlock places lines top down from top, each line aligned within
// width by its indent, and returns the height they take.
func (d *drawing) putBlock(st *setter, lines []line, x, top float64, t tag, ps paraStyle) float64 {
	h := 0.0
	for _, el := range lineElements(lines, 0, st.leading(ps), t, ps) {
		h += el.height
	}
	y := top
	for i, el := range lineElements(lines, 0, st.leading(ps), t, ps) {
		d.put(lines[i], x, y+el.baseline, t)
		y += el.height
	}
	return h
}

// blockHeight is the height lines take set one under the other.
func blockHeight(st *setter, lines []line, ps paraStyle) float64 {
	h := 0.0
	for _, el := range lineElements(lines, 0, st.leading(ps), artifact, ps) {
		h += el.height
	}
	return h
}

// oneLine sets a short text (a number) on one line.
func oneLine(st *setter, s string, ps paraStyle, node pages.NodeID, b manuscript.Block) line {
	lines := st.set([]manuscript.Span{{Text: s}}, ps, fixed(math.MaxFloat32), node, b.MsgID, b.Pos)
	if len(lines) == 0 {
		return line{}
	}
	return lines[0]
}

// centre sets each line's indent to centre it within width.
func centre(lines []line, width float64) {
	for i := range lines {
		lines[i].indent = math.Max(0, (width-lines[i].width)/2)
	}
}

// scale maps a value to a distance along the axis, 0 at Min and length
// at Max.
func scale(ax manuscript.Axis, v, length float64) float64 {
	if ax.Max <= ax.Min {
		return 0
	}
	return (v - ax.Min) / (ax.Max - ax.Min) * length
}

// segments returns where each series' bar starts and ends in category i,
// as values: manuscript.Stack's ends, clipped to the axis. A bar grows
// from zero when the axis holds it, a negative one the other way, and
// from the end of the axis nearer zero otherwise (Min, for an axis above
// zero). Negative bars used to run from Min, so -50 on an axis from -100
// was drawn as long as +50 and pointing the same way.
func segments(c *manuscript.Chart, i int) (from, to []float64) {
	values := make([]float64, len(c.Series))
	for si, s := range c.Series {
		values[si] = s.Values[i]
	}
	from, to = manuscript.Stack(c.Stacked, values)
	clip := func(v float64) float64 { return math.Min(math.Max(v, c.Axis.Min), c.Axis.Max) }
	for k := range from {
		from[k], to[k] = clip(from[k]), clip(to[k])
	}
	return from, to
}

// dataTable is the chart's numbers as a table block: a row per category,
// a column per series.
func dataTable(b manuscript.Block) manuscript.Block {
	c := b.Chart
	t := manuscript.Block{Kind: manuscript.Table, MsgID: b.MsgID, Pos: b.Pos}
	t.Header = append(t.Header, c.CategoryName)
	ids := []string{cmp.Or(c.CategoryNameID, b.MsgID)}
	for i, s := range c.Series {
		t.Header = append(t.Header, s.Name)
		ids = append(ids, c.SeriesIDs[i])
	}
	t.CellIDs = append(t.CellIDs, ids)
	for i, cat := range c.Categories {
		row := [][]manuscript.Span{cat}
		for _, s := range c.Series {
			row = append(row, []manuscript.Span{{Text: s.Labels[i]}})
		}
		t.Rows = append(t.Rows, row)
		t.CellIDs = append(t.CellIDs, append([]string{c.CategoryIDs[i]}, make([]string, len(c.Series))...))
	}
	return t
}
