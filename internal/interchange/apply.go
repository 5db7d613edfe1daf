package interchange

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/msgmerge"
)

// Codes of import findings (check's codes are used for what check finds).
const (
	CodeImportFormat = "import-format"
	CodeImportSource = "import-source"
	CodePlural       = "plural"
)

// Imported says what an import did to one catalogue.
type Imported struct {
	Source, Target string // the translator's file, the TOML catalogue
	Stamped        int    // translations made current: not fuzzy, from the current English
	Unreviewed     int    // translations written without the current hash (fuzzy, or from other English)
	Unchanged      int
	Written        bool
}

// applier maps one incoming file onto its TOML catalogue in memory.
type applier struct {
	in   *Incoming
	en   *catalog.File
	old  *catalog.File
	doc  *catfile.Doc
	res  *Imported
	ds   diag.List
	rows map[string]diag.Pos // message ID -> entry position, for findings
}

func (a *applier) run() {
	for _, e := range a.in.Entries {
		a.rows[e.ID] = e.Pos
		a.entry(e)
	}
}

func (a *applier) errorf(pos diag.Pos, code, hint, format string, args ...any) {
	a.ds = append(a.ds, diag.Errorf(pos, code, hint, format, args...))
}

func (a *applier) entry(in Entry) {
	e := a.en.Message(in.ID)
	if e == nil {
		a.errorf(in.Pos, CodeImportSource, "export the file again: the message may have been renamed or removed",
			"%s has no message %q", a.en.Path, in.ID)
		return
	}
	tool := ToolForms(a.in.Lang, e)
	if len(in.Target) != len(tool) {
		row, _ := lang.Lookup(a.in.Lang)
		hint := fmt.Sprintf("give %d form(s): %s has Plural-Forms %s", len(tool), row.Name, row.PluralForms)
		if len(e.Forms) <= 1 {
			hint = "the English is not plural: give one msgstr"
		}
		a.errorf(in.Pos, CodePlural, hint,
			"translation of %q has %d form(s)", in.ID, len(in.Target))
		return
	}
	empty := slices.Index(in.Target, "")
	if empty >= 0 {
		if strings.Join(in.Target, "") != "" {
			a.errorf(in.Pos, CodePlural, "translate every form, or none", "form %d of %q is empty", empty, in.ID)
		}
		return // untranslated
	}
	a.write(in, e, TOMLForms(a.in.Lang, e, in.Target))
}

// write puts a translation into its table: the forms in place, and the
// current hash only when it is reviewed and made from the current English.
func (a *applier) write(in Entry, e *catalog.Message, forms map[string]string) {
	m := a.old.Message(in.ID)
	cur := e.SourceHash()
	stamp := !in.Fuzzy && slices.Equal(in.Source, a.expectedSource(e))
	changed := m == nil || !maps.Equal(m.Forms, forms)
	if !changed && (!stamp || m.Hash == cur) {
		a.res.Unchanged++
		return
	}
	t := a.table(e)
	if stamp && t.KeyLine("hash") < 0 {
		a.doc.Set(t, "hash", cur) // a new entry: the hash first, as sync writes it
	}
	for _, f := range pluralOrder {
		if s, ok := forms[f]; ok {
			if _, err := a.doc.Set(t, f, s); err != nil {
				a.multiline(in, f, err)
				return
			}
		}
	}
	switch {
	case stamp:
		a.doc.Set(t, "hash", cur)
		a.doc.SetOwned(t, msgmerge.SourceComments(e))
		a.res.Stamped++
	case m != nil && m.Hash != "" && m.Hash != cur:
		a.res.Unreviewed++ // stays stale
	default:
		a.doc.Delete(t, "hash") // no hash: check asks for a review
		a.res.Unreviewed++
	}
}

func (a *applier) multiline(in Entry, form string, err error) {
	hint := "edit it in the TOML file by hand"
	if !errors.Is(err, catfile.ErrMultiline) {
		hint = "fix the TOML file first (briefs check)"
	}
	a.errorf(in.Pos, CodeImportFormat, hint, "cannot write the %s form of %q into %s: %v", form, in.ID, a.doc.Path, err)
}

// expectedSource is the English an up-to-date file shows for e.
func (a *applier) expectedSource(e *catalog.Message) []string {
	if a.in.Format == "po" {
		if len(e.Forms) > 1 {
			return []string{firstOf(e.Forms["one"], e.Other()), e.Other()}
		}
		return []string{e.Other()}
	}
	return SourceForms(a.in.Lang, e)
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

var pluralOrder = []string{"zero", "one", "two", "few", "many", "other"}
