package check

import (
	"github.com/mekong-briefs/briefs/internal/diag"
)

// checkOrphans reports catalogue files of briefs that do not exist, and
// messages that no edition uses or that have no English source: text that
// translators maintain for nothing, often a message ID that was renamed.
func (c *checker) checkOrphans() {
	for _, f := range c.cat.Files {
		if !c.selected(f) {
			continue
		}
		if c.failed[f.Domain] {
			continue // its brief or English did not load: every message would look orphaned
		}
		used, known := c.needs.Used[f.Domain]
		if !known {
			c.add(diag.Warnf(diag.Pos{File: f.Path, Line: 1, Col: 1}, CodeOrphan,
				"delete the file, or rename it after the brief it belongs to",
				"catalogue of %q, but there is no brief %q", f.Domain, f.Domain))
			continue
		}
		en, hasEN := c.cat.File(f.Domain, "en")
		for _, m := range f.Messages {
			switch {
			case f.Lang != "en" && (!hasEN || en.Message(m.ID) == nil):
				c.add(diag.Warnf(m.Pos, CodeOrphan, "delete it, or check whether the English ID was renamed",
					"message %q has no English source in %s.en.toml", m.ID, f.Domain))
			case !used[m.ID]:
				c.add(diag.Warnf(m.Pos, CodeOrphan, "delete it, or use it in a brief",
					"message %q is used by no edition of any brief", m.ID))
			}
		}
	}
}
