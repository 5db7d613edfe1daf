package interchange

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/po"
)

// HeaderDomain is the PO header field that names the catalogue a file
// belongs to, so that a renamed file still imports into the right one.
const HeaderDomain = "X-Briefs-Catalogue"

// HeaderSum is the PO header field that holds the workSum of the entries
// as export wrote them: a file that still has it holds no one's work.
const HeaderSum = "X-Briefs-Sum"

// writePO writes a set as a PO file (GNU gettext manual, "The Format of
// PO Files"): msgctxt is the message ID, msgid the current English,
// "#." the description, "#:" where it is used; a stale translation is
// fuzzy with the English it was made from as "#| msgid"; a suggestion is
// fuzzy too.
func writePO(w io.Writer, s Set, date time.Time) error {
	row, _ := lang.Lookup(s.Lang)
	f := &po.File{Header: [][2]string{
		{"Project-Id-Version", "briefs " + s.Domain},
		{"Report-Msgid-Bugs-To", ""},
		{"POT-Creation-Date", date.Format("2006-01-02 15:04-0700")},
		{"PO-Revision-Date", date.Format("2006-01-02 15:04-0700")},
		{"Last-Translator", ""},
		{"Language-Team", row.Name},
		{"Language", s.Lang},
		{"MIME-Version", "1.0"},
		{"Content-Type", "text/plain; charset=UTF-8"},
		{"Content-Transfer-Encoding", "8bit"},
		{"Plural-Forms", row.PluralForms},
		{HeaderDomain, s.Domain},
	}}
	for _, h := range s.Header {
		if i := slices.IndexFunc(f.Header, func(f [2]string) bool { return f[0] == h[0] }); i >= 0 {
			f.Header[i][1] = h[1]
		} else {
			f.Header = append(f.Header, h)
		}
	}
	if s.Lang == "" { // a template: the translator's tool fills these in
		f.Header = slices.DeleteFunc(f.Header, func(h [2]string) bool { return h[0] == "Plural-Forms" || h[0] == "Language-Team" })
	}
	code := s.Lang
	if code == "" {
		code = "en" // a template has the source language's forms
	}
	for _, u := range s.Units {
		f.Entries = append(f.Entries, poEntry(code, u))
	}
	if s.Lang != "" {
		// The sum of the entries as the file gives them back (read).
		var b bytes.Buffer
		if err := po.Write(&b, f); err != nil {
			return err
		}
		in, _ := readPO("", b.Bytes())
		if in == nil {
			return errors.New("export: the PO file written does not read back")
		}
		f.Header = append(f.Header, [2]string{HeaderSum, workSum(in.Entries)})
	}
	return po.Write(w, f)
}

// keptHeader are the fields of a PO header that translators' tools write
// and export keeps when it replaces the file: who translated it last and
// when, the team, and a tool's own X- fields (X-Generator), not briefs'
// (X-Briefs-*). Weblate commits its header into the repository; an export
// that reset it made every Weblate commit made meanwhile conflict with
// the CI job's, in the header.
func keptHeader(h [][2]string) [][2]string {
	var kept [][2]string
	for _, f := range h {
		switch {
		case f[0] == "Last-Translator", f[0] == "Language-Team", f[0] == "PO-Revision-Date",
			strings.HasPrefix(f[0], "X-") && !strings.HasPrefix(f[0], "X-Briefs-"):
			kept = append(kept, f)
		}
	}
	return kept
}

func poEntry(code string, u Unit) *po.Entry {
	e := &po.Entry{Context: u.ID, HasContext: true, References: u.Uses, Str: u.Target, Comments: u.Notes}
	if u.Description != "" {
		e.Extracted = append(e.Extracted, u.Description)
	}
	src := SourceForms(code, u.English)
	e.ID = src[0]
	if len(u.English.Forms) > 1 {
		// gettext's plural entry: msgid is the singular, msgid_plural
		// the plural English, msgstr[n] the language's forms.
		e.IsPlural = true
		e.ID, e.Plural = u.English.Forms["one"], u.English.Other()
		if e.ID == "" {
			e.ID = e.Plural
		}
	}
	switch u.State {
	case Stale:
		e.Flags = []string{"fuzzy"}
		if u.Was != nil {
			previous(e, u.Was)
		} else if u.Unstamped {
			e.Extracted = append(e.Extracted, reviewNote)
		} else if u.WasDesc == "" {
			e.Extracted = append(e.Extracted, "The English changed since this was translated; check the translation against it.")
		}
		if u.WasDesc != "" {
			e.Extracted = append(e.Extracted, "The description changed since this was translated; it was: "+u.WasDesc)
		}
	case Draft:
		e.Flags = []string{"fuzzy"}
		e.Extracted = append(e.Extracted, noteDraft)
		if u.Was != nil {
			previous(e, u.Was) // a draft of English that changed since
		}
	case Suggested:
		e.Flags = []string{"fuzzy"}
		e.Extracted = append(e.Extracted, "Suggestion: the same English is translated so in "+u.From.Domain+
			" (message "+u.From.ID+"); check that it fits here.")
	}
	if e.Str == nil {
		e.Str = []string{""}
	}
	return e
}

// previous writes the English a translation was made from as the
// entry's "#| msgid" (and "#| msgid_plural").
func previous(e *po.Entry, was map[string]string) {
	e.PrevID = was["other"]
	if e.IsPlural {
		e.PrevID, e.PrevPlural = firstOf(was["one"], was["other"]), was["other"]
	}
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
