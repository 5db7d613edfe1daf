package xliff

import (
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Error is a problem at a line and column of an XLIFF document.
type Error struct {
	Line, Col int
	Msg, Hint string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

type reader struct {
	data   string // the document, for a target's raw text
	d      *xml.Decoder
	f      *File
	group  string
	spaces []string // xml:space of each open element, inherited
	// at is the last position column found: the next is counted on from
	// it, as the decoder goes forward. Counted from the line's start
	// each time, an XLIFF file on one line (1.2 MB, 3,000 units) took
	// 58 s to import.
	at struct{ off, col int }
}

// inputPos is the decoder's position, line and column, the column in
// characters: encoding/xml counts it in bytes, which put a finding after
// Khmer text on its line tens of columns too far, and PO's columns count
// characters.
func (r *reader) inputPos() (line, col int) {
	line, _ = r.d.InputPos()
	off := int(r.d.InputOffset())
	return line, r.column(off)
}

// column is the column of byte off of the document, in characters.
func (r *reader) column(off int) int {
	if r.at.col == 0 || off < r.at.off {
		start := strings.LastIndexByte(r.data[:off], '\n') + 1
		r.at.off, r.at.col = off, utf8.RuneCountInString(r.data[start:off])+1
		return r.at.col
	}
	seg := r.data[r.at.off:off]
	if i := strings.LastIndexByte(seg, '\n'); i >= 0 {
		r.at.col = utf8.RuneCountInString(seg[i+1:]) + 1
	} else {
		r.at.col += utf8.RuneCountInString(seg)
	}
	r.at.off = off
	return r.at.col
}

// syntaxPos places a syntax error, which encoding/xml gives a line only:
// at the < or & that opens the markup the decoder was reading when it
// stopped (</targt>, &nbsp;, a < with no name), or else at the character
// it stopped at (an illegal character, the text before the end of the
// file). A line of its own would leave a translator to search a line of
// Khmer for one tag.
func (r *reader) syntaxPos() (line, col int) {
	stop := min(int(r.d.InputOffset()), len(r.data))
	if stop == 0 {
		return 1, 1
	}
	_, n := utf8.DecodeLastRuneInString(r.data[:stop])
	at := stop - n // the last character read
	for i := at; i >= 0 && r.data[i] != '\n'; i-- {
		if c := r.data[i]; c == '<' || c == '&' {
			at = i
			break
		}
		if c := r.data[i]; (c == '>' || c == ';') && i != at {
			break // that markup is closed: the error is in the text after it
		}
	}
	return strings.Count(r.data[:at], "\n") + 1, r.column(at)
}

// space is the xml:space in force: "preserve", or "default".
func (r *reader) space() string {
	if len(r.spaces) == 0 {
		return "default"
	}
	return r.spaces[len(r.spaces)-1]
}

// spaceOf is an element's own xml:space, or the one it inherits.
func spaceOf(t xml.StartElement, inherited string) string {
	for _, a := range t.Attr {
		if a.Name.Local == "space" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
			return a.Value
		}
	}
	return inherited
}

// Parse reads the one <file> of an XLIFF 1.2 document, given in UTF-8.
func Parse(data []byte) (*File, error) {
	r := &reader{data: string(data), d: xml.NewDecoder(strings.NewReader(string(data))), f: &File{}}
	// The bytes are UTF-8 (the caller checks them); an exporter that
	// declares encoding="UTF-16" over them is wrong, and the text is read
	// as what it is.
	if !utf8.Valid(data) {
		return nil, &Error{Line: 1, Col: 1, Msg: "the file is not UTF-8", Hint: "save the file as UTF-8"}
	}
	r.d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	seenFile := false
	done := false // the root element has ended
	for {
		line, col := r.inputPos()
		tok, err := r.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, r.syntax(err, line, col)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if done {
				return nil, &Error{Line: line, Col: col, Msg: fmt.Sprintf("<%s> after the end of the document (</xliff>)", t.Name.Local),
					Hint: "an XML document has one root element: delete what follows </xliff>, or save the file again from the tool"}
			}
			if err := uniqueAttrs(t, line, col); err != nil {
				return nil, err
			}
			// xml:space is inherited (XML 1.0, 2.10): a unit without its
			// own takes its enclosing element's. A trans-unit is read
			// whole by start, so its own end never comes here.
			if t.Name.Local != "trans-unit" {
				r.spaces = append(r.spaces, spaceOf(t, r.space()))
			}
			if err := r.start(t, &seenFile, line, col); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if t.Name.Local == "group" {
				r.group = ""
			}
			if len(r.spaces) > 0 {
				r.spaces = r.spaces[:len(r.spaces)-1]
			}
			done = len(r.spaces) == 0
		case xml.CharData:
			if done && len(strings.TrimSpace(string(t))) > 0 {
				return nil, &Error{Line: line, Col: col, Msg: "text after the end of the document (</xliff>)",
					Hint: "an XML document ends with its root element: delete what follows </xliff>, or save the file again from the tool"}
			}
		}
	}
	if !seenFile {
		return nil, &Error{Line: 1, Col: 1, Msg: "no <file> element", Hint: "export the file again with briefs export --format xliff"}
	}
	return r.f, nil
}

