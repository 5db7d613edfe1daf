package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/text"
)

// checkWhitespace compares the spaces at the ends of a translation, and
// doubled spaces inside it, with the English (a separator such as ", "
// keeps its space on purpose), and reports ZWSP in a language that does
// not use it.
func (c *checker) checkWhitespace(m, en *catalog.Message) {
	eachForm(m, func(form, s string) {
		if blank(s) {
			return // checkBlank reports it, once
		}
		src := en.Forms[form]
		if src == "" {
			src = en.Other()
		}
		// A file saved on Windows writes CR LF where the English has LF.
		same := func(a, b string) bool {
			return strings.ReplaceAll(a, "\r\n", "\n") == strings.ReplaceAll(b, "\r\n", "\n")
		}
		// Where the English's own end spaces are a slip, checkSourceSpaces
		// says so, and no translation is asked to copy them.
		pastedStart, pastedEnd := pastedEnds(src)
		if !pastedStart && !same(lead(s), lead(src)) {
			c.add(diag.Warnf(c.textPos(m, form, 0), CodeWhitespace, "the English starts with "+spaceName(lead(src)),
				"%s form of %q starts with %s", form, m.ID, spaceName(lead(s))))
		}
		if !pastedEnd && !same(trail(s), trail(src)) {
			c.add(diag.Warnf(c.textPos(m, form, len(strings.TrimRight(s, spaceEnds))), CodeWhitespace,
				"the English ends with "+spaceName(trail(src)), "%s form of %q ends with %s", form, m.ID, spaceName(trail(s))))
		}
		inner := strings.TrimSpace(s)
		if row, _ := lang.Lookup(m.Lang); row.Words != "" && strings.Contains(inner, "\n") && !strings.Contains(inner, "\r") && !strings.Contains(strings.TrimSpace(src), "\n") {
			// (A CR beside it is an error of its own, control-char.)
			// The layout sets a line break inside a text as a space: in
			// Burmese, Thai and Khmer, which part words without spaces
			// (lang's Words), a space the English has no cause for, a
			// phrase break the reader sees (pofilter's newlines).
			c.add(diag.Warnf(c.textPos(m, form, strings.IndexByte(s, '\n')), CodeWhitespace,
				"join the lines: the English has one; the PDF prints a line break as a space",
				"%s form of %q has a line break the English does not", form, m.ID))
		}
		if i := strings.Index(inner, "  "); i >= 0 && !strings.Contains(strings.TrimSpace(src), "  ") {
			off := strings.Index(s, "  ")
			c.add(diag.Warnf(c.textPos(m, form, off), CodeWhitespace, "use one space",
				"%s form of %q has a double space", form, m.ID))
		}
	})
}

// spaceEnds are the characters checkWhitespace counts as space at the
// ends of a text. A line break counts: msgfmt -c refuses a msgstr that
// ends with \n when its msgid does not, and the layout sets it as a
// space. Tabs are left to checkTabs.
const spaceEnds = " \u00a0\n\r"

func lead(x string) string  { return x[:len(x)-len(strings.TrimLeft(x, spaceEnds))] }
func trail(x string) string { return x[len(strings.TrimRight(x, spaceEnds)):] }

// endsNamed names the ends of a text that have space: "starts", "ends"
// or both.
func endsNamed(start, end bool) string {
	switch {
	case start && end:
		return "starts and ends"
	case start:
		return "starts"
	}
	return "ends"
}

// spaceName names the space at the end of a text for a finding.
func spaceName(sp string) string {
	if sp == "" {
		return "no space"
	}
	return fmt.Sprintf("%q", sp)
}

// pastedEnds reports whether an English text with words begins (start)
// or ends (end) with space: pasted from a document, not a separator such
// as ", ", whose space is the point.
func pastedEnds(src string) (start, end bool) {
	words := len(wordsOf(src)) > 0
	return words && lead(src) != "", words && trail(src) != ""
}

// checkSourceSpaces reports, in an English message, space at either end
// of a text with words and a doubled space inside: the layout prints
// them, and checkWhitespace would otherwise ask every translation to
// copy them.
func (c *checker) checkSourceSpaces(m *catalog.Message) {
	eachForm(m, func(form, s string) {
		if start, end := pastedEnds(s); start || end {
			at := 0
			if !start {
				at = len(strings.TrimRight(s, spaceEnds))
			}
			c.add(diag.Warnf(c.textPos(m, form, at), CodeWhitespace,
				"delete it: the layout prints it. The translations then show as stale until reviewed: briefs sync, then briefs sync --accept once they are checked",
				"%s form of %q %s with space", form, m.ID, endsNamed(start, end)))
		}
		inner := strings.TrimLeft(s, spaceEnds)
		if i := strings.Index(strings.TrimRight(inner, spaceEnds), "  "); i >= 0 {
			c.add(diag.Warnf(c.textPos(m, form, len(s)-len(inner)+i), CodeWhitespace, "use one space",
				"%s form of %q has a double space", form, m.ID))
		}
	})
}

