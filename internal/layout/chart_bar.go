package layout

import (
	"math"

	"github.com/mekong-briefs/briefs/internal/manuscript"
)

// barChart draws horizontal bars: the category labels flush right in a
// column on the left, broken over lines when long, the bars from the
// axis, each value at its bar's end (inside its segment when stacked),
// vertical gridlines and the axis numbers under the plot.
func (e *Engine) barChart(st *setter, b manuscript.Block, fig tag) drawing {
	c := b.Chart
	var d drawing
	labelW := e.categoryColumn(st, b)
	// Room on the right for the values at the bars' ends, and for half
	// the last axis number, which is centred on the plot's edge.
	valueW := 0.0
	if !c.Stacked {
		valueW = widestValue(st, b) + valueGap
	}
	if n := len(c.Axis.Ticks); n > 0 {
		last, _ := st.measure([]manuscript.Span{{Text: c.Axis.Ticks[n-1].Label}}, chartTickStyle)
		valueW = math.Max(valueW, last/2+1)
	}
	x0 := st.page.Left + labelW + labelGap
	plotW := st.page.Left + st.page.measure() - valueW - x0
	group := barThickness
	if !c.Stacked {
		group *= float64(len(c.Series))
	}
	y := 0.0
	for i, cat := range c.Categories {
		lines := st.set(cat, chartLabelStyle, fixed(labelW), fig.node, c.CategoryIDs[i], b.Pos)
		alignLines(lines, labelW, "right")
		lh := blockHeight(st, lines, chartLabelStyle)
		h := math.Max(lh, group)
		if len(lines) == 1 {
			// On the baseline of the values beside it, centred on the bars.
			d.put(lines[0], st.page.Left, y+h/2+0.35*chartLabelStyle.size*st.metrics.scale, fig)
		} else {
			d.putBlock(st, lines, st.page.Left, y+(h-lh)/2, fig, chartLabelStyle)
		}
		d.bars(st, b, fig, i, x0, plotW, y+(h-group)/2)
		y += h + rowGap
	}
	plotH := y - rowGap
	d.verticalGrid(st, b, fig, x0, plotW, plotH)
	return d
}

// bars draws category i's bars from top, and their value labels.
func (d *drawing) bars(st *setter, b manuscript.Block, fig tag, i int, x0, plotW, top float64) {
	c := b.Chart
	from, to := segments(c, i)
	for si, s := range c.Series {
		x1, x2 := x0+scale(c.Axis, from[si], plotW), x0+scale(c.Axis, to[si], plotW)
		negative := x2 < x1 // a bar left from zero
		if negative {
			x1, x2 = x2, x1
		}
		by := top
		if !c.Stacked {
			by += float64(si) * barThickness
		}
		gap := 0.0
		if c.Stacked && si > 0 {
			gap = 0.8 // paper between stacked segments, for greyscale print
		}
		d.rect(x1+gap, by+1, math.Max(0, x2-x1-gap), barThickness-2, seriesColor(si))
		ps := chartLabelStyle
		ln := oneLine(st, s.Labels[i], ps, fig.node, b)
		base := by + barThickness/2 + 0.35*ps.size*st.metrics.scale
		switch {
		case !c.Stacked && negative: // the value beyond the bar's end, on its left
			d.put(ln, x1-valueGap-ln.width, base, fig)
		case !c.Stacked:
			d.put(ln, x2+valueGap, base, fig)
		case ln.width+4 <= x2-x1-gap:
			ps.color = seriesInk[si%len(seriesInk)]
			ln = oneLine(st, s.Labels[i], ps, fig.node, b)
			d.put(ln, x1+gap+(x2-x1-gap-ln.width)/2, base, fig)
		}
	}
}

// verticalGrid draws a bar chart's gridlines down the plot and their
// numbers under it, leaving out every other number while they would
// touch.
func (d *drawing) verticalGrid(st *setter, b manuscript.Block, fig tag, x0, plotW, plotH float64) {
	c := b.Chart
	lines := make([]line, len(c.Axis.Ticks))
	bars := d.rects
	d.rects = nil // the grid goes under the bars
	for i, t := range c.Axis.Ticks {
		x := x0 + scale(c.Axis, t.Value, plotW)
		fill, w := &rule, 0.4
		if i == 0 {
			fill, w = &muted, 0.8 // the axis itself
		}
		d.rect(x-w/2, -2, w, plotH+4, fill)
		lines[i] = oneLine(st, t.Label, chartTickStyle, fig.node, b)
	}
	d.rects = append(d.rects, bars...)
	every := thinning(len(lines), func(i, j int) bool {
		xi := x0 + scale(c.Axis, c.Axis.Ticks[i].Value, plotW)
		xj := x0 + scale(c.Axis, c.Axis.Ticks[j].Value, plotW)
		return xi+lines[i].width/2+3 > xj-lines[j].width/2
	})
	base := plotH + 4 + 0.9*chartTickStyle.size*st.metrics.scale
	for i := 0; i < len(lines); i += every {
		x := x0 + scale(c.Axis, c.Axis.Ticks[i].Value, plotW)
		d.put(lines[i], x-lines[i].width/2, base, fig)
	}
	d.height = base + st.leading(chartTickStyle)*0.5
}

// thinning returns n such that labels 0, n, 2n… do not overlap, where
// touch reports whether labels i < j would.
func thinning(count int, touch func(i, j int) bool) int {
	for every := 1; every < count; every++ {
		ok := true
		for i := 0; i+every < count; i += every {
			if touch(i, i+every) {
				ok = false
				break
			}
		}
		if ok {
			return every
		}
	}
	return max(1, count)
}

// categoryColumn is the width of a bar chart's label column: the widest
// label on one line, but at most a third of the measure (longer labels
// break), and at least the widest word.
func (e *Engine) categoryColumn(st *setter, b manuscript.Block) float64 {
	w, floor := 0.0, 0.0
	for _, cat := range b.Chart.Categories {
		natural, word := st.measure(cat, chartLabelStyle)
		w, floor = math.Max(w, natural), math.Max(floor, word)
	}
	return math.Max(math.Min(w, st.page.measure()/3), math.Min(floor, st.page.measure()/2)) + 0.01
}

// widestValue is the width of the widest value label.
func widestValue(st *setter, b manuscript.Block) float64 {
	w := 0.0
	for _, s := range b.Chart.Series {
		for _, l := range s.Labels {
			natural, _ := st.measure([]manuscript.Span{{Text: l}}, chartLabelStyle)
			w = math.Max(w, natural)
		}
	}
	return w
}
