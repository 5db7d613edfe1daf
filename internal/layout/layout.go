// Package layout sets an evaluated brief into lines and lines into pages.
//
// Its input is a manuscript.Document: text spans and images in reading order,
// with no geometry. It itemises and shapes each paragraph (internal/text,
// internal/shape), finds break opportunities (internal/linebreak), chooses
// the lines over the whole paragraph (totalfit, Knuth–Plass), and places
// blocks on pages (the house A4 page, or the Engine's Page) with keeps,
// widows and orphans, floats and footers.
// Its output is a pages.Document, plain positioned data that the PDF writer
// only serialises.
package layout

import (
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/shape"
	"github.com/mekong-briefs/briefs/internal/text"
)

// Engine lays out documents. Its fields are plain so tests can swap them.
// An Engine is not safe for concurrent use (the shaper holds caches): give
// each goroutine its own.
type Engine struct {
	Fonts   *fonts.Set
	Shaper  *shape.Shaper
	Breaker *linebreak.Breaker
	// Memo, when set, keeps shaped paragraphs for the next documents
	// (Memo); nil shapes every paragraph afresh.
	Memo *Memo
	// Partner, when set and sharing Memo, is a second engine (faces and
	// shaper of its own) that sets a document's later blocks into the
	// memo on another goroutine while Layout sets the earlier ones
	// (rehearse.go), so that a lone document uses two cores.
	Partner *Engine
	// Justify sets body paragraphs justified instead of ragged right.
	Justify bool
	// LooplessThai sets Thai (and Lao) body text in the loopless face,
	// Noto Sans Thai or Lao, as headings are, instead of the looped face
	// formal text is read in (the language table's BodyFamily).
	LooplessThai bool

	// Page is the page size and margins (briefs.toml page_size and
	// margins); the zero value is the house A4 page.
	Page Page
	// Accent, when set, replaces the house accent colour of titles,
	// headings, links and the contact bar (briefs.toml accent).
	Accent *pages.Color
	// Langs holds a project's choices of faces and body size, by
	// language code (briefs.toml [lang.X]).
	Langs map[string]LangStyle

	breaks []pageBreak // why each page of the last document ended, for tests
}

// maxPairedLines is the longest contact block set beside another; a
// longer one gets the full width, where it may break across pages.
const maxPairedLines = 8

// Layout sets an evaluated document on the engine's pages. Warnings (an overlong
// word) come back as diagnostics; errors stop the document.
func (e *Engine) Layout(doc *manuscript.Document) (*pages.Document, diag.List, error) {
	reached, wait := e.rehearse(doc)
	defer wait()
	st := e.setter(doc.Lang)
	var els []element
	if doc.Masthead != nil {
		el, err := e.masthead(st, doc.Masthead)
		if err != nil {
			return nil, st.findings(), fmt.Errorf("layout: %w", err)
		}
		els = append(els, el)
	}
	for i := 0; i < len(doc.Blocks); i++ {
		reached(i)
		b := doc.Blocks[i]
		if b.Kind == manuscript.Contact && i+1 < len(doc.Blocks) && doc.Blocks[i+1].Kind == manuscript.Contact &&
			len(b.Items) <= maxPairedLines && len(doc.Blocks[i+1].Items) <= maxPairedLines {
			els = append(els, e.contactPair(st, b, doc.Blocks[i+1]))
			i++
			continue
		}
		bs, err := e.block(st, b)
		if err != nil {
			return nil, st.findings(), fmt.Errorf("layout %s: %w", b.MsgID, err)
		}
		els = append(els, bs...)
		if endsTitleBlock(doc.Blocks, i) {
			els = append(els, ruleElement(st.page.Left, st.page.measure()))
		}
	}
	if st.diags.HasErrors() {
		return nil, st.findings(), fmt.Errorf("layout: %s", st.diags[len(st.diags)-1].Msg)
	}
	pg := st.page
	newPage := func() *pages.Page { return &pages.Page{Width: pg.Width, Height: pg.Height} }
	pgs, outline, breaks := paginate(els, pg.Top, pg.Height-pg.Bottom, newPage)
	e.breaks = breaks
	out := &pages.Document{Lang: doc.Lang, Title: doc.Title, Date: doc.Date, Outline: outline, Structure: st.tree.nodes,
		Author: doc.Organisation, Subject: doc.EditionName, Keywords: keywords(doc.BriefID, doc.Edition, doc.Lang)}
	for i, pg := range pgs {
		e.footer(st, doc.Folio, pg, i+1, len(pgs))
		if doc.Draft {
			e.draftMark(st, doc, pg)
		}
		out.Pages = append(out.Pages, *pg)
	}
	return out, st.findings(), nil
}

