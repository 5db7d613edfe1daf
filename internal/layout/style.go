package layout

import (
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// The house page, A4 (ISO 216: 210 × 297 mm) with its margins, in
// PostScript points; Engine.Page replaces it. footerY is the house page's,
// for tests: layout asks its setter's Page.
const (
	pageWidth  = 595.276
	pageHeight = 841.890
	marginX    = 62.0
	marginTop  = 56.0
	marginBot  = 64.0
	footerY    = pageHeight - 36.0 // baseline of the footer
)

// Colours of the house style.
var (
	ink    = pages.Color{R: 0.10, G: 0.10, B: 0.12}
	accent = pages.Color{R: 0.05, G: 0.33, B: 0.47} // headings, links
	// highlight is the band behind emphasis in Khmer, Burmese and Thai:
	// light enough to read through, dark enough (luminance 0.89) to stay
	// visible in greyscale print.
	highlight = pages.Color{R: 1.00, G: 0.89, B: 0.60}
	muted     = pages.Color{R: 0.35, G: 0.35, B: 0.38}
	rule      = pages.Color{R: 0.70, G: 0.74, B: 0.78}
	shade     = pages.Color{R: 0.91, G: 0.94, B: 0.96}
)

// scriptMetrics holds a language's type size scale, leading and whether
// its faces have an italic; the facts live in the language table
// (internal/lang).
type scriptMetrics struct {
	scale   float64 // multiplies every type size
	leading float64 // baseline-to-baseline distance, in multiples of the size
	italic  bool    // emphasis in italic; otherwise a highlight band
}

func metrics(code string) scriptMetrics {
	row, ok := lang.Lookup(code)
	if !ok || row.SizeScale == 0 {
		row, _ = lang.Lookup("en")
	}
	return scriptMetrics{scale: row.SizeScale, leading: row.Leading, italic: row.Italic}
}

// paraStyle is how one kind of block is set.
type paraStyle struct {
	size    float64 // points, before the script scale
	bold    bool
	color   pages.Color
	role    pages.Role
	justify bool
	// display marks titles and headings, which Thai sets in the loopless
	// face while body text is looped.
	display    bool
	spaceAbove float64 // points
	spaceBelow float64
}

var (
	kickerStyle    = paraStyle{display: true, size: 9, bold: true, color: muted, role: pages.RoleSubtitle, spaceBelow: 2}
	titleStyle     = paraStyle{display: true, size: 21, bold: true, color: accent, role: pages.RoleTitle, spaceBelow: 3}
	subtitleStyle  = paraStyle{display: true, size: 13, color: ink, role: pages.RoleSubtitle, spaceBelow: 2}
	heading1Style  = paraStyle{display: true, size: 14, bold: true, color: accent, role: pages.RoleHeading, spaceAbove: 12, spaceBelow: 4}
	heading2Style  = paraStyle{display: true, size: 11.5, bold: true, color: ink, role: pages.RoleHeading, spaceAbove: 8, spaceBelow: 3}
	bodyStyle      = paraStyle{size: 10.5, color: ink, role: pages.RoleParagraph, spaceBelow: 6}
	listStyle      = paraStyle{size: 10.5, color: ink, role: pages.RoleListBody, spaceBelow: 3}
	cellStyle      = paraStyle{size: 9.5, color: ink, role: pages.RoleTableCell}
	headCellStyle  = paraStyle{size: 9.5, bold: true, color: ink, role: pages.RoleTableHead}
	captionStyle   = paraStyle{size: 9, color: muted, role: pages.RoleCaption, spaceBelow: 8}
	contactStyle   = paraStyle{size: 9.5, color: ink, role: pages.RoleContact}
	publishedStyle = paraStyle{size: 9, color: muted, role: pages.RolePublished, spaceAbove: 10}
	footerStyle    = paraStyle{size: 8.5, color: muted, role: pages.RoleFooter}
)
