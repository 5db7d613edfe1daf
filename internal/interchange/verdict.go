package interchange

import (
	"maps"
	"slices"

	"github.com/mekong-briefs/briefs/internal/catalog"
)

// verdict is what import makes of one entry of a translator's file. It is
// the one rule of what import takes: the applier writes and reports by
// it, and export asks it before it replaces a file (unimported.go), so
// that export never drops what import would have written.
type verdict int

const (
	takeCurrent    verdict = iota // written with the current English's hash
	takeUnreviewed                // written without it: fuzzy, or made from other English
	badFormCount                  // not the tool's number of plural forms: an error
	badEmptyForm                  // some forms translated, some empty: an error
	leftEmpty                     // untranslated in the file
	leftCopied                    // the English itself, as "copy source to target" fills it
	leftGuess                     // a fuzzy match: another message's translation
	leftDraft                     // fuzzy, for a message with no translation
	leftUnchanged                 // what the catalogue holds already
	leftOutdated                  // from older English than a current translation
)

// takes reports whether import writes the entry.
func (v verdict) takes() bool { return v == takeCurrent || v == takeUnreviewed }

// held is the catalogue's translation of a message, as judge sees it.
type held struct {
	forms   map[string]string // its TOML forms; empty: no translation
	current bool              // its hash is the current English's
}

// heldOf is the held translation of a catalogue message (nil: none).
func heldOf(m *catalog.Message, en *catalog.Message) held {
	if m == nil {
		return held{}
	}
	return held{forms: m.Forms, current: m.Hash == en.SourceHash()}
}

// judge decides what import does with the entry in of a file in format
// (po, xliff) and language code, for the English message en and the
// catalogue's translation h. A fuzzy entry replaces only a translation
// that exists, and leaves it to review; for a message with no
// translation it is left out, so a suggestion never prints. An entry made
// from older English than a current translation would put the old text
// back over the reviewed new one, and is left out.
func judge(code, format string, in Entry, en *catalog.Message, h held, keep []string) verdict {
	if len(in.Target) != len(ToolForms(code, en)) {
		return badFormCount
	}
	if empty := slices.Index(in.Target, ""); empty >= 0 {
		if slices.ContainsFunc(in.Target, func(s string) bool { return s != "" }) {
			return badEmptyForm
		}
		return leftEmpty
	}
	forms := TOMLForms(code, en, in.Target)
	if code != "en" && copiedSource(en, forms, keep) {
		return leftCopied
	}
	exists := len(h.forms) > 0
	switch {
	case in.Guess != "":
		return leftGuess
	case in.Fuzzy && !exists && !in.Unstated:
		return leftDraft
	}
	matches := slices.Equal(in.Source, shownSource(format, code, en))
	stamp := !in.Fuzzy && matches
	changed := !exists || !maps.Equal(h.forms, forms)
	// A reviewer who marks a current translation fuzzy (Weblate's "needs
	// editing") without changing it asks for it to be reviewed: it loses
	// its hash, so that check and the next export say so.
	flagged := in.Fuzzy && exists && h.current && matches
	switch {
	case !changed && (stamp && h.current || !stamp && !flagged):
		return leftUnchanged
	case changed && !matches && exists && h.current:
		return leftOutdated
	case stamp:
		return takeCurrent
	}
	return takeUnreviewed
}

// borrowedTexts maps the text of each one-form translation of a catalogue
// to the first message that has it: what a fuzzy entry is checked
// against (guess).
type borrowedTexts map[string]string

// borrowedFrom maps the translations of a catalogue file f (nil: none).
// Import and export both ask it, so that they agree on which fuzzy entry
// is a guess (a text of an orphan, or of a message no edition needs,
// counts too: it is what a fuzzy match borrows from an older file).
func borrowedFrom(f *catalog.File) borrowedTexts {
	b := borrowedTexts{}
	if f != nil {
		for _, m := range f.Messages {
			b.add(m.ID, m.Forms)
		}
	}
	return b
}

func (b borrowedTexts) add(id string, forms map[string]string) {
	if t, ok := forms["other"]; ok && len(forms) == 1 && t != "" {
		if _, seen := b[t]; !seen {
			b[t] = id
		}
	}
}

// guess names, in in.Guess, the other message whose translation a fuzzy
// entry holds, when the file does not say (no "#| msgctxt" line):
// msgmerge without --previous, and Poedit's "Update from POT", fill a
// message whose English changed with the translation of a similar
// message, and leave the entry fuzzy with nothing to tell it from the
// translator's draft. A text that is this message's own translation
// (own, its TOML forms) is no guess.
func (b borrowedTexts) guess(in *Entry, own map[string]string) {
	if !in.Fuzzy || in.Guess != "" || len(in.Target) != 1 {
		return
	}
	if id, ok := b[in.Target[0]]; ok && id != in.ID && own["other"] != in.Target[0] {
		in.Guess = id
	}
}
