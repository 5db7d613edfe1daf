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
	// minRowsApart is the fewest body rows a page break leaves on either
	// side: two rows under a repeated header read as a stray.
	minRowsApart = 3
)

// table sets a table: a shaded header row, then body rows with rules
// between them. Column widths come from the cells' content; columns of
// numbers are set flush right, so units, tens and hundreds line up. A
// short table stays on one page; a long one may break between body rows,
// with three rows at least on each side, and the header row is repeated
// at the top of every page the table continues to.
func (e *Engine) table(st *setter, b manuscript.Block) []element {
	g := grid{widths: e.columnWidths(st, b), align: alignments(b)}
	table := st.tree.group(pages.RoleTable, root)
	caption := e.tableCaption(st, b, table) // its node before the rows': the Table's first child
	header := e.row(st, b, g, 0, b.Header, headCellStyle, true, tableTagger(st, table, headCellStyle.role))
	header.above, header.keepNext, header.breakable = 8, true, true
	header.float = len(b.Rows) <= shortTable // a short table moves as one
	// The repeat is an artifact (a pagination artifact, ISO 32000-1,
	// 14.8.2.2): the structure holds the header row once.
	repeat := e.row(st, b, g, 0, b.Header, headCellStyle, true, func() tag { return artifact })
	if len(caption) > 0 {
		// The caption starts the table: its space above and its float,
		// and no page parts it from the header row.
		caption[0].above, caption[0].float = header.above, header.float
		header.above, header.float, header.breakable = 0, false, false
	}
	els := append(caption, header)
	for i, r := range b.Rows {
		row := e.row(st, b, g, i+1, r, cellStyle, false, tableTagger(st, table, cellStyle.role))
		// A long table breaks between body rows, leaving at least
		// minRowsApart rows on each side, as paragraphs leave lines.
		row.breakable = len(b.Rows) > shortTable && i >= minRowsApart && len(b.Rows)-i >= minRowsApart
		row.header = &repeat
		els = append(els, row)
	}
	els[len(els)-1].height += 10
	return els
}

// tableCaption sets a table's caption above it, as tables are captioned
// (a figure's goes below), as the Table's first child, a Caption (ISO
// 32000-1, 14.8.4.3: the first or last child of what it describes). Its
// lines stay together and with what follows.
func (e *Engine) tableCaption(st *setter, b manuscript.Block, table pages.NodeID) []element {
	if len(b.Spans) == 0 {
		return nil
	}
	caption := st.tree.add(pages.RoleCaption, table)
	lines := st.set(b.Spans, captionStyle, fixed(st.page.measure()), caption.node, b.MsgID, b.Pos)
	els := lineElements(lines, st.page.Left, st.leading(captionStyle), caption, captionStyle)
	if len(els) == 0 {
		return nil // a caption with no text (a link with no words) sets no line
	}
	for i := range els {
		els[i].breakable, els[i].keepNext = i == 0, true
	}
	els[len(els)-1].height += 2
	return els
}

// grid is what every row of a table shares: the column widths and
// alignments ("left", "center", "right").
type grid struct {
	widths []float64
	align  []string
}

// tableTagger returns a function that opens a row node under the table
// and then a cell node per call: the structure of one row.
func tableTagger(st *setter, table pages.NodeID, role pages.Role) func() tag {
	var tr pages.NodeID
	return func() tag {
		if tr == 0 {
			tr = st.tree.group(pages.RoleRow, table)
		}
		return st.tree.add(role, tr)
	}
}

// cellID names the message of a cell (row 0 is the header).
func cellID(b manuscript.Block, row, col int) string {
	if row < len(b.CellIDs) && col < len(b.CellIDs[row]) {
		return b.CellIDs[row][col]
	}
	return b.MsgID
}

// row sets one table row as a single element; cell gives each cell its
// structure tag in turn. A row taller than the text frame cannot be placed
// on any page: it is reported as an error.
func (e *Engine) row(st *setter, b manuscript.Block, g grid, ri int, cells [][]manuscript.Span, ps paraStyle, head bool, cell func() tag) element {
	type placedCell struct {
		els []element
	}
	var cs []placedCell
	height := 0.0
	x := st.page.Left
	for i, c := range cells {
		t := cell()
		// A hair of tolerance: a column as wide as its widest cell must
		// not break that cell over rounding in the last bit.
		inner := g.widths[i] - 2*cellPad + 1e-6
		lines := st.set(c, ps, fixed(inner), t.node, cellID(b, ri, i), b.Pos)
		if i < len(g.align) {
			alignLines(lines, inner, g.align[i])
		}
		els := lineElements(lines, x+cellPad, st.leading(ps), t, ps)
		h := 0.0
		for _, el := range els {
			h += el.height
		}
		height = math.Max(height, h)
		cs = append(cs, placedCell{els})
		x += g.widths[i]
	}
	height += 2 * cellPad
	if height > st.page.frameHeight() {
		st.diags = append(st.diags, diag.Errorf(b.Pos, "table-row-height", "shorten the cells of this row",
			"table row %d (message %q) is taller than a page", ri, cellID(b, ri, 0)))
	}
	return element{height: height, draw: func(pg *pages.Page, y float64) {
		if head {
			pg.Rects = append(pg.Rects, pages.Rect{X: st.page.Left, Y: y, W: st.page.measure(), H: height, Fill: &shade})
		}
		pg.Rects = append(pg.Rects, pages.Rect{X: st.page.Left, Y: y + height - 0.5, W: st.page.measure(), H: 0.5, Fill: &rule})
		for _, c := range cs {
			cy := y + cellPad
			for _, el := range c.els {
				el.draw(pg, cy)
				cy += el.height
			}
		}
	}}
}

// alignLines moves each line to end at the right edge of width, or to
// its middle; flush left leaves it.
func alignLines(lines []line, width float64, align string) {
	for i := range lines {
		switch align {
		case "right":
			lines[i].indent = math.Max(0, width-lines[i].width)
		case "center":
			lines[i].indent = math.Max(0, (width-lines[i].width)/2)
		}
	}
}
