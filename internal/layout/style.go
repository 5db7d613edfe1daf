package layout

import "github.com/mekong-briefs/briefs/internal/pages"

// A4 in PostScript points (ISO 216: 210 × 297 mm).
const (
	pageWidth  = 595.276
	pageHeight = 841.890
	marginX    = 62.0
	marginTop  = 56.0
	marginBot  = 64.0
	footerY    = pageHeight - 36.0 // baseline of the footer

	frameHeight = pageHeight - marginTop - marginBot
)

// Colours of the house style.
var (
	ink    = pages.Color{R: 0.10, G: 0.10, B: 0.12}
	accent = pages.Color{R: 0.05, G: 0.33, B: 0.47} // headings, emphasis, links
	muted  = pages.Color{R: 0.35, G: 0.35, B: 0.38}
	rule   = pages.Color{R: 0.70, G: 0.74, B: 0.78}
	shade  = pages.Color{R: 0.91, G: 0.94, B: 0.96}
)

// scriptMetrics holds per-language type size and leading. Burmese and Khmer
// stack marks far above and below the baseline, so they get more leading
// than Latin (DESIGN.md, "Typography per script"); Burmese glyphs are also
// drawn large on the body, so its size is reduced to match Latin's colour.
type scriptMetrics struct {
	scale   float64 // multiplies every type size
	leading float64 // baseline-to-baseline distance, in multiples of the size
}

var metricsFor = map[string]scriptMetrics{
	"en": {1.00, 1.42},
	"vi": {1.00, 1.50},
	"th": {1.04, 1.62},
	"km": {0.96, 1.90},
	"my": {0.92, 2.05},
}

func metrics(lang string) scriptMetrics {
	if m, ok := metricsFor[lang]; ok {
		return m
	}
	return metricsFor["en"]
}

// paraStyle is how one kind of block is set.
type paraStyle struct {
	size       float64 // points, before the script scale
	bold       bool
	color      pages.Color
	role       pages.Role
	justify    bool
	spaceAbove float64 // points
	spaceBelow float64
}

var (
	kickerStyle    = paraStyle{size: 9, bold: true, color: muted, role: pages.RoleSubtitle, spaceBelow: 2}
	titleStyle     = paraStyle{size: 21, bold: true, color: accent, role: pages.RoleTitle, spaceBelow: 3}
	subtitleStyle  = paraStyle{size: 13, color: ink, role: pages.RoleSubtitle, spaceBelow: 2}
	heading1Style  = paraStyle{size: 14, bold: true, color: accent, role: pages.RoleHeading, spaceAbove: 12, spaceBelow: 4}
	heading2Style  = paraStyle{size: 11.5, bold: true, color: ink, role: pages.RoleHeading, spaceAbove: 8, spaceBelow: 3}
	bodyStyle      = paraStyle{size: 10.5, color: ink, role: pages.RoleParagraph, spaceBelow: 6}
	listStyle      = paraStyle{size: 10.5, color: ink, role: pages.RoleListBody, spaceBelow: 3}
	cellStyle      = paraStyle{size: 9.5, color: ink, role: pages.RoleTableCell}
	headCellStyle  = paraStyle{size: 9.5, bold: true, color: ink, role: pages.RoleTableHead}
	captionStyle   = paraStyle{size: 9, color: muted, role: pages.RoleCaption, spaceBelow: 8}
	contactStyle   = paraStyle{size: 9.5, color: ink, role: pages.RoleContact}
	publishedStyle = paraStyle{size: 9, color: muted, role: pages.RolePublished, spaceAbove: 10}
	footerStyle    = paraStyle{size: 8.5, color: muted, role: pages.RoleFooter}
)