func (e *Engine) block(st *setter, b manuscript.Block) ([]element, error) {
	para := func(ps paraStyle) []element {
		if e.Justify && ps.role == pages.RoleParagraph {
			ps.justify = true
		}
		t := st.tree.add(ps.role, root)
		if b.Kind == manuscript.Heading {
			st.tree.node(t.node).Level = b.Level
		}
		lines := st.set(b.Spans, ps, fixed(st.page.measure()), t.node, b.MsgID, b.Pos)
		return lineElements(lines, st.page.Left, st.leading(ps), t, ps)
	}
	switch b.Kind {
	case manuscript.Title:
		return keep(para(titleStyle)), nil
	case manuscript.Subtitle:
		return keep(para(subtitleStyle)), nil
	case manuscript.EditionLabel:
		return keep(para(kickerStyle)), nil
	case manuscript.Heading:
		ps := heading1Style
		if b.Level == 2 {
			ps = heading2Style
		}
		els := keep(para(ps))
		if len(els) > 0 {
			els[0].heading = &pages.Heading{Title: text.Plain(b.Spans), Level: b.Level}
		}
		return els, nil
	case manuscript.Paragraph:
		return para(bodyStyle), nil
	case manuscript.Published:
		return withPrevious(para(publishedStyle)), nil
	case manuscript.List:
		return e.list(st, b), nil
	case manuscript.Table:
		return e.table(st, b), nil
	case manuscript.Figure:
		return e.figure(st, b)
	case manuscript.ChartBlock:
		if b.Chart == nil {
			return nil, fmt.Errorf("chart block without a chart")
		}
		return e.chart(st, b)
	case manuscript.Contact:
		return e.contact(st, b, st.page.Left, st.page.measure()), nil
	}
	return nil, fmt.Errorf("unknown block kind %q", b.Kind)
}

// keep marks every element to stay with the next: titles and headings
// never end a page.
func keep(els []element) []element {
	for i := range els {
		els[i].keepNext = true
		if i > 0 {
			els[i].breakable = false
		}
	}
	return els
}

// withPrevious keeps a short closing line (the publication line) on the
// page of what comes before it: a page of one line, left over after the
// contacts, is a page a typesetter would not send out. The line then goes
// on to the next page with the last lines or the block before it.
func withPrevious(els []element) []element {
	if len(els) > 0 {
		els[0].breakable = false
	}
	return els
}

// endsTitleBlock reports whether block i closes the title block: the
// subtitle, or a title with no subtitle after it. A rule under it parts
// the title block from the text.
func endsTitleBlock(bs []manuscript.Block, i int) bool {
	switch bs[i].Kind {
	case manuscript.Subtitle:
		return true
	case manuscript.Title:
		return i+1 >= len(bs) || bs[i+1].Kind != manuscript.Subtitle
	}
	return false
}

// ruleElement is a thin horizontal rule across the measure.
func ruleElement(x, w float64) element {
	return element{height: 14, draw: func(pg *pages.Page, y float64) {
		pg.Rects = append(pg.Rects, pages.Rect{X: x, Y: y + 4, W: w, H: 0.6, Fill: &rule})
	}}
}

// keywords lists the brief, edition and language for the PDF's keywords,
// leaving out what a document has not (a proof has no edition).
func keywords(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}
