package check

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
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
			c.add(diag.Warnf(diag.Pos{File: f.Path, Line: 1, Col: 1}, CodeOrphan, c.orphanHint(f),
				"catalogue of %q, but there is no brief %q", f.Domain, f.Domain))
			continue
		}
		if langs := c.publishedIn(f.Domain); f.Lang != "en" && f.Domain != catalog.Shared && langs != nil && !slices.Contains(langs, f.Lang) {
			// A translation no edition prints: an import of a file for a
			// language the brief is not published in made it, and check
			// said ok.
			c.add(diag.Warnf(diag.Pos{File: f.Path, Line: 1, Col: 1}, CodeOrphan,
				fmt.Sprintf("add %s to an edition's languages in briefs/%s/brief.toml, or delete the file", f.Lang, f.Domain),
				"no edition of %s is published in %s (its editions are in %s), so no PDF uses this catalogue", f.Domain, langName(f.Lang), strings.Join(langs, ", ")))
			continue
		}
		en, hasEN := c.cat.File(f.Domain, "en")
		for _, m := range f.Messages {
			switch {
			case f.Lang != "en" && !hasEN && c.isBrief(f.Domain):
				// The brief's English is missing whole: one error says so
				// (checkMissing), not a warning a message.
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

// orphanHint is the advice for the catalogue of a brief that does not
// exist: the git mv that names it after the brief whose messages it
// holds and that lacks a catalogue in its language (a brief renamed, its
// catalogues not), or to delete or rename it.
func (c *checker) orphanHint(f *catalog.File) string {
	for _, b := range slices.Sorted(maps.Keys(c.needs.Used)) {
		if _, has := c.cat.File(b, f.Lang); has || b == catalog.Shared {
			continue
		}
		if name, ok := c.cat.Renamed(b, f.Lang, c.needs.Used[b], c.isBrief); ok && name == filepath.Base(f.Path) {
			return renamedHint(name, b+"."+f.Lang+".toml", f.Lang)
		}
	}
	return "delete the file, or rename it after the brief it belongs to"
}

// renamedHint is the advice of a catalogue that catalog.Renamed finds
// under a renamed brief's old name: a translation is matched by the
// English it was made from; the English by its message IDs alone, which
// a new brief may share with a withdrawn one, so that is a possibility.
func renamedHint(old, want, code string) string {
	if code == "en" {
		return fmt.Sprintf("if the brief was renamed, its English is in %s: git mv %s %s", old, diag.ShellArg("locales/"+old), diag.ShellArg("locales/"+want))
	}
	return fmt.Sprintf("%s holds these translations under the brief's old name: git mv %s %s", old, diag.ShellArg("locales/"+old), diag.ShellArg("locales/"+want))
}

// isBrief reports whether a catalogue domain is a brief's, one --brief
// selects or not (a.en.toml, of a brief left out, was offered as the
// English of the brief b checked alone), or a brief that failed to load.
func (c *checker) isBrief(domain string) bool {
	_, ok := c.needs.Used[domain]
	return (ok || c.ids[domain] || c.failed[domain]) && domain != catalog.Shared
}

// publishedIn lists the languages the editions of brief id are published
// in, nil when the check did not load it (--brief left it out).
func (c *checker) publishedIn(id string) []string {
	for _, b := range c.briefs {
		if b.ID == id {
			return source.EditionLanguages([]*source.Brief{b})
		}
	}
	return nil
}