// checkZWSP reports ZERO WIDTH SPACE in English and Vietnamese text:
// invisible, it breaks words and searches in the PDF.
func (c *checker) checkZWSP(m *catalog.Message) {
	if row, _ := lang.Lookup(m.Lang); row.ZWSP {
		// Its writers mark word boundaries with ZWSP; one that marks
		// none (doubled, beside a space, at an end) is what --fix
		// deletes (fixZWSP), so check names it first.
		eachForm(m, func(form, s string) {
			if fixed := fixZWSP(m.Lang, s); fixed != s {
				c.add(diag.Warnf(c.textPos(m, form, firstDiff(s, fixed)), CodeZWSP,
					"delete it, or run briefs check --fix: a ZERO WIDTH SPACE marks a boundary between two words",
					"%s form of %q has a ZERO WIDTH SPACE (U+200B) that parts no two words: doubled, beside a space, or at an end", form, m.ID))
			}
		})
		return
	}
	eachForm(m, func(form, s string) {
		if i := strings.IndexRune(s, text.ZWSP); i >= 0 {
			c.add(diag.Warnf(c.textPos(m, form, i), CodeZWSP, "delete it: "+langName(m.Lang)+" separates words with spaces",
				"%s form of %q has a ZERO WIDTH SPACE (U+200B)", form, m.ID))
		}
	})
}

// checkTabs reports tab characters in any message, English included: the
// layout sets a tab as one space, which is rarely what the writer meant.
func (c *checker) checkTabs(m *catalog.Message) {
	eachForm(m, func(form, s string) {
		if i := strings.IndexByte(s, '\t'); i >= 0 {
			c.add(diag.Warnf(c.textPos(m, form, i), CodeWhitespace, "use a space; briefs sets a tab as one space",
				"%s form of %q has a tab character", form, m.ID))
		}
	})
}

// checkLineSeparators reports LINE SEPARATOR (U+2028) and PARAGRAPH
// SEPARATOR (U+2029) in any message: each ends a line inside the
// paragraph (UAX #14, class BK), which is rarely meant; Word writes
// U+2028 for Shift+Enter, and text pasted from it carries them unseen.
func (c *checker) checkLineSeparators(m *catalog.Message) {
	eachForm(m, func(form, s string) {
		if i := strings.IndexAny(s, "\u2028\u2029"); i >= 0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			c.add(diag.Warnf(c.textPos(m, form, i), CodeWhitespace,
				"replace it with a space; a new paragraph is a block of its own",
				"%s form of %q has a %s (U+%04X), which starts a new line inside the paragraph", form, m.ID, separatorName[r], r))
		}
	})
}

var separatorName = map[rune]string{'\u2028': "LINE SEPARATOR", '\u2029': "PARAGRAPH SEPARATOR"}

// strayFormat reports whether r is a format character that no language
// briefs sets needs and that copied text carries along unseen: the
// bidirectional controls (UAX #9, 2.1-2.6: embeddings, overrides,
// isolates and the marks LRM, RLM and ALM), for none of these languages
// is written right to left, and ZERO WIDTH NO-BREAK SPACE (U+FEFF), a
// byte-order mark pasted inside a text (Unicode 16.0, 23.8, which gives
// WORD JOINER U+2060 for its other use).
func strayFormat(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200E || r == 0x200F || r == 0x061C || r == 0xFEFF
}

// checkFormatChars reports stray format characters (strayFormat) in any
// message: they draw nothing, yet copy, search and speech read them.
func (c *checker) checkFormatChars(m *catalog.Message) {
	eachForm(m, func(form, s string) {
		if i := strings.IndexFunc(s, strayFormat); i >= 0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			hint := "delete it, or run briefs check --fix (a bidirectional control pasted from a web page or a right-to-left text)"
			if r == 0xFEFF {
				hint = "delete it, or run briefs check --fix; to keep two words together, write WORD JOINER U+2060"
			}
			c.add(diag.Warnf(c.textPos(m, form, i), CodeWhitespace, hint,
				"%s form of %q has the invisible format character U+%04X", form, m.ID, r))
		}
		if i := idleJoiner(s); i >= 0 && !blank(s) { // a blank text is an error of its own
			r, _ := utf8.DecodeRuneInString(s[i:])
			c.add(diag.Warnf(c.textPos(m, form, i), CodeWhitespace,
				"delete it: it stands at an end of the text or beside another such character, between no two letters",
				"%s form of %q has an invisible %s (U+%04X) that joins or parts nothing", form, m.ID, joinerName[r], r))
		}
	})
}

// joinerName names the invisible characters that act between two
// letters (Unicode 16.0, 23.2 and 23.8): joining or parting a ligature or
// cluster, keeping two words together, or offering a hyphenation point.
var joinerName = map[rune]string{0x200C: "ZERO WIDTH NON-JOINER", 0x200D: "ZERO WIDTH JOINER", 0x2060: "WORD JOINER", 0x00AD: "SOFT HYPHEN"}

// idleJoiner is the byte offset of the first joiner (joinerName) of s
// that acts between no two letters: at an end of the text (spaces
// aside), beside a space, or beside another joiner (a ZWNJ ZWJ ZWNJ run
// a tool left), or -1. Such a character draws nothing and copy, search
// and speech read it (a CAT tool's trailing ZWNJ on a Khmer subtitle).
func idleJoiner(s string) int {
	var prev rune = ' '
	prevAt := -1
	for i, r := range s {
		_, isJoiner := joinerName[r]
		_, prevJoiner := joinerName[prev]
		switch {
		case isJoiner && (prev == ' ' || prevJoiner):
			return i
		case prevJoiner && (r == ' ' || r == '\u00a0' || r == '\n'):
			return prevAt
		}
		if r == '\u00a0' || r == '\n' || r == '\t' {
			r = ' '
		}
		prev, prevAt = r, i
	}
	if _, ok := joinerName[prev]; ok {
		return prevAt
	}
	return -1
}
