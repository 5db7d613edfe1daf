package interchange

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/check"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/msgmerge"
)

// Codes of import findings (check's codes are used for what check finds).
const (
	CodeImportFormat = "import-format"
	CodeImportSource = "import-source"
	// CodeImportOutdated: an entry made from older English than the
	// catalogue's current translation, left out.
	CodeImportOutdated = "import-outdated"
	// CodeImportDraft: a fuzzy entry for a message with no translation,
	// left out.
	CodeImportDraft = "import-draft"
	// CodeImportCopied: an entry whose translation is the English itself,
	// as a CAT tool's "copy source to target" fills a segment, left out.
	CodeImportCopied = "import-copied"
	// CodeImportEmptied: an empty entry for a message the catalogue has a
	// translation of, which is kept.
	CodeImportEmptied = "import-emptied"
	// CodeImportUnrecorded: a file briefs exported, with no record of
	// that export, replaced current translations; or the record of what
	// an import took could not be written.
	CodeImportUnrecorded = "import-unrecorded"
	// CodeImportUnstated: an XLIFF target whose state says nothing of
	// review, for a message with no translation: taken, to review.
	CodeImportUnstated = "import-unstated"
	// CodeImportRenamed: an entry of a message renamed since the export,
	// taken for the message with its English (Incoming.renamed).
	CodeImportRenamed = "import-renamed"
	CodePlural        = "plural"
)

// Imported says what an import did to one catalogue.
type Imported struct {
	Source, Target string // the translator's file, the TOML catalogue
	Stamped        int    // translations made current: not fuzzy, from the current English
	Unreviewed     int    // translations written without the current hash (fuzzy, or from other English)
	Fuzzy          int    // fuzzy entries for messages with no translation: left out
	Outdated       int    // entries from older English than a current translation: left out
	Unchanged      int
	Notes          int // tables whose translator comments the file changed
	Copied         int // entries left out whose translation is the English itself
	Written        bool
	// AsExported: the file's entries are as briefs export wrote them (its
	// X-Briefs-Sum or build-num matches), so it brings nothing.
	AsExported bool
	// AsImported: so, because some entries are as this file's last
	// import took them (the translator sent the same file again).
	AsImported bool
}

// applier maps one incoming file onto its TOML catalogue in memory.
type applier struct {
	in   *Incoming
	en   *catalog.File
	old  *catalog.File
	doc  *catfile.Doc
	res  *Imported
	ds   diag.List
	rows map[string]Entry // message ID -> its entry, where findings go
	// earlier holds what earlier files of the Batch wrote into this
	// catalogue, wrote what this one writes.
	earlier, wrote map[string]given
	// exported holds the digests of the catalogue's translations when
	// the file was exported (fileRecord.Held), nil when unknown.
	exported map[string]string
	// keep is the termbase's keep list: names that stay as they are.
	keep []string
	// replaced lists where the file replaced a current translation with
	// another text: what a file with no export record may undo unseen.
	replaced []diag.Pos
}

func (a *applier) run() {
	for _, e := range a.in.Entries {
		a.rows[e.ID] = e
		a.entry(e)
		a.notes(e)
	}
}

func (a *applier) errorf(pos diag.Pos, code, hint, format string, args ...any) {
	a.ds = append(a.ds, diag.Errorf(pos, code, hint, format, args...))
}

