package interchange

import (
	"slices"
)

// carryDrafts keeps, in the sets export is about to write, the drafts
// that the files they replace hold: a fuzzy translation of a message the
// catalogue has no translation of (Poedit's "Needs work", Weblate's
// "Needs editing" on a new string). Import leaves a draft out, so that it
// never prints (judge, leftDraft); without this, the next export, which
// the CI job of "PO and TOML in step" runs on every push, overwrote the
// file without it, and Weblate then dropped it too. The catalogue keeps
// no draft; the file does. An entry still as export wrote it is a draft
// only if that export wrote it as one (the record's Drafts): a
// suggestion export wrote, or a translation the catalogue has lost
// since, is not the translator's. A draft of English that changed since
// is carried with the English it was made from (Was), as a stale
// translation is.
func carryDrafts(sets []Set, olds []*replaced, format string) {
	for i := range sets {
		s, r := &sets[i], olds[i]
		if r == nil || r.in == nil || r.in.Lang != s.Lang || r.in.Domain != s.Domain {
			continue
		}
		for _, e := range r.in.Entries {
			j, ok := r.unit[e.ID]
			if !ok || r.same[e.ID] && !r.fr.Drafts[e.ID] {
				continue
			}
			u := &s.Units[j]
			if u.State != Untranslated && u.State != Suggested || slices.Equal(e.Target, u.Target) {
				continue // a translation, or the suggestion export writes again
			}
			r.k.texts.guess(&e, nil)
			if judge(s.Lang, format, e, u.English, held{}, r.k.keep) != leftDraft {
				continue
			}
			u.State, u.Target, u.From = Draft, slices.Clone(e.Target), nil
			if !slices.Equal(e.Source, shownSource(format, s.Lang, u.English)) {
				u.Was = englishOf(e.Source)
			}
		}
	}
}

// englishOf is the English a file's entry stands beside, as TOML forms:
// one text is "other"; a plural's first is "one", its last "other".
func englishOf(source []string) map[string]string {
	switch len(source) {
	case 0:
		return nil
	case 1:
		return map[string]string{"other": source[0]}
	}
	return map[string]string{"one": source[0], "other": source[len(source)-1]}
}
