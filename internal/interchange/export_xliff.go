package interchange

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/xliff"
)

// xliffStates are the XLIFF 1.2 target states of each State (spec,
// "state" attribute).
var xliffStates = map[State]string{
	Untranslated: "needs-translation",
	Suggested:    "needs-review-translation",
	Stale:        "needs-review-translation",
	Translated:   "translated",
	Draft:        "needs-review-translation",
}

// writeXLIFF writes a set as XLIFF 1.2: one trans-unit per message, or a
// group of one per plural form, with the description, uses, the English a
// stale translation was made from and a suggestion's origin as notes.
func writeXLIFF(w io.Writer, s Set) error {
	f := &xliff.File{Original: "locales/" + s.Domain + ".en.toml", SourceLang: "en", TargetLang: s.Lang}
	for _, u := range s.Units {
		src := SourceForms(s.Lang, u.English)
		tool := ToolForms(s.Lang, u.English)
		for i := range tool {
			x := xliff.Unit{ID: u.ID, Resname: u.ID, Source: src[i], Target: u.Target[i], State: xliffStates[u.State], Approved: u.State == Translated, Notes: notes(u)}
			if len(u.English.Forms) > 1 {
				x.ID, x.Group = fmt.Sprintf("%s[%d]", u.ID, i), u.ID
			}
			f.Units = append(f.Units, x)
		}
	}
	// The sum of the units as the file gives them back (read).
	var b bytes.Buffer
	if err := xliff.Write(&b, f); err != nil {
		return err
	}
	if in, _ := readXLIFF("", b.Bytes()); in != nil {
		f.Sum = workSum(in.Entries)
	}
	return xliff.Write(w, f)
}

func notes(u Unit) []xliff.Note {
	var out []xliff.Note
	if u.Description != "" {
		out = append(out, xliff.Note{From: "description", Text: u.Description})
	}
	if len(u.English.Forms) > 1 {
		var forms []string
		for _, f := range []string{"one", "other"} {
			if t, ok := u.English.Forms[f]; ok {
				forms = append(forms, f+": "+t)
			}
		}
		out = append(out, xliff.Note{From: "briefs", Text: notePlural + strings.Join(forms, " | ")})
	}
	out = append(out, xliff.Note{From: "briefs", Text: noteUsed + strings.Join(u.Uses, ", ")})
	switch {
	case u.State == Stale && u.Was != nil:
		out = append(out, xliff.Note{From: "briefs", Text: noteOlder + olderEnglish(u)})
	case u.State == Stale && u.Unstamped:
		out = append(out, xliff.Note{From: "briefs", Text: reviewNote})
	case u.State == Stale && u.WasDesc == "":
		out = append(out, xliff.Note{From: "briefs", Text: noteChanged})
	case u.State == Draft && u.Was != nil:
		out = append(out, xliff.Note{From: "briefs", Text: noteDraft}, xliff.Note{From: "briefs", Text: noteOlder + olderEnglish(u)})
	case u.State == Draft:
		out = append(out, xliff.Note{From: "briefs", Text: noteDraft})
	case u.State == Suggested:
		out = append(out, xliff.Note{From: "briefs", Text: noteSuggestion + u.From.Domain + " (message " + u.From.ID + "); check that it fits here."})
	}
	if u.State == Stale && u.WasDesc != "" {
		out = append(out, xliff.Note{From: "briefs", Text: noteDescription + u.WasDesc})
	}
	for _, n := range u.Notes {
		out = append(out, xliff.Note{From: "translator", Text: n})
	}
	return out
}

// olderEnglish is the English a stale translation was made from, as the
// stale note gives it. A plural message names each old form that differs
// from the current one ("one: {{.Count}} page"), as PO's #| msgid and
// #| msgid_plural show both: the old other alone equalled the source when
// only the English one form had changed. Forms the English gained are not
// in the old forms; then all of them are named.
func olderEnglish(u Unit) string {
	if len(u.English.Forms) <= 1 && len(u.Was) <= 1 {
		return u.Was["other"]
	}
	var all, changed []string
	for _, f := range catalog.FormOrder {
		t, ok := u.Was[f]
		if !ok {
			continue
		}
		all = append(all, f+": "+t)
		if cur, ok := u.English.Forms[f]; !ok || cur != t {
			changed = append(changed, f+": "+t)
		}
	}
	if len(changed) == 0 {
		changed = all
	}
	return strings.Join(changed, " | ")
}

// translatorNotes are a unit's notes that briefs did not write: a
// translator's or a CAT tool's, kept as the message's notes.
func translatorNotes(ns []xliff.Note) []string {
	var out []string
	for _, n := range ns {
		// A note from the translator is theirs whatever its words; one
		// from briefs, or from a tool that renamed or dropped from, is
		// briefs's when it reads as briefs writes it.
		own := n.From == "translator" || n.From != "briefs" && n.From != "description" && !briefsNote(n.Text)
		if own && strings.TrimSpace(n.Text) != "" {
			out = append(out, n.Text)
		}
	}
	return out
}

// The beginnings of the notes export writes itself (notes): a tool that
// renames their from (Weblate and translate-toolkit write "developer")
// or drops it leaves them as briefs wrote them, and they are not the
// translator's.
const (
	notePlural      = "Plural message; the English forms are "
	noteUsed        = "Used at "
	noteOlder       = "Translated from older English: "
	noteChanged     = "The English changed since this was translated."
	noteSuggestion  = "Suggestion: the same English is translated so in "
	noteDescription = "The description changed since this was translated; it was: "
	noteDraft       = "Draft, kept from the file this export replaced: import takes it once it is marked ready (fuzzy cleared, state translated)."
)

// briefsNote reports whether a note's text is one export writes itself.
func briefsNote(text string) bool {
	for _, p := range []string{notePlural, noteUsed, noteOlder, noteChanged, noteSuggestion, noteDescription, noteDraft, reviewNote} {
		if strings.HasPrefix(text, p) {
			return true
		}
	}
	return false
}
