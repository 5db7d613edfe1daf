package layout

import (
	"math"

	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/text"
)

const (
	cellPad    = 5.0
	shortTable = 12 // rows; a table this short is never split
)

// table sets a simple table: a shaded header row, then body rows with
// rules between them. Column widths follow the cells' natural widths. A
// short table stays on one page; a long one may break between body rows,
// but never right after the header.
func (e *Engine) table(st *setter, b content.Block) []element {
	widths := e.columnWidths(st, b)
	var els []element
	header := e.row(st, b, b.Header, widths, headCellStyle, true)
	header.above, header.keepNext, header.breakable = 8, true, true
	els = append(els, header)
	for _, r := range b.Rows {
		row := e.row(st, b, r, widths, cellStyle, false)
		row.breakable = len(b.Rows) > shortTable
		els = append(els, row)
	}
	els[len(els)-1].height += 10
	return els
}

// columnWidths shares the measure between columns in proportion to the
// widest cell of each, with every column at least a sixth of the measure.
func (e *Engine) columnWidths(st *setter, b content.Block) []float64 {
	n := len(b.Header)
	natural := make([]float64, n)
	wide := fixed(math.MaxFloat32)
	grow := func(i int, sp []text.Span, ps paraStyle) {
		for _, ln := range st.set(sp, ps, wide, b.MsgID, b.Pos) {
			natural[i] = math.Max(natural[i], ln.width+2*cellPad)
		}
	}
	for i, c := range b.Header {
		grow(i, c, headCellStyle)
	}
	for _, r := range b.Rows {
		for i, c := range r {
			grow(i, c, cellStyle)
		}
	}
	sum := 0.0
	for i := range natural {
		natural[i] = math.Max(natural[i], measure/6)
		sum += natural[i]
	}
	for i := range natural {
		natural[i] *= measure / sum
	}
	return natural
}

// row sets one table row as a single element.
func (e *Engine) row(st *setter, b content.Block, cells [][]text.Span, widths []float64, ps paraStyle, head bool) element {
	type cell struct {
		els []element
		x   float64
	}
	var cs []cell
	height := 0.0
	x := marginX
	for i, c := range cells {
		lines := st.set(c, ps, fixed(widths[i]-2*cellPad), b.MsgID, b.Pos)
		els := lineElements(lines, x+cellPad, st.leading(ps), ps.role, ps)
		h := 0.0
		for _, el := range els {
			h += el.height
		}
		height = math.Max(height, h)
		cs = append(cs, cell{els, x})
		x += widths[i]
	}
	height += 2 * cellPad
	return element{height: height, draw: func(pg *Page, y float64) {
		if head {
			pg.Rects = append(pg.Rects, Rect{X: marginX, Y: y, W: measure, H: height, Fill: &shade})
		}
		pg.Rects = append(pg.Rects, Rect{X: marginX, Y: y + height - 0.5, W: measure, H: 0.5, Fill: &rule})
		for _, c := range cs {
			cy := y + cellPad
			for _, el := range c.els {
				el.draw(pg, cy)
				cy += el.height
			}
		}
	}}
}