// uniqueAttrs refuses an element with one attribute twice, which XML
// forbids (XML 1.0, 3.1, "Unique Att Spec") and encoding/xml lets
// through: two state attributes, of which the last won.
func uniqueAttrs(t xml.StartElement, line, col int) error {
	for i, a := range t.Attr {
		for _, b := range t.Attr[:i] {
			if a.Name == b.Name {
				return &Error{Line: line, Col: col, Msg: fmt.Sprintf("<%s> has the attribute %s twice", t.Name.Local, a.Name.Local),
					Hint: "keep one: an XML element may not repeat an attribute; save the file again from the tool that wrote it"}
			}
		}
	}
	return nil
}

func (r *reader) syntax(err error, line, col int) error {
	var own *Error
	if errors.As(err, &own) {
		return own
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, col = r.syntaxPos()
	}
	hint := "the XML is broken: open it in the tool that wrote it and save it again"
	if strings.Contains(err.Error(), "invalid character entity") {
		// encoding/xml knows XML's five named entities only; a DOCTYPE
		// may declare others (&nbsp;), which are valid XML.
		hint = "write the character itself or a character reference (&#160; for &nbsp;): briefs reads no entities a DOCTYPE declares"
	}
	return &Error{Line: line, Col: col, Msg: err.Error(), Hint: hint}
}

func (r *reader) start(t xml.StartElement, seenFile *bool, line, col int) error {
	switch t.Name.Local {
	case "xliff":
		if v := attrOf(t, "version"); v != "1.2" && v != "1.1" {
			// XLIFF 1.1 is read as 1.2, which changed nothing a unit's
			// text or state says: translate-toolkit's po2xliff (3.8)
			// writes it, without the msgctxt that names each message, so
			// its units are found by their English, as memoQ's are.
			hint := "briefs reads the XLIFF 1.2 that briefs export --format xliff writes: translate that file"
			switch {
			case v == "1.0":
				hint += ", or save it from the CAT tool as XLIFF 1.2"
			case strings.HasPrefix(v, "2"):
				hint += ", and save it from the CAT tool as XLIFF 1.2, not 2.x"
			}
			return &Error{Line: line, Col: col, Msg: fmt.Sprintf("XLIFF version %q", v), Hint: hint}
		}
	case "file":
		if *seenFile {
			// A CAT tool's package of several files (other briefs,
			// other languages): its units went into the first file's
			// catalogue.
			return &Error{Line: line, Col: col, Msg: "a second <file>: briefs imports one catalogue per XLIFF file",
				Hint: "import each catalogue's file as briefs export wrote it, or split the package in the CAT tool"}
		}
		*seenFile = true
		r.f.Original, r.f.SourceLang, r.f.TargetLang = attrOf(t, "original"), attrOf(t, "source-language"), attrOf(t, "target-language")
		r.f.Line, r.f.Col = line, col
		r.f.Sum = attrOf(t, "build-num")
	case "group":
		if attrOf(t, "restype") == "x-gettext-plurals" {
			r.group = attrOf(t, "id")
		}
	case "trans-unit":
		u := Unit{ID: attrOf(t, "id"), Resname: attrOf(t, "resname"), Group: r.group, Line: line, Col: col,
			Approved: attrOf(t, "approved") == "yes", Unapproved: attrOf(t, "approved") == "no"}
		if err := r.unit(&u); err != nil {
			return err
		}
		if attrOf(t, "restype") == "x-gettext-domain-header" {
			return nil // po2xliff's copy of the PO header: no message
		}
		if spaceOf(t, r.space()) != "preserve" {
			u.Source, u.Target = unindent(u.Source), unindent(u.Target)
			u.TargetRaw = "" // its offsets are no longer the text's
		}
		r.f.Units = append(r.f.Units, u)
	}
	return nil
}

