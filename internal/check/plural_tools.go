package check

import (
	"slices"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// checkToolPlurals applies the Vietnamese plural policy (README.md,
// "Vietnamese plurals"): go-i18n (CLDR 49) asks for a "one" form that
// gettext, translate-toolkit and Weblate do not have (lang.ToolPlurals),
// so such a form must hold the same text as "other". A different text
// would be overwritten by the next import, and would print only for a
// count of 1.
func (c *checker) checkToolPlurals(m, en *catalog.Message) {
	row, ok := lang.Lookup(m.Lang)
	if !ok || len(en.Forms) <= 1 {
		return
	}
	other := m.Forms["other"]
	for _, cat := range row.Plurals {
		if slices.Contains(row.ToolPlurals, cat) {
			continue
		}
		if t, ok := m.Forms[cat]; ok && t != other {
			c.add(diag.Warnf(c.textPos(m, cat, 0), CodePlural,
				"write the text of other here too: PO and XLIFF carry one "+row.Name+" form, and import writes it to both",
				"the %q form of %q differs from its \"other\" form", cat, m.ID))
		}
	}
}
