package layout

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // register decoders for image.DecodeConfig
	_ "image/png"
	"math"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/text"
)

// list sets each item with a hanging label: the label sits in the indent,
// right-aligned, and the item's lines align after it. The indent grows
// with the widest label (१००. or ၁၀၀. are wider than 1.).
func (e *Engine) list(st *setter, b manuscript.Block) []element {
	const gap = 5.0
	wide := fixed(math.MaxFloat32)
	labels := make([][]line, len(b.Labels))
	indent := 18.0
	for i, l := range b.Labels {
		labels[i] = st.set([]manuscript.Span{{Text: l}}, listStyle, wide, pages.Artifact, itemID(b, i), b.Pos)
		for _, ln := range labels[i] {
			indent = math.Max(indent, ln.width+gap+2)
		}
	}
	var els []element
	list := st.tree.group(pages.RoleList, root)
	// ListNumbering (ISO 32000-1, 14.8.5.5, Table 347) says how the
	// labels count, in any script's digits.
	st.tree.node(list).Numbering = "Disc"
	if b.Numbered {
		st.tree.node(list).Numbering = "Decimal"
	}
	for i, item := range b.Items {
		if text.Plain(item) == "" {
			continue // an empty item is not drawn and gets no structure
		}
		li := st.tree.group(pages.RoleListItem, list)
		lbl := st.tree.add(pages.RoleListLabel, li)
		body := st.tree.add(pages.RoleListBody, li)
		lines := st.set(item, listStyle, fixed(st.page.measure()-indent), body.node, itemID(b, i), b.Pos)
		item := lineElements(lines, st.page.Left+indent, st.leading(listStyle), body, listStyle)
		if len(item) == 0 {
			continue
		}
		label := labels[i]
		first, baseline := item[0].draw, item[0].baseline
		// The label is drawn before the body, so that a client reading
		// the content stream meets them in the order of the structure
		// tree (Lbl, then LBody).
		item[0].draw = func(pg *pages.Page, y float64) {
			for _, ln := range label {
				placeLine(pg, ln, st.page.Left+indent-ln.width-gap, y+baseline, lbl)
			}
			first(pg, y)
		}
		els = append(els, item...)
	}
	if len(els) > 0 {
		els[len(els)-1].height += 6
		if len(els) <= shortListLines || len(b.Items) <= shortListItems && len(els) <= 2*shortListItems {
			keepTogether(els)
		} else {
			// A longer list may break between items, but not so that
			// its first line is alone at the foot of a page or its last
			// alone at the head of the next, as a paragraph's may not.
			els[1].breakable = false
			els[len(els)-1].breakable = false
		}
	}
	return els
}

// A list this short is kept on one page: split, three short
// recommendations read as two lists. It is short when it has at most six
// lines, or at most four items of one or two lines each; a longer list
// may break between items, so that it cannot leave a page part empty.
const (
	shortListItems = 4
	shortListLines = 6
)

// keepTogether lets a page break come before els only, never inside.
func keepTogether(els []element) {
	for i := 1; i < len(els); i++ {
		els[i].breakable = false
	}
}

// itemID names the message of list item i, for diagnostics.
func itemID(b manuscript.Block, i int) string {
	if i < len(b.ItemIDs) {
		return b.ItemIDs[i]
	}
	return b.MsgID
}

// figure places an image scaled to its width fraction, with its caption.
// minFigurePPI is the resolution under which a figure is reported: under
// 100 pixels per inch at its printed size an image looks soft on a phone
// zoomed to the page's width as well as on paper; goodFigurePPI is what
// the hint asks for, the common minimum for print.
const (
	minFigurePPI  = 100
	goodFigurePPI = 150
)

func (e *Engine) figure(st *setter, b manuscript.Block) ([]element, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b.Image.Data))
	if err != nil {
		return nil, fmt.Errorf("figure: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("figure: image has no pixels")
	}
	w := st.page.measure() * b.Width
	h := w * float64(cfg.Height) / float64(cfg.Width)
	// A tall image is scaled down to leave room for its caption on the
	// same page: nothing is drawn below the bottom margin.
	if maxH := st.page.frameHeight() - 80; h > maxH {
		w, h = w*maxH/h, maxH
	}
	if ppi := float64(cfg.Width) / (w / 72); ppi < minFigurePPI {
		st.diags = append(st.diags, diag.Warnf(b.Pos, "figure-resolution",
			fmt.Sprintf("use an image at least %d pixels wide, or a smaller width", int(math.Ceil(w/72*goodFigurePPI))),
			"figure %q prints at %.0f pixels per inch (%d×%d pixels over %.0f pt): it will look blurred or blocky, on screen as on paper",
			b.Image.Src, ppi, cfg.Width, cfg.Height, w))
	}
	img := *b.Image
	fig := st.tree.add(pages.RoleFigure, root)
	st.tree.node(fig.node).Alt = img.Alt
	els := []element{{above: 6, height: h + 4, breakable: true, keepNext: len(b.Spans) > 0, float: true,
		draw: func(pg *pages.Page, y float64) {
			pg.Images = append(pg.Images, pages.Image{X: st.page.Left, Y: y, W: w, H: h, Data: img.Data, Format: img.Format, Alt: img.Alt, Node: fig.node})
		}}}
	if len(b.Spans) > 0 {
		// None of the caption's lines may part from the image. In the
		// structure the Caption follows the Figure instead of sitting in
		// it: a screen reader reads a Figure's Alt in place of all it
		// holds, so a caption inside would never be heard (PDF
		// Association, Tagged PDF Best Practice Guide: Syntax, 2019,
		// 4.2.7: "locate the <Caption> structure element following the
		// <Figure>").
		caption := st.tree.add(pages.RoleCaption, root)
		lines := st.set(b.Spans, captionStyle, fixed(st.page.measure()), caption.node, b.MsgID, b.Pos)
		capEls := lineElements(lines, st.page.Left, st.leading(captionStyle), caption, captionStyle)
		for i := range capEls {
			capEls[i].breakable = false
		}
		els = append(els, capEls...)
	}
	return els, nil
}

