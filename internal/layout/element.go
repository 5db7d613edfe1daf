package layout

import (
	"math"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// element is a vertical box of the flow: a line, a table row, a figure.
// Pagination moves whole elements; it may break before one only where
// breakable is set, and never right after one that keeps with the next.
type element struct {
	above     float64 // space above; dropped at the top of a page
	height    float64
	breakable bool                            // a page may start with this element
	keepNext  bool                            // no page break between this element and the next
	draw      func(pg *pages.Page, y float64) // y is the element's top
	heading   *pages.Heading                  // outline entry starting here, if any
	baseline  float64                         // a line's baseline below its top
	float     bool                            // may wait for the next page (figures, short tables)
	// header is drawn first when a page starts with this element: a
	// table's header row, repeated on the pages the table continues to.
	header *element
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
		el := element{height: h, baseline: baseline, breakable: i >= 2 && n-i >= 2, draw: func(pg *pages.Page, y float64) {
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
	role pages.Role
	node pages.NodeID
}

// resolve gives content set as part of a line its node: the line's own,
// unless the content has one of its own (a link) inside a tagged line.
func (t tag) resolve(n pages.NodeID) pages.NodeID {
	if n == pages.Inherit || t.node == pages.Artifact {
		return t.node
	}
	return n
}

// placeLine draws a line on the page with its baseline at y.
func placeLine(pg *pages.Page, ln line, x, y float64, t tag) {
	x += ln.indent
	for _, r := range ln.runs {
		r.X += x
		r.Y = y
		r.Role, r.Node = t.role, t.resolve(r.Node)
		pg.Runs = append(pg.Runs, r)
	}
	for _, l := range ln.links {
		l.X += x
		l.Y += y
		l.Node = t.resolve(l.Node)
		pg.Links = append(pg.Links, l)
	}
	for _, r := range ln.rules {
		r.X += x
		r.Y += y
		pg.Rects = append(pg.Rects, r)
	}
}

// paginate places elements on pages, top to bottom. A chunk is the run
// of elements that must stay on one page. A float (a figure, a short
// table) that does not fit where it falls waits for the top of the next
// page, and the text after it fills the page first, as typesetters place
// figures. Floats keep their order, and a float stays within its section,
// as LaTeX's placement does: subsection headings may pass a waiting
// float, the heading of a new section may not.
func paginate(els []element, top, bottom float64, newPage func() *pages.Page) ([]*pages.Page, []pages.Heading, []pageBreak) {
	p := &pager{top: top, bottom: bottom, newPage: newPage}
	p.breakPage()
	var waiting []element
	for _, c := range chunks(els) {
		if waiting != nil {
			if !c[0].float && !startsSection(c) && p.fits(c) {
				p.place(c)
				continue
			}
			p.endPage(breakForFloat, waiting)
			p.place(waiting)
			waiting = nil
		}
		if !p.fits(c) && p.y > top {
			if c[0].float && chunkHeight(c, true) <= bottom-top {
				waiting = c
				continue
			}
			// A run that no page can hold (a brief of headings only,
			// each kept with the next) breaks inside wherever it goes:
			// moving it to the next page would only leave this one
			// empty, page 1 under the title included.
			if chunkHeight(c, true) <= bottom-top {
				p.endPage(breakForKeep, c)
			}
		}
		p.place(c)
	}
	if waiting != nil {
		p.endPage(breakForFloat, waiting)
		p.place(waiting)
	}
	return p.pages, p.outline, p.breaks
}

// pageBreak records why a page ended where it did, so that a page left
// part empty can be told from a fault: a float waited for the next page,
// or the run of elements that must stay together (a heading with the
// lines it keeps, a short list, a contact) did not fit. Need is that
// run's height.
type pageBreak struct {
	page  int // the page that ended, from 0
	cause string
	need  float64
}

const (
	breakForFloat = "float"
	breakForKeep  = "keep"
)

// endPage ends the current page because chunk c cannot go on it.
func (p *pager) endPage(cause string, c []element) {
	p.breaks = append(p.breaks, pageBreak{page: len(p.pages) - 1, cause: cause, need: chunkHeight(c, true)})
	p.breakPage()
}

// chunks cuts elements into the runs that must stay on one page.
func chunks(els []element) [][]element {
	var out [][]element
	for i := 0; i < len(els); {
		j := i + 1
		for j < len(els) && (!els[j].breakable || els[j-1].keepNext) {
			j++
		}
		out = append(out, els[i:j])
		i = j
	}
	return out
}

// startsSection reports whether a chunk opens a top-level section,
// which no waiting float may be passed by.
func startsSection(c []element) bool {
	for _, e := range c {
		if e.heading != nil && e.heading.Level <= 1 {
			return true
		}
	}
	return false
}

// pager is the state of pagination: the pages so far and the position on
// the last one.
type pager struct {
	pages          []*pages.Page
	outline        []pages.Heading
	y, top, bottom float64
	newPage        func() *pages.Page
	breaks         []pageBreak
}

func (p *pager) breakPage() {
	p.pages = append(p.pages, p.newPage())
	p.y = p.top
}

func (p *pager) fits(c []element) bool {
	h := chunkHeight(c, p.y == p.top)
	if p.y == p.top && c[0].header != nil {
		h += c[0].header.height
	}
	return p.y+h <= p.bottom
}

// place draws a chunk from the current position. A chunk taller than a
// whole page breaks wherever it must, but not right after an element kept
// with the next when the two fit together: nothing is ever drawn below
// the bottom margin.
func (p *pager) place(c []element) {
	for i, e := range c {
		need := e.above + e.height
		if e.keepNext && i+1 < len(c) {
			// An element kept with the next (a heading) goes on to
			// the next page with it when the two do not fit here.
			need += c[i+1].above + c[i+1].height
		}
		if p.y > p.top && p.y+need > p.bottom {
			p.breakPage()
		}
		if p.y > p.top {
			p.y += e.above
		} else if e.header != nil {
			e.header.draw(p.pages[len(p.pages)-1], p.y)
			p.y += e.header.height
		}
		if e.heading != nil {
			hd := *e.heading
			hd.Page, hd.Y = len(p.pages)-1, p.y
			p.outline = append(p.outline, hd)
		}
		e.draw(p.pages[len(p.pages)-1], p.y)
		p.y += e.height
	}
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
