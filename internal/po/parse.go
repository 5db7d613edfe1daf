package po

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a syntax error at a line and column of a PO file.
type Error struct {
	Line, Col int
	Msg, Hint string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// parser reads a PO file line by line.
type parser struct {
	f     *File
	cur   *Entry
	field *string // the string that continuation lines extend
	// more holds field's continuation lines until the field ends
	// (commit): adding each to the string copied all before it, and a
	// msgstr of 100,000 lines took 40 s.
	more  []string
	spans *[]Span // where field's strings are, for a msgstr form
	line  int
	text  string // the line being read, for columns
}

// Parse reads a PO file. Obsolete (#~) entries are returned, marked.
func Parse(data []byte) (*File, error) {
	p := &parser{f: &File{}}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	for i, raw := range strings.Split(text, "\n") {
		p.line = i + 1
		p.text = strings.TrimRight(raw, "\r")
		if err := p.parseLine(p.text); err != nil {
			return nil, err
		}
	}
	p.flush()
	return p.f, p.header()
}

func (p *parser) entry() *Entry {
	if p.cur == nil {
		p.cur = &Entry{Line: p.line}
	}
	return p.cur
}

// commit ends the current field: its continuation lines join it.
func (p *parser) commit() {
	if p.field != nil && len(p.more) > 0 {
		*p.field += strings.Join(p.more, "")
	}
	p.more = p.more[:0]
}

// flush ends the current entry.
func (p *parser) flush() {
	p.commit()
	if p.cur != nil {
		p.f.Entries = append(p.f.Entries, p.cur)
	}
	p.cur, p.field, p.spans = nil, nil, nil
}

func (p *parser) parseLine(l string) error {
	t := strings.TrimSpace(l)
	switch {
	case t == "" && p.cur != nil && p.field == nil && !p.cur.Obsolete:
		// Comments, then a blank line, then the entry: a translator
		// who deleted a "#, fuzzy" line in an editor left it blank.
		// msgcat and msgfmt give the comments to the entry after the
		// blank line, and so does this.
		return nil
	case t == "":
		p.flush()
		return nil
	case strings.HasPrefix(t, "#") && p.cur != nil && len(p.cur.Str) > 0 && !p.cur.Obsolete:
		p.flush() // a comment after msgstr starts the next entry
		return p.parseLine(l)
	case strings.HasPrefix(t, "#~"):
		if p.cur != nil && !p.cur.Obsolete && len(p.cur.Str) > 0 {
			p.flush() // an obsolete entry right after a live one
		}
		p.entry().Obsolete = true
		// Its text is read as far as it can be, for a caller that tells
		// of the work kept there (msgmerge sets a translation aside so);
		// msgfmt ignores obsolete entries, and so do their errors here.
		if rest := strings.TrimSpace(t[2:]); rest != "" && !strings.HasPrefix(rest, "|") {
			_ = p.keywordLine(rest, false)
			p.entry().Obsolete = true
		}
		return nil
	case p.cur != nil && p.cur.Obsolete:
		// A live line right after an obsolete entry, with no blank line
		// between (msgcat and msgfmt read it so): the obsolete one ends.
		p.flush()
		return p.parseLine(l)
	case strings.HasPrefix(t, "#|"):
		return p.keywordLine(strings.TrimSpace(t[2:]), true)
	case strings.HasPrefix(t, "#"):
		if i := strings.IndexFunc(t, isControl); i >= 0 {
			r, _ := utf8.DecodeRuneInString(t[i:])
			return p.errorf(p.col(t[i:]), fmt.Sprintf("a comment holds the control character U+%04X", r),
				"delete it: a comment is text, and the catalogue cannot keep it")
		}
		p.comment(t)
		return nil
	}
	return p.keywordLine(t, false)
}

// isControl reports a C0 or C1 control character or DEL, a tab aside:
// Poedit or a paste from Word can leave a vertical tab or form feed in a
// comment, which no TOML comment may hold (TOML 1.0, "Comment").
func isControl(r rune) bool { return r != '\t' && unicode.IsControl(r) }

func (p *parser) comment(t string) {
	e := p.entry()
	text := func(n int) string { return strings.TrimPrefix(t[n:], " ") }
	switch {
	case strings.HasPrefix(t, "#."):
		e.Extracted = append(e.Extracted, text(2))
	case strings.HasPrefix(t, "#:"):
		e.References = append(e.References, strings.Fields(t[2:])...)
	case strings.HasPrefix(t, "#,"):
		for _, f := range strings.Split(t[2:], ",") {
			if f = strings.TrimSpace(f); f != "" {
				e.Flags = append(e.Flags, f)
			}
		}
	default:
		e.Comments = append(e.Comments, text(1))
		e.CommentLines = append(e.CommentLines, p.line)
	}
}

// keywordLine reads `keyword "string"` or a continuation `"string"`.
func (p *parser) keywordLine(t string, prev bool) error {
	if strings.HasPrefix(t, `"`) {
		if p.field == nil {
			return p.errorf(1, "a string with no keyword before it", `start the entry with msgid "…"`)
		}
		s, err := p.unquote(t)
		p.more = append(p.more, s)
		p.span(t)
		return err
	}
	p.commit()
	kw, rest := t, "" // the keyword ends at a space or a tab
	if i := strings.IndexAny(t, " \t"); i >= 0 {
		kw, rest = t[:i], t[i+1:]
	}
	if !prev && (kw == "msgctxt" || kw == "msgid") && p.cur != nil && len(p.cur.Str) > 0 {
		p.flush() // an entry without the blank line before it
	}
	p.spans = nil
	f, err := p.target(kw, prev)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(rest)
	s, err := p.unquote(q)
	*f = s
	p.field = f
	p.span(q)
	return err
}

// span records where a quoted string q of the current line is, when it
// belongs to a msgstr form.
func (p *parser) span(q string) {
	if p.spans != nil && len(q) >= 2 {
		*p.spans = append(*p.spans, Span{Line: p.line, Col: p.col(q) + 1, Raw: q[1 : len(q)-1]})
	}
}

// col is the column (in characters, 1-based) of the line where s, a
// piece of it, starts.
func (p *parser) col(s string) int {
	if i := strings.LastIndex(p.text, s); i >= 0 {
		return utf8.RuneCountInString(p.text[:i]) + 1
	}
	return 1
}

// target returns the field a keyword sets.
func (p *parser) target(kw string, prev bool) (*string, error) {
	e := p.entry()
	if prev {
		switch kw {
		case "msgid":
			return &e.PrevID, nil
		case "msgid_plural":
			return &e.PrevPlural, nil
		case "msgctxt":
			e.HasPrevContext = true
			return &e.PrevContext, nil
		}
		return nil, p.errorf(1, "unknown keyword "+strconv.Quote(kw)+" after #|", "#| holds msgctxt, msgid or msgid_plural")
	}
	switch {
	case kw == "msgctxt":
		e.HasContext = true
		return &e.Context, nil
	case kw == "msgid":
		return &e.ID, nil
	case kw == "msgid_plural":
		e.IsPlural = true
		return &e.Plural, nil
	case kw == "msgstr":
		if e.IsPlural {
			// msgfmt: "missing 'msgstr[0]' section"; the forms would be
			// read as one.
			return nil, p.errorf(1, "plain msgstr in an entry with msgid_plural",
				"a plural entry takes msgstr[0], msgstr[1]…, one line per plural form")
		}
		e.StrLine = p.line
		e.Str = append(e.Str, "")
		e.StrSpans = append(e.StrSpans, nil)
		p.spans = &e.StrSpans[len(e.StrSpans)-1]
		return &e.Str[len(e.Str)-1], nil
	case strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]"):
		if !e.IsPlural {
			// msgfmt: "missing 'msgid_plural' section".
			return nil, p.errorf(1, kw+" in an entry without msgid_plural",
				"an entry that is not plural takes one plain msgstr")
		}
		n, err := strconv.Atoi(kw[7 : len(kw)-1])
		if err != nil || n != len(e.Str) {
			return nil, p.errorf(1, "msgstr index "+kw+" out of order", "number the forms msgstr[0], msgstr[1]… in order")
		}
		if n == 0 {
			e.StrLine = p.line
		}
		e.Str = append(e.Str, "")
		e.StrSpans = append(e.StrSpans, nil)
		p.spans = &e.StrSpans[n]
		return &e.Str[n], nil
	}
	return nil, p.errorf(1, "unknown keyword "+strconv.Quote(kw), "PO keywords: msgctxt, msgid, msgid_plural, msgstr, msgstr[n]")
}

