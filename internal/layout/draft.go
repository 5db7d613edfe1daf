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

// draftY is the baseline of the draft mark, in the top margin.
const draftY = marginTop - 22

// draftMark sets, in the top margin of every page of a draft (build
// --draft), a line that says so and names the messages that were set in
// the source language for want of a translation, so that nobody publishes
// the PDF by mistake and a reviewer sees what is missing. It is an
// artifact: not part of the brief's text.
func (e *Engine) draftMark(st *setter, doc *manuscript.Document, pg *pages.Page) {
	s := fmt.Sprintf("DRAFT, not for publication: %d %s set in the source language (%s)",
		len(doc.Missing), plural(len(doc.Missing), "message", "messages"), strings.Join(doc.Missing, ", "))
	lines := st.set([]manuscript.Span{{Text: s}}, draftStyle, fixed(measure), pages.Artifact, "draft", diag.Pos{})
	if len(lines) == 0 {
		return
	}
	// One line: a long list is cut, the count says how many there are.
	placeLine(pg, lines[0], marginX, draftY, artifact)
	pg.Rects = append(pg.Rects, pages.Rect{X: marginX, Y: draftY + 4, W: measure, H: 0.8, Fill: &draftRed})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
