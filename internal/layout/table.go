package layout

import (
	"math"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
)

const (
	cellPad    = 5.0
	shortTable = 12 // rows; a table this short is never split
)

// table sets a simple table: a shaded header row, then body rows with
// rules between them. Column widths follow the cells' natural widths. A
// short table stays on one page; a long one may break between body rows,
// but never right after the header.
func (e *Engine) table(st *setter, b manuscript.Block) []element {
	widths := e.columnWidths(st, b)
	var els []element
	table := st.tree.group(pages.RoleTable, root)
	header := e.row(st, b, table, 0, b.Header, widths, headCellStyle, true)
	header.above, header.keepNext, header.breakable = 8, true, true
	header.float = len(b.Rows) <= shortTable // a short table moves as one
	els = append(els, header)
	for i, r := range b.Rows {
		row := e.row(st, b, table, i+1, r, widths, cellStyle, false)
		row.breakable = len(b.Rows) > shortTable
		els = append(els, row)
	}
	els[len(els)-1].height += 10
	return els
}

// cellID names the message of a cell (row 0 is the header).
func cellID(b manuscript.Block, row, col int) string {
	if row < len(b.CellIDs) && col < len(b.CellIDs[row]) {
		return b.CellIDs[row][col]
	}
	return b.MsgID
}

// columnWidths shares the measure between columns. Each column first gets
// its minimum: its widest unbreakable word, or an equal share of the
// measure if that is less. What is left goes to the columns in proportion
// to how much wider their widest cell is than their minimum.
func (e *Engine) columnWidths(st *setter, b manuscript.Block) []float64 {
	n := len(b.Header)
	natural := make([]float64, n)
	minimum := make([]float64, n)
	grow := func(col int, sp []manuscript.Span, ps paraStyle) {
		nat, word := st.measure(sp, ps)
		natural[col] = math.Max(natural[col], nat+2*cellPad)
		minimum[col] = math.Max(minimum[col], math.Min(word+2*cellPad, measure/float64(n)))
	}
	for i, c := range b.Header {
		grow(i, c, headCellStyle)
	}
	for _, row := range b.Rows {
		for i, c := range row {
			grow(i, c, cellStyle)
		}
	}
	sumMin, sumExtra := 0.0, 0.0
	for i := range natural {
		natural[i] = math.Max(natural[i], minimum[i])
		sumMin += minimum[i]
		sumExtra += natural[i] - minimum[i]
	}
	widths := make([]float64, n)
	for i := range widths {
		widths[i] = minimum[i]
		if sumExtra > 0 {
			widths[i] += (measure - sumMin) * (natural[i] - minimum[i]) / sumExtra
		} else {
			widths[i] += (measure - sumMin) / float64(n)
		}
	}
	return widths
}

// row sets one table row as a single element. A row taller than the text
// frame cannot be placed on any page: it is reported as an error.
func (e *Engine) row(st *setter, b manuscript.Block, table pages.NodeID, ri int, cells [][]manuscript.Span, widths []float64, ps paraStyle, head bool) element {
	type cell struct {
		els []element
		x   float64
	}
	var cs []cell
	height := 0.0
	x := marginX
	tr := st.tree.group(pages.RoleRow, table)
	for i, c := range cells {
		td := st.tree.add(ps.role, tr)
		lines := st.set(c, ps, fixed(widths[i]-2*cellPad), td.node, cellID(b, ri, i), b.Pos)
		els := lineElements(lines, x+cellPad, st.leading(ps), td, ps)
		h := 0.0
		for _, el := range els {
			h += el.height
		}
		height = math.Max(height, h)
		cs = append(cs, cell{els, x})
		x += widths[i]
	}
	height += 2 * cellPad
	if height > frameHeight {
		st.diags = append(st.diags, diag.Errorf(b.Pos, "table-row-height", "shorten the cells of this row",
			"table row %d (message %q) is taller than a page", ri, cellID(b, ri, 0)))
	}
	return element{height: height, draw: func(pg *pages.Page, y float64) {
		if head {
			pg.Rects = append(pg.Rects, pages.Rect{X: marginX, Y: y, W: measure, H: height, Fill: &shade})
		}
		pg.Rects = append(pg.Rects, pages.Rect{X: marginX, Y: y + height - 0.5, W: measure, H: 0.5, Fill: &rule})
		for _, c := range cs {
			cy := y + cellPad
			for _, el := range c.els {
				el.draw(pg, cy)
				cy += el.height
			}
		}
	}}
}