func (p *parser) errorf(col int, msg, hint string) error {
	return &Error{Line: p.line, Col: col, Msg: msg, Hint: hint}
}

// unquote reads one C string literal (GNU gettext manual: PO strings use
// C's escapes), a piece of the current line: its errors give the column
// in the line.
func (p *parser) unquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", p.errorf(p.col(s), "expected a quoted string, found "+strconv.Quote(s), `write the text as "…", escaping " and \ with a backslash`)
	}
	var b strings.Builder
	body := s[1 : len(s)-1]
	at := func(i int) int { return p.col(s) + 1 + utf8.RuneCountInString(body[:i]) } // column of body[i]
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '"' {
			return "", p.errorf(at(i), "unescaped quote inside a string", `write \" for a quote`)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(body) {
			return "", p.errorf(at(i), "the string ends with a lone backslash", `write \\ for a backslash`)
		}
		v, n := escape(body[i:])
		if n == 0 {
			return "", p.errorf(at(i), "unknown escape \\"+string(body[i+1]), `PO strings know \n, \t, \", \\, and octal \101 or hex \x41`)
		}
		b.WriteByte(v)
		i += n - 1
	}
	return b.String(), nil
}

// escape reads the C escape sequence at the start of s (a backslash and
// what follows, ISO C 6.4.4.4, as msgfmt reads them): the byte it stands
// for and its length, or a length of 0 for none C knows.
func escape(s string) (byte, int) {
	if len(s) < 2 {
		return 0, 0
	}
	if v, ok := map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v', '\'': '\'', '?': '?'}[s[1]]; ok {
		return v, 2
	}
	digits, base, max := "01234567", 8, 3
	n := 1
	if s[1] == 'x' {
		digits, base, max, n = "0123456789abcdefABCDEF", 16, 2, 2
	}
	start := n
	v := 0
	for n < len(s) && n-start < max && strings.IndexByte(digits, s[n]) >= 0 {
		d, _ := strconv.ParseUint(s[n:n+1], base, 8)
		v = v*base + int(d)
		n++
	}
	if n == start || v > 0xFF {
		return 0, 0
	}
	return byte(v), n
}

// header moves the msgid "" entry into File.Header.
func (p *parser) header() error {
	if len(p.f.Entries) == 0 || p.f.Entries[0].ID != "" || p.f.Entries[0].HasContext {
		return nil
	}
	h := p.f.Entries[0]
	p.f.Entries = p.f.Entries[1:]
	for _, l := range strings.Split(first(h.Str), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			p.f.Header = append(p.f.Header, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
		}
	}
	return nil
}