func (a *applier) entry(in Entry) {
	e := a.en.Message(in.ID)
	if e == nil {
		// The English was removed or renamed since the export: the rest of
		// the file is still the translator's work, so only this entry is
		// left out, its text in the warning for whoever renamed it.
		a.ds = append(a.ds, diag.Warnf(in.Pos, CodeImportSource,
			"if the message was renamed, copy the translation to its new ID in "+filepath.Base(a.doc.Path)+"; a removed message needs none",
			"translation of %q left out: %s has no message %q now (the file holds %q)", in.ID, filepath.Base(a.en.Path), in.ID, strings.Join(in.Target, " | ")))
		return
	}
	m := a.old.Message(in.ID)
	switch v := judge(a.in.Lang, a.in.Format, in, e, heldOf(m, e), a.keep); v {
	case badFormCount:
		row, _ := lang.Lookup(a.in.Lang)
		hint := fmt.Sprintf("give %d form(s): %s has Plural-Forms %s", len(ToolForms(a.in.Lang, e)), row.Name, row.PluralForms)
		if len(e.Forms) <= 1 {
			hint = "the English is not plural: give one msgstr"
		}
		a.errorf(in.Pos, CodePlural, hint,
			"translation of %q has %d form(s)", in.ID, len(in.Target))
	case badEmptyForm, leftEmpty:
		if v == badEmptyForm {
			a.errorf(in.Pos, CodePlural, "translate every form, or none", "form %d of %q is empty", slices.Index(in.Target, ""), in.ID)
		}
		if m != nil && len(m.Forms) > 0 {
			a.ds = append(a.ds, diag.Warnf(in.Pos, CodeImportEmptied,
				"to withdraw a translation, delete its form in "+filepath.Base(a.old.Path)+" (check then lists the message as missing); import never deletes one",
				"translation of %q is empty in the file: the catalogue's translation is kept, and the next export writes it again", in.ID))
		}
	case leftCopied:
		a.res.Copied++
		a.ds = append(a.ds, diag.Warnf(in.Pos, CodeImportCopied,
			"translate it, or leave it empty; a CAT tool's \"copy source to target\" (OmegaT, Trados) fills segments so",
			"translation of %q left out: it is the English itself, and would print English in the %s PDF as if translated", in.ID, a.in.Lang))
	case leftGuess:
		a.res.Fuzzy++
		a.ds = append(a.ds, diag.Warnf(in.Pos, CodeImportDraft,
			"translate the message and clear the fuzzy flag; Poedit's and msgmerge's fuzzy matches borrow a similar message's translation",
			"fuzzy translation of %q left out: it is the translation of another message, %q, as a fuzzy match fills it", in.ID, in.Guess))
	case leftDraft:
		a.res.Fuzzy++
		a.ds = append(a.ds, diag.Warnf(in.Pos, CodeImportDraft,
			"clear the fuzzy flag (XLIFF: state translated) when it is ready; the next export keeps the draft in the file until then",
			"fuzzy translation of %q left out: a message with no translation takes no draft into the catalogue, so it never prints", in.ID))
	case leftUnchanged:
		a.res.Unchanged++
	case leftOutdated:
		// A file exported before the English changed, imported after a
		// newer file.
		a.res.Outdated++
		a.ds = append(a.ds, diag.Warnf(in.Pos, CodeImportOutdated,
			"export the catalogue again (briefs export) and translate that file; the English is changed in locales/"+a.in.Domain+".en.toml, not in the translation tool",
			"translation of %q left out: it was made from other English (%q) than the catalogue's current translation: the file was exported before the English changed, or its English was edited in the tool", in.ID, clip(strings.Join(in.Source, " | "))))
	default:
		if in.Unstated && (m == nil || len(m.Forms) == 0) {
			a.ds = append(a.ds, diag.Warnf(in.Pos, CodeImportUnstated,
				"review it, then run briefs sync --accept --lang "+a.in.Lang+" --id "+in.ID+"; in the tool, mark segments translated (XLIFF state=\"translated\") when they are",
				"translation of %q taken to review: its target's state says nothing of review (none, new or needs-translation), as a tool that fills a target without marking it writes it", in.ID))
		}
		a.write(in, e, m, v == takeCurrent)
	}
}

// keptNames is the keep list of the project's termbase (locales/terms.toml):
// names that stay as they are in every language. A termbase that does
// not load keeps none here; check reports it.
func keptNames(root string) []string {
	terms, _ := check.LoadTerms(filepath.Join(root, "locales", "terms.toml"))
	if terms == nil {
		return nil
	}
	return terms.Keep
}

// copiedSource reports whether forms are the English forms themselves,
// for a text that needs translating: a name or acronym ("SEZ", "Thilawa
// SEZ (Yangon Region)"), a name of the termbase's keep list or a text of
// template actions alone ("{{.Title}} · {{.Edition}}") may stay as it is
// in any language, by check's untranslated rule (check.NeedsNoTranslation);
// a sentence may not.
func copiedSource(e *catalog.Message, forms map[string]string, keep []string) bool {
	if check.NeedsNoTranslation(e.Other(), keep) {
		return false
	}
	for f, s := range forms {
		if en, ok := e.Forms[f]; !ok || en != s {
			if !ok && s == e.Other() {
				continue // a plural form the English has not, filled with its other form
			}
			return false
		}
	}
	return len(forms) > 0
}

