package check

import (
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// checkPlural compares the forms of a translation with the language's
// CLDR categories, for messages whose English is plural (has a form
// besides "other"). A missing form is an error: go-i18n would fail to
// render that count. A superfluous form is a warning: it is never used.
// Every message needs "other".
func (c *checker) checkPlural(m, en *catalog.Message) {
	pos := m.Pos
	if _, ok := m.Forms["other"]; !ok {
		c.add(diag.Errorf(pos, CodePlural, `add other = "…"`, "translation of %q has no \"other\" form", m.ID))
	}
	if len(en.Forms) <= 1 {
		for _, f := range catalog.FormOrder {
			if _, ok := m.Forms[f]; ok && f != "other" {
				c.add(diag.Warnf(catalog.FieldPos(c.fileLines(pos.File), pos, f), CodePlural,
					"the English is not plural: keep only other",
					"translation of %q has a %q form that is never used", m.ID, f))
			}
		}
		return
	}
	row, ok := lang.Lookup(m.Lang) // the CLDR 49 plural categories
	if !ok {
		return
	}
	cats := row.Plurals
	for _, f := range cats {
		if _, ok := m.Forms[f]; !ok {
			c.add(diag.Errorf(pos, CodePlural, "CLDR plural categories of "+m.Lang+": "+strings.Join(cats, ", "),
				"plural message %q has no %q form in %s", m.ID, f, langName(m.Lang)))
		}
	}
	for _, f := range catalog.FormOrder {
		if _, ok := m.Forms[f]; ok && !slices.Contains(cats, f) {
			c.add(diag.Warnf(catalog.FieldPos(c.fileLines(pos.File), pos, f), CodePlural,
				"CLDR plural categories of "+m.Lang+": "+strings.Join(cats, ", "),
				"%s has no %q plural category: this form of %q is never used", langName(m.Lang), f, m.ID))
		}
	}
}
