package layout

import (
	"bytes"
	"fmt"
	"image"
	"math"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// The masthead's proportions: the logo is set to a fixed height, as a
// letterhead's is, and may take at most a third of the measure; the name
// stands beside it, centred on it.
const (
	mastheadLogoHeight = 26.0
	mastheadGap        = 8.0  // between logo and name
	mastheadBelow      = 12.0 // between the masthead and the kicker
)

// The name is tagged as the kicker is (a P in the structure tree), and set
// in the display faces, as titles are.
var mastheadStyle = paraStyle{display: true, size: 10.5, bold: true, color: accent, role: pages.RoleSubtitle}

// masthead sets the organisation's logo and name at the head of page 1,
// over the title block, as one element that keeps with the title. The
// logo is an artifact (ISO 32000-1, 14.8.2.2): the name beside it says
// what it shows, and a logo without a name has no text to stand for it.
func (e *Engine) masthead(st *setter, m *manuscript.Masthead) (element, error) {
	logoW, logoH := 0.0, 0.0
	if m.Logo != nil {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(m.Logo.Data))
		if err != nil {
			return element{}, fmt.Errorf("masthead logo: %w", err)
		}
		if cfg.Width <= 0 || cfg.Height <= 0 {
			return element{}, fmt.Errorf("masthead logo: image has no pixels")
		}
		logoH = mastheadLogoHeight
		logoW = logoH * float64(cfg.Width) / float64(cfg.Height)
		if maxW := st.page.measure() / 3; logoW > maxW {
			logoW, logoH = maxW, maxW*float64(cfg.Height)/float64(cfg.Width)
		}
	}
	nameX := st.page.Left
	if logoW > 0 {
		nameX += logoW + mastheadGap
	}
	var name []element
	var nameTag tag
	if len(m.Name) > 0 {
		nameTag = st.tree.add(mastheadStyle.role, root)
		lines := st.set(m.Name, mastheadStyle, fixed(st.page.Left+st.page.measure()-nameX), nameTag.node, "masthead", m.NamePos)
		name = lineElements(lines, nameX, st.leading(mastheadStyle), nameTag, mastheadStyle)
	}
	nameH := 0.0
	for _, el := range name {
		nameH += el.height
	}
	height := math.Max(logoH, nameH)
	img := m.Logo
	return element{height: height + mastheadBelow, breakable: true, keepNext: true, draw: func(pg *pages.Page, y float64) {
		if img != nil {
			pg.Images = append(pg.Images, pages.Image{X: st.page.Left, Y: y + (height-logoH)/2, W: logoW, H: logoH,
				Data: img.Data, Format: img.Format, Alt: img.Alt, Node: pages.Artifact})
		}
		ny := y + (height-nameH)/2
		for _, el := range name {
			el.draw(pg, ny)
			ny += el.height
		}
	}}, nil
}
