package interchange

import (
	"slices"

	"github.com/mekong-briefs/briefs/internal/catalog"
)

// carryDrafts keeps, in the sets export is about to write, the drafts
// that the files they replace hold: a fuzzy translation of a message the
// catalogue has no translation of (Poedit's "Needs work", Weblate's
// "Needs editing" on a new string). Import leaves a draft out, so that it
// never prints (judge, leftDraft); without this, the next export, which
// the CI job of "PO and TOML in step" runs on every push, overwrote the
// file without it, and Weblate then dropped it too. A draft of other
// English than the current is not carried: it is of a text no longer
// asked for. The catalogue keeps no draft; the file does.
func carryDrafts(c *catalog.Catalog, keep []string, sets []Set, paths []string, format string) {
	for i := range sets {
		s := &sets[i]
		k := knowingFor(c, *s, keep)
		in, ds := Read(paths[i])
		if in == nil || ds.HasErrors() || in.Lang != s.Lang || (k.en != nil && in.named(k.en).HasErrors()) {
			continue
		}
		for _, e := range in.Entries {
			j := slices.IndexFunc(s.Units, func(u Unit) bool { return u.ID == e.ID })
			if j < 0 {
				continue
			}
			u := &s.Units[j]
			if u.State != Untranslated && u.State != Suggested || slices.Equal(e.Target, u.Target) {
				continue // a translation, or the suggestion export writes again
			}
			k.texts.guess(&e, nil)
			if judge(s.Lang, format, e, u.English, held{}, k.keep) != leftDraft ||
				!slices.Equal(e.Source, shownSource(format, s.Lang, u.English)) {
				continue
			}
			u.State, u.Target, u.From = Draft, slices.Clone(e.Target), nil
		}
	}
}
