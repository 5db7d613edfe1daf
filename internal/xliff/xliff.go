// Package xliff reads and writes XLIFF 1.2 documents (OASIS XLIFF
// Version 1.2, 1 February 2008): one <file> of trans-units with resname,
// notes and target state, plural forms as a group with
// restype="x-gettext-plurals" (the convention translate-toolkit's po2xliff
// uses), and Go template actions ({{.Count}}) as inline <ph> codes that
// translation tools protect (spec section 2.4, "Inline Elements"). It
// knows nothing of catalogues: package interchange maps messages to units.
package xliff

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// File is one <file> element.
type File struct {
	Original   string // the file the units come from
	SourceLang string
	TargetLang string
	Line, Col  int // where the <file> element starts (its languages are attributes of it)
	// Sum is the build-num of the <file> (XLIFF 1.2: "the build number
	// of the version of the file"): briefs records there a digest of the
	// units as it wrote them.
	Sum   string
	Units []Unit
}

// Unit is one trans-unit.
type Unit struct {
	ID      string
	Resname string
	Group   string // non-empty: the id of the plural group it belongs to
	Source  string // text, with <ph> codes given back as their native text
	Target  string
	State   string // needs-translation, needs-review-translation, translated...
	// Qualifier is the target's state-qualifier (how it got its
	// state: exact-match, mt-suggestion...).
	Qualifier string
	Approved  bool // approved="yes" on the trans-unit
	// Unapproved is approved="no" on the trans-unit, which briefs' export
	// never writes: the tool marked the target as not ready
	// (translate-toolkit's and so Weblate's "Needs editing", written
	// approved="no" with state="needs-translation").
	Unapproved bool
	// TargetRaw is the target's content as the file writes it, which
	// starts at TargetLine:TargetCol; empty when the text is not its
	// characters one for one (re-indented without xml:space="preserve").
	TargetRaw             string
	TargetLine, TargetCol int
	Notes                 []Note
	Line                  int // where it starts in a parsed document, 1-based
	Col                   int
}

// Note is a <note>, with its from attribute.
type Note struct{ From, Text string }

// Fuzzy reports whether the target needs work (XLIFF 1.2, "state" and
// "state-qualifier" attribute values; "approved" of <trans-unit>): no
// target; a state that asks for translation or review; no state at all,
// which the spec leaves unknown (a CAT tool that dropped the
// needs-review-translation of an export, whatever the translator did),
// unless the unit is approved; or a target that a machine or a memory
// proposed (state-qualifier mt-suggestion, fuzzy-match, tm-suggestion),
// which nobody has confirmed, or that a reviewer rejected (rejected-*),
// whatever its state says. A leveraged-* qualifier says where a target
// came from: with a translated, final or signed-off state it is one the
// translator confirmed (a memory's exact match), and only without a
// state does it leave the target to review.
func (u *Unit) Fuzzy() bool {
	switch u.Qualifier {
	case "mt-suggestion", "fuzzy-match", "tm-suggestion",
		"rejected-grammar", "rejected-inaccurate", "rejected-length", "rejected-spelling":
		return true
	}
	switch u.State {
	case "translated", "final", "signed-off":
		// A leveraged-* qualifier says where the text came from (a
		// memory, a glossary), not that nobody confirmed it: a 100 %
		// memory match the translator confirmed is translated.
		return false
	case "":
		return !u.Approved || strings.HasPrefix(u.Qualifier, "leveraged-")
	}
	return true
}

// KnownState reports whether s is a target state of XLIFF 1.2 (section
// 2.4.4, "state"), a tool's own "x-" value, or none.
func KnownState(s string) bool {
	switch s {
	case "", "final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n",
		"needs-review-translation", "needs-translation", "new", "signed-off", "translated":
		return true
	}
	return strings.HasPrefix(s, "x-")
}

// Unstated reports whether the unit has a target that its state leaves
// unexplained: none, "new" or "needs-translation", with no qualifier and
// no approved attribute. Tools that fill a target without setting the
// state write it so (OmegaT with Okapi's filter, Okapi Tikal, Trados
// Studio's XLIFF 1.2, which keeps its own confirmation level in sdl:
// attributes); a suggestion is written with a needs-review state or a
// qualifier, and a draft with approved="no" (Weblate), which says
// something of review: not yet.
func (u *Unit) Unstated() bool {
	switch u.State {
	case "", "new", "needs-translation":
		return u.Target != "" && u.Qualifier == "" && !u.Approved && !u.Unapproved
	}
	return false
}

// TargetPos returns where in the file the target writes the character at
// byte offset off of Target: a character reference or one of XML's named
// entities (&amp; &lt; &gt; &quot; &apos;) stands for its character. It
// reports false past an inline code or CDATA, whose text is not written
// character for character, and without TargetRaw. Columns count
// characters, as the reader's positions do (inputPos).
func (u *Unit) TargetPos(off int) (line, col int, ok bool) {
	if u.TargetRaw == "" || off < 0 {
		return 0, 0, false
	}
	raw, k := u.TargetRaw, 0 // k: bytes of the text before raw[i]
	line, col = u.TargetLine, u.TargetCol
	for i := 0; i < len(raw); {
		if k >= off {
			return line, col, true
		}
		switch raw[i] {
		case '<':
			return 0, 0, false
		case '&':
			end := strings.IndexByte(raw[i:], ';')
			if end < 0 {
				return 0, 0, false
			}
			k += entityLen(raw[i+1 : i+end])
			col += utf8.RuneCountInString(raw[i : i+end+1])
			i += end + 1
			continue
		case '\r': // XML reads CR LF, and a lone CR, as one LF (XML 1.0, 2.11)
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			fallthrough
		case '\n':
			line, col, k, i = line+1, 1, k+1, i+1
			continue
		}
		_, w := utf8.DecodeRuneInString(raw[i:])
		i, col, k = i+w, col+1, k+w
	}
	return 0, 0, false
}

// entityLen is the length in UTF-8 of the character an entity or
// character reference (its name, between & and ;) stands for.
func entityLen(name string) int {
	var r rune = '?'
	if n, ok := strings.CutPrefix(name, "#x"); ok {
		if v, err := strconv.ParseUint(n, 16, 32); err == nil {
			r = rune(v)
		}
	} else if n, ok := strings.CutPrefix(name, "#"); ok {
		if v, err := strconv.ParseUint(n, 10, 32); err == nil {
			r = rune(v)
		}
	}
	return utf8.RuneLen(r)
}