// write puts a translation that judge takes into its table: the forms in
// place, and the current hash only when it is reviewed and made from the
// current English (stamp). A fuzzy entry leaves the translation it
// replaces stale; an entry made from other English gets the hash of that
// English: stale.
func (a *applier) write(in Entry, e, m *catalog.Message, stamp bool) {
	forms := TOMLForms(a.in.Lang, e, in.Target)
	if g, ok := a.earlier[in.ID]; ok && maps.Equal(g.before, forms) {
		a.res.Unchanged++ // this file's translator did not touch it
		return
	}
	if g, ok := a.earlier[in.ID]; ok && !maps.Equal(g.forms, forms) {
		a.errorf(in.Pos, CodeImportConflict,
			"choose one: delete the translation you do not want from one of the files, or import that file alone afterwards with --replace to replace it",
			"translation of %q differs from the one %s gave earlier in this import", in.ID, g.pos)
		return
	}
	switch {
	case !a.changedSinceExport(in.ID, carried(a.in.Lang, e, m), forms):
	case !changedSince(a.exported, in.ID, forms):
		// The file holds the translation as it was exported, and the
		// catalogue's changed since (an editor's fix, check --fix): the
		// translator changed nothing of it, perhaps only its comment, which
		// notes takes. The catalogue's stands.
		a.res.Unchanged++
		return
	case in.Fuzzy:
		// A draft, or a fuzzy edit, never replaces a translation made
		// since the export: left out, with its text, rather than an
		// error that refuses the file (and stops a CI job) over work
		// nobody marked ready.
		a.res.Fuzzy++
		a.ds = append(a.ds, diag.Warnf(in.Pos, CodeImportDraft,
			"if it is better, put it in "+filepath.Base(a.doc.Path)+" by hand, or mark it ready in a new export",
			"fuzzy translation of %q left out: the catalogue's translation changed since this file was exported (%s), and a draft does not replace it; the file has %q",
			in.ID, heldNow(m), strings.Join(in.Target, " | ")))
		return
	default:
		a.errorf(in.Pos, CodeImportConflict,
			"choose one: to keep the catalogue's, put the entry back as exported (or delete it); to keep the file's, import it with --replace",
			"translation of %q was changed in the catalogue since this file was exported (by another translator's file, an edit, or an import of this file from another place), and the file changes it too: %s", in.ID, heldNow(m))
		return
	}
	cur := e.SourceHash()
	hash := cur
	switch {
	case stamp:
	case in.Fuzzy && m != nil && len(m.Forms) > 0 && m.Hash != cur:
		hash = m.Hash // stays stale
	case in.Fuzzy:
		hash = "" // was current, now to be reviewed: no hash
	default:
		hash = a.seenHash(in, e)
	}
	var before map[string]string
	if m != nil && len(m.Forms) > 0 {
		before = maps.Clone(m.Forms)
		if m.Hash == cur && !maps.Equal(m.Forms, forms) {
			a.replaced = append(a.replaced, in.Pos)
		}
	}
	a.put(in, e, forms, hash)
	a.wrote[in.ID] = given{forms: forms, before: before, pos: in.Pos}
	if stamp {
		a.res.Stamped++
	} else {
		a.res.Unreviewed++
	}
}

// changedSinceExport reports whether the catalogue's translation of
// message id, as the file carries it (now, carried), is not the one the
// file was exported with, and forms, which the file brings, replace it: two translators given one export, whose
// files are imported one after another (a Weblate push, files sent by
// e-mail), each changed the message, and the second would replace the
// first's translation without a word. A Batch says so in its own words
// (CodeImportConflict, before this is asked).
func (a *applier) changedSinceExport(id string, now, forms map[string]string) bool {
	return changedSince(a.exported, id, now) && !maps.Equal(now, forms)
}

// changedSince reports whether the catalogue's translation of message id,
// now (as the file carries it), is not the one exported records, by
// formsDigest, for the file; false without a record of it. Import and
// export ask it alike.
func changedSince(exported map[string]string, id string, now map[string]string) bool {
	was, ok := exported[id]
	return ok && formsDigest(now) != was
}

// heldNow says where the catalogue's translation m of a message is and
// what it says, for a conflict's message (nil: none now).
func heldNow(m *catalog.Message) string {
	if m == nil || len(m.Forms) == 0 {
		return "the catalogue has none now (deleted since the export)"
	}
	return fmt.Sprintf("%s has %q", m.FormPos("other"), m.Forms["other"])
}