// unit reads a trans-unit's children up to its end.
func (r *reader) unit(u *Unit) error {
	codes := map[string]string{} // <ph> id -> native code, from the source
	seen := map[string]bool{}    // the <source> and <target> read
	for {
		line, col := r.inputPos()
		tok, err := r.d.Token()
		if err != nil {
			return r.syntax(err, line, col)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := uniqueAttrs(t, line, col); err != nil {
				return err
			}
			if name := t.Name.Local; name != "source" && name != "target" && name != "note" {
				// <alt-trans> (a TM or MT proposal, spec 2.5.3),
				// <context-group> and the like: not the translation, and
				// a proposal's codes are the proposing tool's.
				if err := r.d.Skip(); err != nil {
					return r.syntax(err, line, col)
				}
				continue
			}
			if name := t.Name.Local; name != "note" && seen[name] {
				// Which of two translations the tool meant cannot be told;
				// read in turn, the last one won without a word.
				return &Error{Line: line, Col: col, Msg: fmt.Sprintf("trans-unit %q has a second <%s>", cmp.Or(u.Resname, u.ID), name),
					Hint: "keep one <" + name + "> in each trans-unit: open the file in the tool that wrote it and save it again"}
			}
			seen[t.Name.Local] = true
			var s string
			textLine, textCol := r.inputPos()
			start := r.d.InputOffset()
			if s, err = r.content(codes, t.Name.Local == "source"); err != nil {
				return r.syntax(err, line, col)
			}
			switch t.Name.Local {
			case "source":
				u.Source = s
			case "target":
				u.Target, u.State, u.Qualifier = s, attrOf(t, "state"), attrOf(t, "state-qualifier")
				raw := r.data[start:r.d.InputOffset()]
				if end := strings.LastIndex(raw, "</"); end >= 0 {
					u.TargetRaw, u.TargetLine, u.TargetCol = raw[:end], textLine, textCol
				}
			case "note":
				u.Notes = append(u.Notes, Note{From: attrOf(t, "from"), Text: s})
			}
		case xml.EndElement:
			if t.Name.Local == "trans-unit" {
				return escapedCodes(u)
			}
		}
	}
}

// unindent undoes a tool's pretty-printing of a unit whose white space is
// not preserved (xml:space="default", XLIFF 1.2 section 2.3.1; briefs
// writes "preserve"): each run of white space that holds a line break
// becomes one space, and at the ends, nothing. Runs on one line, a double
// space, are the translator's and stay.
func unindent(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && strings.IndexByte(" \t\r\n", s[j]) >= 0 {
			j++
		}
		if j == i {
			b.WriteByte(s[i])
			i++
			continue
		}
		run := s[i:j]
		switch {
		case !strings.ContainsAny(run, "\n\r"):
			b.WriteString(run)
		case i > 0 && j < len(s):
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// inlineTag matches an XLIFF 1.2 inline element written as text. It is
// compiled on first use: a build reads no XLIFF.
var inlineTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`</?(ph|x|g|bpt|ept|it|bx|ex|sub|mrk)\b[^<>]*>`) })

