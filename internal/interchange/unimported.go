package interchange

import (
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
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

// unimported checks the files an export would replace (olds[i], of
// sets[i]; nil where there is none that import could take); it returns
// nil when none holds work that import has not taken.
func unimported(sets []Set, olds []*replaced, format string) error {
	var found []string
	for i, s := range sets {
		if where, ok := firstUnimported(olds[i], s, format); ok {
			found = append(found, where)
		}
	}
	if found == nil {
		return nil
	}
	return &Unimported{Files: found}
}

// replaced is a file export is about to replace, read as import reads
// it, with what import would know of it: read once for both the refusal
// (unimported) and the drafts export keeps (carryDrafts).
type replaced struct {
	// unreadable is, for a file import cannot read (a quote lost in a
	// hand edit, a tool's broken encoding, a truncated copy), its first
	// error: it may hold work nobody can see, so export leaves it.
	unreadable *diag.Diagnostic
	in         *Incoming
	fr         fileRecord      // the record of the export it came from
	at         recordAt        // where that record is
	recorded   bool            // a record was found
	same       map[string]bool // its entries as export wrote them (untouched)
	k          knowing
	unit       map[string]int // message ID -> index into the set's units
}

// readReplaced reads the file at path that export would replace with set
// s; nil when there is none, or none import could take (it has nothing to
// lose to the export).
func readReplaced(root string, c *catalog.Catalog, s Set, keep []string, path string) *replaced {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	in, ds := Read(path)
	if in == nil || ds.HasErrors() {
		return &replaced{unreadable: firstError(ds, path)}
	}
	k := knowingFor(c, s, keep)
	if k.en != nil {
		if bad := in.named(k.en); bad.HasErrors() {
			return &replaced{unreadable: firstError(bad, path)} // import refuses it too
		}
	}
	r := &replaced{in: in, k: k, unit: map[string]int{}}
	r.fr, r.at, r.recorded = exportOf(root, path, in)
	r.fr = r.fr.forgetUndone(r.at.from, heldDigests(c, s.Domain, s.Lang))
	r.same = r.fr.untouched(in, r.at.from)
	for i, u := range s.Units {
		r.unit[u.ID] = i
	}
	return r
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

// firstUnimported names the first entry of the file r that the
// catalogue does not hold. It asks what import asks: an entry still as
// its export wrote it (untouched, by the export record) brings nothing,
// and the others are judged.
func firstUnimported(r *replaced, s Set, format string) (string, bool) {
	if r == nil {
		return "", false
	}
	if d := r.unreadable; d != nil {
		// Replaced, a translator's edit that lost a quote was gone with
		// the file (the import had refused it, nothing written).
		return fmt.Sprintf("%s: the file does not read as %s (%s), so its translations cannot be told from the catalogue's: fix it and import it, or move it away", d.Pos, strings.ToUpper(format), d.Msg), true
	}
	in, fr, at, recorded, same, k := r.in, r.fr, r.at, r.recorded, r.same, r.k
	if asExported(in) && len(fr.Drafts) == 0 {
		// As export wrote it: what differs from the catalogue now was
		// changed there since (an edit, check --fix, sync), not here. A
		// draft export kept is the translator's all the same.
		return "", false
	}
	for _, e := range in.Entries {
		i, ok := r.unit[e.ID]
		if !ok {
			i = -1
		}
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

// firstError is the first error of ds, or one at the top of path when ds
// holds none (a file Read could not open).
func firstError(ds diag.List, path string) *diag.Diagnostic {
	for i := range ds {
		if ds[i].Severity == diag.Error {
			return &ds[i]
		}
	}
	d := diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "read", "", "it cannot be read")
	return &d
}
