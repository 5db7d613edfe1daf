package layout

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
	ink    = Color{0.10, 0.10, 0.12}
	accent = Color{0.05, 0.33, 0.47} // headings, emphasis, links
	muted  = Color{0.35, 0.35, 0.38}
	rule   = Color{0.70, 0.74, 0.78}
	shade  = Color{0.91, 0.94, 0.96}
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
	color      Color
	role       Role
	justify    bool
	spaceAbove float64 // points
	spaceBelow float64
}

var (
	titleStyle     = paraStyle{size: 21, bold: true, color: accent, role: RoleTitle, spaceBelow: 6}
	subtitleStyle  = paraStyle{size: 13, color: ink, role: RoleSubtitle, spaceBelow: 4}
	editionStyle   = paraStyle{size: 9.5, bold: true, color: muted, role: RoleSubtitle, spaceBelow: 14}
	heading1Style  = paraStyle{size: 14, bold: true, color: accent, role: RoleHeading, spaceAbove: 12, spaceBelow: 4}
	heading2Style  = paraStyle{size: 11.5, bold: true, color: ink, role: RoleHeading, spaceAbove: 8, spaceBelow: 3}
	bodyStyle      = paraStyle{size: 10.5, color: ink, role: RoleParagraph, spaceBelow: 6}
	listStyle      = paraStyle{size: 10.5, color: ink, role: RoleListBody, spaceBelow: 3}
	cellStyle      = paraStyle{size: 9.5, color: ink, role: RoleTableCell}
	headCellStyle  = paraStyle{size: 9.5, bold: true, color: ink, role: RoleTableHead}
	captionStyle   = paraStyle{size: 9, color: muted, role: RoleCaption, spaceBelow: 8}
	contactStyle   = paraStyle{size: 9.5, color: ink, role: RoleContact}
	publishedStyle = paraStyle{size: 9, color: muted, role: RolePublished, spaceAbove: 10}
	footerStyle    = paraStyle{size: 8.5, color: muted, role: RoleFooter}
)
