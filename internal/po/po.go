// Package po reads and writes GNU gettext PO files (GNU gettext manual,
// "The Format of PO Files"): entries with translator (#), extracted (#.),
// reference (#:) and flag (#,) comments, the previous source (#|),
// msgctxt, msgid, msgid_plural, msgstr and msgstr[n]. It knows nothing of
// catalogues: package interchange maps messages to entries.
package po

import (
	"slices"
	"unicode/utf8"
)

// Entry is one PO entry.
type Entry struct {
	Comments []string // translator comments ("# ")
	// CommentLines are the lines of Comments, one each.
	CommentLines []int
	Extracted    []string // "#." comments
	References   []string // "#:" file:line
	Flags        []string // "#," flags: fuzzy, ...
	PrevID       string   // "#| msgid": the source the translation was made from
	PrevPlural   string   // "#| msgid_plural"
	// PrevContext is "#| msgctxt": msgmerge writes it when its fuzzy
	// match took the translation from an entry of another context.
	PrevContext    string
	HasPrevContext bool
	Context        string // msgctxt
	HasContext     bool
	ID             string // msgid
	Plural         string // msgid_plural; a plural entry has msgstr[n]
	IsPlural       bool
	Str            []string // msgstr, or msgstr[0], msgstr[1]...
	Obsolete       bool     // "#~" entries: kept by tools, never imported
	Line           int      // where the entry starts, 1-based
	StrLine        int      // where its first msgstr is
	StrSpans       [][]Span // each msgstr form's strings, where the file has them
}

// Span is one quoted string of a msgstr as the file writes it: its line,
// the column (in characters, 1-based) of its first character after the
// quote, and the text between the quotes with its escapes.
type Span struct {
	Line, Col int
	Raw       string
}

// StrPos returns where the file writes the byte at offset of msgstr
// form n's text (unescaped): a finding about a translation can then name
// the line and column of a long msgstr that holds it. It reports false
// for an offset past the text.
func (e *Entry) StrPos(n, offset int) (line, col int, ok bool) {
	if n < 0 || n >= len(e.StrSpans) || offset < 0 {
		return 0, 0, false
	}
	k := 0 // bytes of the text before the character at raw index i
	for _, sp := range e.StrSpans[n] {
		col := sp.Col
		for i := 0; i < len(sp.Raw); {
			if k >= offset {
				return sp.Line, col, true
			}
			if sp.Raw[i] == '\\' { // an escape: its characters for one byte of text
				_, n := escape(sp.Raw[i:])
				n = max(n, 2)
				i, col, k = i+n, col+n, k+1
				continue
			}
			_, w := utf8.DecodeRuneInString(sp.Raw[i:])
			i, col, k = i+w, col+1, k+w
		}
	}
	return 0, 0, false
}

// Fuzzy reports whether the entry carries the fuzzy flag: a translation
// that needs review (gettext never uses one).
func (e *Entry) Fuzzy() bool { return slices.Contains(e.Flags, "fuzzy") }

// File is a PO file: the header entry's fields, in order, and the entries.
type File struct {
	Header  [][2]string // "Name: value" pairs of the msgid "" entry
	Entries []*Entry
}

// HeaderValue returns a header field, or "".
func (f *File) HeaderValue(name string) string {
	for _, h := range f.Header {
		if h[0] == name {
			return h[1]
		}
	}
	return ""
}
