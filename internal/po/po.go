// Package po reads and writes GNU gettext PO files (GNU gettext manual,
// "The Format of PO Files"): entries with translator (#), extracted (#.),
// reference (#:) and flag (#,) comments, the previous source (#|),
// msgctxt, msgid, msgid_plural, msgstr and msgstr[n]. It knows nothing of
// catalogues: package interchange maps messages to entries.
package po

import "slices"

// Entry is one PO entry.
type Entry struct {
	Comments   []string // translator comments ("# ")
	Extracted  []string // "#." comments
	References []string // "#:" file:line
	Flags      []string // "#," flags: fuzzy, ...
	PrevID     string   // "#| msgid": the source the translation was made from
	PrevPlural string   // "#| msgid_plural"
	Context    string   // msgctxt
	HasContext bool
	ID         string // msgid
	Plural     string // msgid_plural; a plural entry has msgstr[n]
	IsPlural   bool
	Str        []string // msgstr, or msgstr[0], msgstr[1]...
	Obsolete   bool     // "#~" entries: kept by tools, never imported
	Line       int      // where the entry starts, 1-based
	StrLine    int      // where its first msgstr is
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
