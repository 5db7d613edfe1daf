package interchange

import (
	"crypto/sha1"
	"errors"
	"fmt"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"io"
	"os"
	"slices"
	"strings"
)

// Unimported is export's refusal to replace translators' files that hold
// work the catalogues do not have yet: an entry that import would write
// (judge), reviewed or fuzzy, made from the current English or from older
// English, one it left out as outdated, or translator comments the
// catalogue does not keep. A
// translator's file dropped into the export folder, or a Weblate push that
// came while the coordinator worked, would be lost without a word;
// gettext's own tools merge instead of replacing.
type Unimported struct {
	Files []string // "path:line:col: message ID", one per file, its first such entry
}

func (u *Unimported) Error() string {
	return fmt.Sprintf("export: %d file(s) hold translations that are not imported, so nothing was written:\n  %s\n"+
		"(import them first, briefs import FILE...; or delete or move them to export afresh)",
		len(u.Files), strings.Join(u.Files, "\n  "))
}

// unimported checks the files an export would replace; it returns nil
// when none holds work that import has not taken.
func unimported(root string, c *catalog.Catalog, sets []Set, paths []string, format string) error {
	var found []string
	keep := keptNames(root)
	for i, s := range sets {
		if where, ok := firstUnimported(root, s, knowingFor(c, s, keep), paths[i], format); ok {
			found = append(found, where)
		}
	}
	if found == nil {
		return nil
	}
	return &Unimported{Files: found}
}

// knowing is what import knows of a file beyond its entries, which
// export asks alike: the catalogue's translations a fuzzy entry may
// borrow (guess), the termbase's kept names (copiedSource), and the
// English catalogue that names entries without their ID (named).
type knowing struct {
	texts borrowedTexts
	keep  []string
	en    *catalog.File
}

// knowingFor is what import knows of a file of set s, keep being the
// termbase's kept names.
func knowingFor(c *catalog.Catalog, s Set, keep []string) knowing {
	f, _ := c.File(s.Domain, s.Lang)
	en, _ := c.File(s.Domain, "en")
	return knowing{texts: borrowedFrom(f), keep: keep, en: en}
}

// firstUnimported reads the file at path, if there is one that reads,
// and names its first entry that the catalogue does not hold. It asks
// what import asks: an entry still as its export wrote it (untouched, by
// the export record) brings nothing, and the others are judged.
func firstUnimported(root string, s Set, k knowing, path, format string) (string, bool) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return "", false
	}
	in, ds := Read(path)
	if in == nil || ds.HasErrors() {
		return "", false // not a file import could take: nothing to lose to it
	}
	if k.en != nil && in.named(k.en).HasErrors() {
		return "", false // import refuses it too
	}
	fr, at, recorded := exportOf(root, path, in)
	if asExported(in) && len(fr.Drafts) == 0 {
		// As export wrote it: what differs from the catalogue now was
		// changed there since (an edit, check --fix, sync), not here. A
		// draft export kept is the translator's all the same.
		return "", false
	}
	same := fr.untouched(in, at.from)
	for _, e := range in.Entries {
		i := slices.IndexFunc(s.Units, func(u Unit) bool { return u.ID == e.ID })
		if same[e.ID] && !(fr.Drafts[e.ID] && i < 0) {
			// As exported. A draft export kept is the translator's, and
			// the file the one place that keeps it, only once its
			// message is gone; while the message is there, the next
			// export keeps it again, or drops it for the translation
			// the catalogue has gained, as import, which takes nothing
			// of an untouched entry, leaves it.
			continue
		}
		if i < 0 {
			// A message the catalogue no longer has (renamed or removed
			// since the export): import left the entry out with its text
			// in a warning, and the file is the one place that keeps it,
			// where the record shows the translator wrote it.
			if recorded && translatedEntry(e) {
				return fmt.Sprintf("%s: %s (a message the catalogue no longer has, renamed or removed since the export: copy what is worth keeping into the TOML by hand, then delete the entry or move the file away)", e.Pos, e.ID), true
			}
			continue
		}
		u := s.Units[i]
		k.texts.guess(&e, u.held(s.Lang).forms)
		notes := translatorsOwn(e.Notes, u.English)
		if held := u.State == Translated || u.State == Stale; held && len(notes) > 0 && !slices.Equal(notes, u.Notes) {
			return fmt.Sprintf("%s: %s (its translator comments)", e.Pos, e.ID), true
		}
		// What import would write is work the file holds: a reviewed
		// change, a fuzzy edit of a translation, a translation made from
		// older English (import writes it stale). So is a translation
		// of older English that import left out because the catalogue
		// has one of the current English (import-outdated): the file is
		// the only place it is kept, and a person must choose between
		// the two. Without a record every entry of an older export
		// differs so, the translator's or not, and the text is the
		// catalogue's own former translation (git has it): no refusal.
		switch v := judge(s.Lang, format, e, u.English, u.held(s.Lang), k.keep); {
		case v.takes() && e.Fuzzy && changedSince(fr.held(at.from), e.ID, u.held(s.Lang).forms):
			// A fuzzy entry over a translation made since the export:
			// import leaves it out (applier.write), so it is no work to keep.
		case v.takes():
			return fmt.Sprintf("%s: %s", e.Pos, e.ID), true
		case v == leftOutdated && recorded:
			return fmt.Sprintf("%s: %s (made from older English than the catalogue's translation, which import keeps: copy what is worth keeping into the TOML by hand)", e.Pos, e.ID), true
		}
	}
	return "", false
}

// workSum is a digest of what a translator can change in a file's
// entries: each message's translation, fuzzy flag, comments and English,
// in the file's order (entryLine).
func workSum(es []Entry) string { return sumBy(digestV2, entryLine, es) }

func sumBy(prefix string, line func(Entry) string, es []Entry) string {
	h := sha1.New()
	for _, e := range es {
		io.WriteString(h, line(e))
	}
	return fmt.Sprintf("%s%x", prefix, h.Sum(nil))
}

// asExported reports whether the file's entries are as the export that
// wrote its work sum wrote them, by that export's rule (an older briefs'
// sum, digestV1, holds no English).
func asExported(in *Incoming) bool {
	switch {
	case in.Sum == "":
		return false
	case strings.HasPrefix(in.Sum, digestV2):
		return in.Sum == workSum(in.Entries)
	}
	return in.Sum == sumBy(digestV1, entryLineV1, in.Entries)
}

// translatedEntry reports whether e carries a translation: some form
// not empty.
func translatedEntry(e Entry) bool {
	return slices.ContainsFunc(e.Target, func(t string) bool { return t != "" })
}
