package check

import (
	"fmt"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// checkMemory warns when one English text has two different translations
// in one language, across briefs and the shared catalogue: translation
// memory (sync and export suggest the first) works only when the
// translations agree, and readers notice a term translated two ways.
func (c *checker) checkMemory() {
	type seen struct {
		m     *catalog.Message
		forms string
	}
	first := map[[2]string]seen{} // language, English key -> first translation
	for _, f := range c.cat.Files {
		if f.Lang == "en" || !c.selected(f) {
			continue
		}
		en, ok := c.cat.File(f.Domain, "en")
		if !ok {
			continue
		}
		for _, m := range f.Messages {
			e := en.Message(m.ID)
			if e == nil || len(m.Forms) == 0 || isZawgyi(m) {
				continue
			}
			k := [2]string{f.Lang, catalog.SourceKey(e)}
			tr := catalog.SourceKey(m)
			s, ok := first[k]
			if !ok {
				first[k] = seen{m, tr}
				continue
			}
			if s.forms != tr {
				c.add(diag.Warnf(c.textPos(m, "other", 0), CodeMemory,
					fmt.Sprintf("use one translation for both, or say in the descriptions why they differ; the other is at %s", s.m.Pos),
					"the English %q of %q is translated differently in %s", clip(e.Other(), 60), m.ID, s.m.Domain))
			}
		}
	}
}