// escapedCodes refuses a target that holds XLIFF inline tags as text
// (&lt;ph id="1"&gt;) that its source does not: a tool escaped the
// placeholders it was given, and the PDF would print the tags.
func escapedCodes(u *Unit) error {
	tag := inlineTag().FindString(u.Target)
	if tag == "" || strings.Contains(u.Source, tag) {
		return nil
	}
	return &Error{Line: u.Line, Col: u.Col, Msg: fmt.Sprintf("the target holds the tag %s as text", tag),
		Hint: "the tool escaped a placeholder: in the CAT tool, insert the source's placeholders as tags, not typed text"}
}

// content reads an element's text to its end. Inline codes give back
// their text: a <ph> holds the native code (spec 2.4.2). A tool may write
// a code of the source as an empty <ph id="1"/> or as <x id="1"/>; both
// become the source's code of that id.
func (r *reader) content(codes map[string]string, source bool) (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		line, col := r.inputPos()
		tok, err := r.d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if paired[t.Name.Local] {
				// Formatting codes of another tool's source (spec 2.4.3):
				// their content is native code, not text, and briefs has
				// nothing to map it to.
				return "", &Error{Line: line, Col: col, Msg: fmt.Sprintf("<%s> is a formatting code, which briefs never writes", t.Name.Local),
					Hint: "remove the tag in the CAT tool; bold and italics are **text** and *text* in the translation"}
			}
			if t.Name.Local == "g" {
				// A generic group (spec 2.4.1) is formatting a CAT tool
				// applied; dropping the tag would lose it without a word.
				return "", &Error{Line: line, Col: col, Msg: "<g> is a formatting group, which briefs never writes",
					Hint: "remove the formatting in the CAT tool; bold and italics are **text** and *text* in the translation"}
			}
			if t.Name.Local == "ph" || t.Name.Local == "x" {
				s, err := r.code(t, codes, source)
				if err != nil {
					return "", err
				}
				if s == "" && !source {
					return "", &Error{Line: line, Col: col, Msg: fmt.Sprintf("<%s id=%q> stands for no code of the source", t.Name.Local, attrOf(t, "id")),
						Hint: "copy the placeholders from the source (ids " + idList(codes) + "), or delete this one"}
				}
				b.WriteString(s)
				continue
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return b.String(), nil
}

// paired are XLIFF 1.2's paired and isolated codes (spec 2.4.3).
var paired = map[string]bool{"bpt": true, "ept": true, "it": true, "bx": true, "ex": true}

// code reads one <ph> or <x> placeholder to its end.
func (r *reader) code(t xml.StartElement, codes map[string]string, source bool) (string, error) {
	id := attrOf(t, "id")
	var inner strings.Builder
	for depth := 1; depth > 0; {
		tok, err := r.d.Token()
		if err != nil {
			return "", err
		}
		switch x := tok.(type) {
		case xml.CharData:
			inner.Write(x)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	s := inner.String()
	if source && id != "" {
		codes[id] = s
	}
	if s == "" {
		s = codes[id]
	}
	return s, nil
}

// attrOf is the value of t's attribute name in no namespace, as XLIFF
// 1.2 writes its own: a tool's attribute of the same local name in its
// own namespace (Okapi's its:version="2.0", SDL's sdl:approved, memoQ's
// mq:resname) is the tool's, and says nothing of XLIFF's.
func attrOf(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// idList names the ids of a unit's source codes, for a hint.
func idList(codes map[string]string) string {
	ids := slices.Sorted(maps.Keys(codes))
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}
