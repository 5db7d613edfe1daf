package layout

import (
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// draftRed marks a draft: a colour no brief uses otherwise, dark enough
// (luminance 0.28) to stand out in greyscale print too.
var draftRed = pages.Color{R: 0.75, G: 0.10, B: 0.10}

var draftStyle = paraStyle{size: 8.5, bold: true, color: draftRed, role: pages.RoleFooter}

// draftAbove is how far above the text frame the draft mark's baseline
// is, in the top margin.
const draftAbove = 22.0

// draftMark sets, in the top margin of every page of a draft (build
// --draft), a line that says so and names the messages that were set in
// the source language for want of a translation, so that nobody publishes
// the PDF by mistake and a reviewer sees what is missing. It is an
// artifact: not part of the brief's text.
func (e *Engine) draftMark(st *setter, doc *manuscript.Document, pg *pages.Page) {
	s := fmt.Sprintf("DRAFT, not for publication: %d %s set in the source language (%s)",
		len(doc.Missing), plural(len(doc.Missing), "message", "messages"), strings.Join(doc.Missing, ", "))
	lines := st.set([]manuscript.Span{{Text: s}}, draftStyle, fixed(st.page.measure()), pages.Artifact, "draft", diag.Pos{})
	if len(lines) == 0 {
		return
	}
	// One line: a long list is cut, the count says how many there are.
	draftY := st.page.Top - draftAbove
	placeLine(pg, lines[0], st.page.Left, draftY, artifact)
	pg.Rects = append(pg.Rects, pages.Rect{X: st.page.Left, Y: draftY + 4, W: st.page.measure(), H: 0.8, Fill: &draftRed})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
