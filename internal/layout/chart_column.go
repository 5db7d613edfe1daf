package layout

import (
	"math"

	"github.com/mekong-briefs/briefs/internal/manuscript"
)

// columnChart draws vertical columns: the axis numbers flush right on
// the left, horizontal gridlines, a slot per category with its columns
// (one per series, or one stacked), each value over its column (inside
// its segment when stacked), and the category labels under the plot,
// centred and broken to the slot's width.
func (e *Engine) columnChart(st *setter, b manuscript.Block, fig tag) drawing {
	c := b.Chart
	var d drawing
	tickW := 0.0
	ticks := make([]line, len(c.Axis.Ticks))
	for i, t := range c.Axis.Ticks {
		ticks[i] = oneLine(st, t.Label, chartTickStyle, fig.node, b)
		tickW = math.Max(tickW, ticks[i].width)
	}
	x0 := st.page.Left + tickW + 6
	plotW := st.page.Left + st.page.measure() - x0
	top := st.leading(chartLabelStyle) + 2 // room for the values over the tallest column
	tickY := func(i int) float64 { return top + columnPlotH - scale(c.Axis, c.Axis.Ticks[i].Value, columnPlotH) }
	// Every other number is left out while they would touch.
	lead := st.leading(chartTickStyle)
	every := thinning(len(ticks), func(i, j int) bool { return tickY(i)-tickY(j) < lead })
	for i := range c.Axis.Ticks {
		fill, h := &rule, 0.4
		if i == 0 {
			fill, h = &muted, 0.8
		}
		d.rect(x0-2, tickY(i)-h/2, plotW+2, h, fill)
		if i%every == 0 {
			d.put(ticks[i], x0-6-ticks[i].width, tickY(i)+0.35*chartTickStyle.size*st.metrics.scale, fig)
		}
	}
	// The gridlines above are drawn first, under the columns.
	slot := plotW / float64(len(c.Categories))
	below := 0.0
	for i, cat := range c.Categories {
		sx := x0 + float64(i)*slot
		d.columns(st, b, fig, i, sx, slot, top)
		lines := st.set(cat, chartLabelStyle, fixed(slot-6), fig.node, c.CategoryIDs[i], b.Pos)
		centre(lines, slot)
		below = math.Max(below, d.putBlock(st, lines, sx, top+columnPlotH+4, fig, chartLabelStyle))
	}
	d.height = top + columnPlotH + 4 + below
	return d
}

// columns draws category i's columns in the slot from sx, and their
// value labels.
func (d *drawing) columns(st *setter, b manuscript.Block, fig tag, i int, sx, slot, top float64) {
	c := b.Chart
	n := len(c.Series)
	if c.Stacked {
		n = 1
	}
	w := math.Min(0.6*slot/float64(n), 2.5*barThickness)
	left := sx + (slot-w*float64(n))/2
	from, to := segments(c, i)
	base := top + columnPlotH
	for si, s := range c.Series {
		x := left
		if !c.Stacked {
			x += float64(si) * w
		}
		y1, y2 := base-scale(c.Axis, to[si], columnPlotH), base-scale(c.Axis, from[si], columnPlotH)
		negative := y2 < y1
		if negative { // a column down from zero
			y1, y2 = y2, y1
		}
		gap := 0.0
		if c.Stacked && si > 0 {
			gap = 0.8
		}
		d.rect(x+0.5, y1, w-1, math.Max(0, y2-y1-gap), seriesColor(si))
		ps := chartLabelStyle
		size := ps.size * st.metrics.scale
		if !c.Stacked {
			// A value wider than its column (or, alone, than its slot)
			// would touch its neighbour's: the alt text and the data
			// table still hold it.
			room := w
			if n == 1 {
				room = slot - 2
			}
			if ln := oneLine(st, s.Labels[i], ps, fig.node, b); ln.width <= room && negative {
				d.put(ln, x+(w-ln.width)/2, y2+3+0.75*size, fig) // under the column's end
			} else if ln.width <= room {
				if gridCrosses(c.Axis, base, y1-3-0.75*size, y1-3+0.25*size) {
					// Knocked out of the gridline, as a chart's figures
					// are: a line through the digits makes 8 read as 3.
					d.rect(x+(w-ln.width)/2-1.5, y1-3-0.8*size, ln.width+3, size, &paper)
				}
				d.put(ln, x+(w-ln.width)/2, y1-3, fig)
			}
		} else if y2-y1-gap >= size+4 {
			ps.color = seriesInk[si%len(seriesInk)]
			ln := oneLine(st, s.Labels[i], ps, fig.node, b)
			if ln.width+4 <= w {
				d.put(ln, x+(w-ln.width)/2, (y1+y2-gap)/2+0.35*size, fig)
			}
		}
	}
}

// legend draws a key for each series under the chart: a swatch of its
// fill and its name, in a row that wraps at the measure.
func (d *drawing) legend(st *setter, b manuscript.Block, fig tag) {
	c := b.Chart
	ps := chartLabelStyle
	lead := st.leading(ps)
	x, y := st.page.Left, d.height+6
	rowH := lead
	for si, s := range c.Series {
		lines := st.set(s.Name, ps, fixed(st.page.measure()-swatch-4), fig.node, c.SeriesIDs[si], b.Pos)
		w := swatch + 4
		for _, ln := range lines {
			w = math.Max(w, swatch+4+ln.width)
		}
		if x > st.page.Left && x+w > st.page.Left+st.page.measure() {
			x, y = st.page.Left, y+rowH+4
			rowH = lead
		}
		h := math.Max(lead, blockHeight(st, lines, ps))
		d.rect(x, y+(lead-swatch)/2, swatch, swatch, seriesColor(si))
		d.putBlock(st, lines, x+swatch+4, y, fig, ps)
		rowH = math.Max(rowH, h)
		x += w + 14
	}
	d.height = y + rowH
}

// gridCrosses reports whether a gridline of the axis (the zero line
// aside) runs between top and bottom, in a column plot whose zero line
// is at base.
func gridCrosses(ax manuscript.Axis, base, top, bottom float64) bool {
	for i, t := range ax.Ticks {
		if y := base - scale(ax, t.Value, columnPlotH); i > 0 && y > top && y < bottom {
			return true
		}
	}
	return false
}