// contact sets a contact block in a column starting at x, width wide, as
// a group of lines with an accent bar, kept on one page. Each line draws
// its own piece of the bar, so the bar stays right even if a very long
// block must break.
func (e *Engine) contact(st *setter, b manuscript.Block, x, width float64) []element {
	return withBars(st, e.contactLines(st, b, x, width), x)
}

// withBars gives each of a contact card's lines its piece of the accent
// bar at x, and keeps the card on one page.
func withBars(st *setter, els []element, x float64) []element {
	for i := range els {
		bar := els[i].height
		if i == len(els)-1 {
			bar -= contactBelow
		}
		draw := els[i].draw
		els[i].draw = func(pg *pages.Page, y float64) {
			pg.Rects = append(pg.Rects, pages.Rect{X: x, Y: y, W: 2.2, H: bar, Fill: &st.accent})
			draw(pg, y)
		}
		els[i].breakable = i == 0
	}
	if len(els) > 0 {
		els[0].above = 4
	}
	return els
}

// contactBelow is the space under a contact block.
const contactBelow = 10.0

// contactLines sets a contact block's lines, indented from x past its
// bar, which the caller draws.
func (e *Engine) contactLines(st *setter, b manuscript.Block, x, width float64) []element {
	const indent = 10.0
	var els []element
	div := st.tree.group(pages.RoleDiv, root)
	for i, sp := range b.Items {
		ps := contactStyle
		if i == len(b.Items)-1 {
			ps.spaceBelow = contactBelow
		}
		line := st.tree.add(pages.RoleContact, div)
		lines := st.set(sp, ps, fixed(width-indent), line.node, itemID(b, i), b.Pos)
		els = append(els, lineElements(lines, x+indent, st.leading(ps), line, ps)...)
	}
	return els
}

// contactPair sets two contact blocks side by side, as one element: the
// region edition of a brief lists a contact per country, and one column
// of them would fill a page. The two are set line by line on shared
// baselines: each line takes the extra leading its marks need (Khmer
// stacks, lineElements) in both columns, so that a taller line in one
// does not leave the other's lines 1.5 pt higher from there on (a
// typesetter's review of the Khmer cards).
func (e *Engine) contactPair(st *setter, a, b manuscript.Block) element {
	const gutter = 18.0
	w := (st.page.measure() - gutter) / 2
	xs := []float64{st.page.Left, st.page.Left + w + gutter}
	cols := [][]element{e.contactLines(st, a, xs[0], w), e.contactLines(st, b, xs[1], w)}
	if len(cols[0]) != len(cols[1]) {
		// A card with a line more (its last one wrapped) is set as
		// before, each card on its own leading: on shared rows,
		// poppler read that lone last row after the other card.
		return pairApart([][]element{withBars(st, cols[0], xs[0]), withBars(st, cols[1], xs[1])})
	}
	// For each row, the baseline below its top (the lower of the two
	// lines') and the row's height.
	rows := max(len(cols[0]), len(cols[1]))
	base, height := make([]float64, rows), make([]float64, rows)
	for i := range rows {
		for _, col := range cols {
			if i < len(col) {
				base[i] = max(base[i], col[i].baseline)
			}
		}
		for _, col := range cols {
			if i < len(col) {
				height[i] = max(height[i], base[i]-col[i].baseline+col[i].height)
			}
		}
	}
	total := 0.0
	for _, h := range height {
		total += h
	}
	return element{above: 4, height: total, breakable: true, draw: func(pg *pages.Page, y float64) {
		for c, col := range cols {
			cy, bar := y, 0.0
			for i, el := range col {
				el.draw(pg, cy+base[i]-el.baseline)
				bar += height[i]
				cy += height[i]
			}
			if len(col) > 0 {
				// The bar runs down the column's rows, to its last line's
				// foot: the space below the block is not bar.
				last := len(col) - 1
				bar -= height[last] - (base[last] - col[last].baseline + col[last].height - contactBelow)
				pg.Rects = append(pg.Rects, pages.Rect{X: xs[c], Y: y, W: 2.2, H: bar, Fill: &st.accent})
			}
		}
	}}
}

// pairApart draws two contact cards side by side, each on its own leading.
func pairApart(cols [][]element) element {
	height := 0.0
	for _, col := range cols {
		h := 0.0
		for _, el := range col {
			h += el.height
		}
		height = max(height, h)
	}
	return element{above: 4, height: height, breakable: true, draw: func(pg *pages.Page, y float64) {
		for _, col := range cols {
			cy := y
			for _, el := range col {
				el.draw(pg, cy)
				cy += el.height
			}
		}
	}}
}
