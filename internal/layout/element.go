package layout

import "math"

// element is a vertical box of the flow: a line, a table row, a figure.
// Pagination moves whole elements; it may break before one only where
// breakable is set, and never right after one that keeps with the next.
type element struct {
	above     float64 // space above; dropped at the top of a page
	height    float64
	breakable bool                      // a page may start with this element
	keepNext  bool                      // no page break between this element and the next
	draw      func(pg *Page, y float64) // y is the element's top
	heading   *Heading                  // outline entry starting here, if any
	baseline  float64                   // a line's baseline below its top
}

// lineElements turns a paragraph's lines into elements, with widow and
// orphan control: no page break after the first line or before the last.
// Lines whose marks would touch the neighbour's get extra leading, so
// stacked Khmer and Burmese marks of adjacent lines never meet.
func lineElements(lines []line, x float64, leading float64, t tag, ps paraStyle) []element {
	n := len(lines)
	out := make([]element, 0, n)
	gap := 0.12 * ps.size
	for i, ln := range lines {
		h := leading
		top := 0.78 * leading // baseline below the element's top
		if i > 0 {
			prev := lines[i-1]
			if need := prev.descent + ln.ascent + gap; need > leading {
				h += need - leading
				top += need - leading
			}
		} else if ln.ascent+gap > top {
			h += ln.ascent + gap - top
			top = ln.ascent + gap
		}
		ln := ln
		baseline := top
		el := element{height: h, baseline: baseline, breakable: i >= 2 && n-i >= 2, draw: func(pg *Page, y float64) {
			placeLine(pg, ln, x, y+baseline, t)
		}}
		if i == 0 {
			el.above = ps.spaceAbove
			el.breakable = true
		}
		out = append(out, el)
	}
	if n > 0 {
		// Room for the last line's descenders, then the space below.
		last := &out[n-1]
		last.height += math.Max(0, lines[n-1].descent-0.22*leading) + ps.spaceBelow
	}
	return out
}

// tag says what a line is part of: its role and its structure node.
type tag struct {
	role Role
	node int
}

// placeLine draws a line on the page with its baseline at y.
func placeLine(pg *Page, ln line, x, y float64, t tag) {
	for _, r := range ln.runs {
		r.X += x
		r.Y = y
		r.Role = t.role
		if r.Node == Inherit || t.node == Artifact {
			r.Node = t.node
		}
		pg.Runs = append(pg.Runs, r)
	}
	for _, l := range ln.links {
		l.X += x
		l.Y += y
		if l.Node == Inherit || t.node == Artifact {
			l.Node = t.node
		}
		pg.Links = append(pg.Links, l)
	}
	for _, r := range ln.rules {
		r.X += x
		r.Y += y
		pg.Rects = append(pg.Rects, r)
	}
}

// paginate places elements on pages, top to bottom.
func paginate(els []element, top, bottom float64, newPage func() *Page) ([]*Page, []Heading) {
	var pages []*Page
	var outline []Heading
	pg := newPage()
	pages = append(pages, pg)
	y := top
	for i := 0; i < len(els); {
		// A chunk is the run of elements that must stay on one page.
		j := i + 1
		for j < len(els) && (!els[j].breakable || els[j-1].keepNext) {
			j++
		}
		h := chunkHeight(els[i:j], y == top)
		if y+h > bottom && y > top {
			pg = newPage()
			pages = append(pages, pg)
			y = top
		}
		for k := i; k < j; k++ {
			e := els[k]
			// A chunk taller than a whole page breaks wherever it must:
			// nothing is ever drawn below the bottom margin.
			if y > top && y+e.above+e.height > bottom {
				pg = newPage()
				pages = append(pages, pg)
				y = top
			}
			if y > top {
				y += e.above
			}
			if e.heading != nil {
				hd := *e.heading
				hd.Page, hd.Y = len(pages)-1, y
				outline = append(outline, hd)
			}
			e.draw(pg, y)
			y += e.height
		}
		i = j
	}
	return pages, outline
}

func chunkHeight(els []element, atTop bool) float64 {
	h := 0.0
	for k, e := range els {
		if k > 0 || !atTop {
			h += e.above
		}
		h += e.height
	}
	return h
}