// put writes the forms and the hash of one entry.
func (a *applier) put(in Entry, e *catalog.Message, forms map[string]string, hash string) {
	t := a.table(e)
	if hash != "" {
		a.doc.SetBefore(t, "hash", hash, catalog.FormOrder...) // the hash above the forms, as sync writes it
	}
	for _, f := range catalog.FormOrder {
		if s, ok := forms[f]; ok {
			if _, err := a.doc.Set(t, f, s); err != nil {
				a.multiline(in, f, err)
				return
			}
		}
	}
	if hash == "" {
		a.unstamp(t)
		return
	}
	a.doc.Set(t, "hash", hash)
	if hash == e.SourceHash() {
		a.doc.SetOwned(t, msgmerge.SourceComments(e))
	}
}

// unstamp takes the hash from a translation to be reviewed. A hash line
// with a comment of its own (who checked it) keeps its comment and an
// empty hash, so that the stamp comes back on the same line.
func (a *applier) unstamp(t *catfile.Table) {
	if t.HasComment("hash") {
		a.doc.SetValue(t, "hash", "")
		return
	}
	a.doc.Delete(t, "hash")
}

// seenHash is the hash of the English the file showed the translator,
// with the current description.
func (a *applier) seenHash(in Entry, e *catalog.Message) string {
	seen := &catalog.Message{Description: e.Description, Forms: map[string]string{}}
	if len(e.Forms) <= 1 {
		seen.Forms["other"] = in.Source[0]
		return seen.SourceHash()
	}
	seen.Forms["other"] = in.Source[len(in.Source)-1]
	if _, ok := e.Forms["one"]; ok && len(in.Source) > 1 {
		seen.Forms["one"] = in.Source[0]
	}
	return seen.SourceHash()
}

func (a *applier) multiline(in Entry, form string, err error) {
	hint := "edit it in the TOML file by hand"
	if !errors.Is(err, catfile.ErrMultiline) {
		hint = "fix the TOML file first (briefs check)"
	}
	a.errorf(in.Pos, CodeImportFormat, hint, "cannot write the %s form of %q into %s: %v", form, in.ID, a.doc.Path, err)
}

// shownSource is the English an up-to-date file of a format shows for e.
func shownSource(format, code string, e *catalog.Message) []string {
	if format == "po" {
		if len(e.Forms) > 1 {
			return []string{firstOf(e.Forms["one"], e.Other()), e.Other()}
		}
		return []string{e.Other()}
	}
	return SourceForms(code, e)
}

// table returns the message's table, adding one after the table of the
// English message before it when there is none.
func (a *applier) table(e *catalog.Message) *catfile.Table {
	if t := a.doc.Table(e.ID); t != nil {
		return t
	}
	var prev *catfile.Table
	for _, x := range a.en.Messages {
		if x.ID == e.ID {
			break
		}
		if t := a.doc.Table(x.ID); t != nil {
			prev = t
		}
	}
	t := a.doc.NewTable(e.ID)
	a.doc.Insert(prev, t)
	return t
}

// notes keeps an entry's translator comments in its table, when the entry
// has some and they differ: a file without comments (a tool that keeps
// none) removes none. A message with no table (no translation) keeps no
// notes.
func (a *applier) notes(in Entry) {
	in.Notes = translatorsOwn(in.Notes, a.en.Message(in.ID))
	if len(in.Notes) == 0 || a.ds.HasErrors() {
		return
	}
	t := a.doc.Table(in.ID)
	if t == nil || slices.Equal(t.Notes(), in.Notes) {
		return
	}
	a.doc.SetNotes(t, in.Notes)
	a.res.Notes++
}

// translatorsOwn are an entry's notes without the English message en's
// description: in a note whose from a tool renamed or dropped
// (translatorNotes), it is the English's, not a translator's comment.
func translatorsOwn(notes []string, en *catalog.Message) []string {
	if en == nil || en.Description == "" {
		return notes
	}
	return slices.DeleteFunc(slices.Clone(notes), func(n string) bool { return n == en.Description })
}

// marks are what the applier wrote, as the record keeps it of the file
// (fileRecord.Imported): each written entry's digest and the digest of
// the translation it made, as changedSinceExport will compare it.
func (a *applier) marks() map[string]importMark {
	out := map[string]importMark{}
	for id, g := range a.wrote {
		e := a.en.Message(id)
		out[id] = importMark{
			Entry: entryDigest(a.rows[id]),
			Held:  formsDigest(carried(a.in.Lang, e, &catalog.Message{Forms: g.forms})),
		}
	}
	return out
}
