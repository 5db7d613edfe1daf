package layout

import (
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// Page is a page's size and the margins of its text frame, in PostScript
// points.
type Page struct{ Width, Height, Top, Right, Bottom, Left float64 }

// A4 is the house page: ISO 216 A4 with the house margins.
var A4 = Page{Width: pageWidth, Height: pageHeight, Top: marginTop, Right: marginX, Bottom: marginBot, Left: marginX}

// measure is the width of the text frame.
func (p Page) measure() float64 { return p.Width - (p.Left + p.Right) }

// frameHeight is the height of the text frame.
func (p Page) frameHeight() float64 { return p.Height - p.Top - p.Bottom }

// footerAbove is how far below the text frame's foot the footer's
// baseline is: 28 pt, which puts it 36 pt above the edge of the house page.
const footerAbove = 28.0

// footerY is the footer's baseline.
func (p Page) footerY() float64 { return p.Height - p.Bottom + footerAbove }

// LangStyle is a project's choice for one language. Zero values keep the
// defaults: the language table's faces and the house sizes.
type LangStyle struct {
	// BodyFace and HeadingFace are embedded families (file stems in
	// fonts/) that serve the language's script: body text, and titles and
	// headings.
	BodyFace, HeadingFace string
	// BodySize is the body text's size in points; every other size
	// scales with it, as they do with the language's size scale.
	BodySize float64
}

// setter makes the setter of a document in a language: its faces, sizes,
// page and colours, from the language table and the engine's settings.
func (e *Engine) setter(code string) *setter {
	st := &setter{fonts: e.Fonts, shaper: e.Shaper, breaker: e.Breaker.ForLanguage(code), lang: code, metrics: metrics(code),
		page: e.Page, accent: accent}
	if e.Memo != nil {
		st.memo, st.memoID, st.engineBreaker = e.Memo, e.memoID(code), e.Breaker
	}
	if st.page == (Page{}) {
		st.page = A4
	}
	if e.Accent != nil {
		st.accent = *e.Accent
	}
	if !e.LooplessThai {
		st.body = e.Fonts
		for _, row := range lang.Table {
			if row.BodyFamily != "" {
				st.body = st.body.WithFamily(row.Script, row.BodyFamily)
			}
		}
	}
	ls, ok := e.Langs[code]
	row, known := lang.Lookup(code)
	if !ok || !known {
		return st
	}
	if ls.HeadingFace != "" {
		st.fonts = st.fonts.WithFamily(row.Script, ls.HeadingFace)
	}
	if ls.BodyFace != "" {
		if st.body == nil {
			st.body = e.Fonts
		}
		st.body = st.body.WithFamily(row.Script, ls.BodyFace)
	}
	if ls.BodySize > 0 {
		st.metrics.scale = ls.BodySize / bodyStyle.size
	}
	return st
}

// paint gives a style's colour on this page: the house accent becomes the
// project's.
func (st *setter) paint(c pages.Color) pages.Color {
	if c == accent {
		return st.accent
	}
	return c
}
