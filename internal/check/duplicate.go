package check

import (
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// checkDuplicates reports IDs defined both in a brief's catalogue and
// in the shared one, where the brief's text wins. An ID defined twice in
// one file is the catalogue's own finding (catalog.CodeDuplicateID), as
// the file cannot be loaded.
func (c *checker) checkDuplicates() {
	for _, f := range c.cat.Files {
		if f.Domain == catalog.Shared || !c.selected(f) {
			continue
		}
		sh, ok := c.cat.File(catalog.Shared, f.Lang)
		if !ok {
			continue
		}
		for _, m := range f.Messages {
			if s := sh.Message(m.ID); s != nil {
				c.add(diag.Warnf(m.Pos, CodeDuplicateID, "rename one of them, or delete one",
					"message %q is also defined in the shared catalogue (%s); this brief's text wins", m.ID, s.Pos))
			}
		}
	}
}
