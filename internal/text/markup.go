package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/manuscript"
)

// Markup is the inline syntax of message text: *emphasis*, **strong** and
// [text](uri). Bare URLs and e-mail addresses become links. It is a small
// subset of CommonMark's inline rules, chosen because translators can type
// it in any editor and it survives translation tools.
//
// ParseInline returns the spans, or an error naming the byte offset of
// unbalanced markup.
func ParseInline(s string) ([]manuscript.Span, error) { return parseInline(s, nil) }

// ParseInlineStrays is ParseInline that also returns the offsets of the
// ** runs the flanking rules leave as text, which print as two asterisks
// ("** word**", "word ** next"): check compares them with the English's,
// from the one parse.
func ParseInlineStrays(s string) (spans []manuscript.Span, strays []int, err error) {
	spans, err = parseInline(s, func(i int) { strays = append(strays, i) })
	return spans, strays, err
}

// parseInline is ParseInline that calls literal, when it is not nil,
// with the offset of each ** run it keeps as text.
func parseInline(s string, literal func(offset int)) ([]manuscript.Span, error) {
	var spans []manuscript.Span
	var strong, emph bool
	var strongAt, emphAt int // where the open ** and * are
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			spans = append(spans, autolink(manuscript.Span{Text: buf.String(), Strong: strong, Emph: emph})...)
			buf.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], `\*`) || strings.HasPrefix(s[i:], `\[`) || strings.HasPrefix(s[i:], `\]`) || strings.HasPrefix(s[i:], `\\`):
			buf.WriteByte(s[i+1])
			i += 2
		case strings.HasPrefix(s[i:], "**"):
			if !delimits(s, i, 2, strong) {
				if literal != nil {
					literal(i)
				}
				buf.WriteString("**") // a run is text as a whole ("a ** b")
				i += 2
				continue
			}
			flush()
			strong, strongAt = !strong, i
			i += 2
		case s[i] == '*' && delimits(s, i, 1, emph):
			flush()
			emph, emphAt = !emph, i
			i++
		case s[i] == '[' && literalBracket(s[i:]):
			buf.WriteByte('[') // [2], [sic], [^1]: text, as CommonMark reads them
			i++
		case s[i] == '[':
			label, uri, n, ok := parseLink(s[i:])
			if !ok {
				return nil, &MarkupError{Offset: i, Msg: "'[' starts no [text](uri) link"}
			}
			flush()
			spans = append(spans, manuscript.Span{Text: unescape(label), Strong: strong, Emph: emph, Link: uri})
			i += n
		default:
			buf.WriteByte(s[i])
			i++
		}
	}
	flush()
	switch {
	case strong:
		return nil, &MarkupError{Offset: strongAt, Msg: "unclosed **"}
	case emph:
		return nil, &MarkupError{Offset: emphAt, Msg: "unclosed *"}
	}
	return spans, nil
}

// delimits reports whether the n asterisks at s[i:] open emphasis (when
// none is open) or close it, by CommonMark's flanking rules (spec 0.31,
// "Emphasis and strong emphasis"): an opener is left-flanking, not
// followed by white space, nor by punctuation unless white space,
// punctuation or a letter of a script without word spaces (wordEdge)
// precedes it; a closer is right-flanking, the mirror image.
// The start and end of the text count as white space. Other asterisks
// are text: "grade A* schools", "5 * 4", a "* " typed as a bullet (they
// used to open or close emphasis and vanish from the PDF).
func delimits(s string, i, n int, open bool) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+n:])
	if i == 0 {
		before = ' '
	}
	if i+n == len(s) {
		after = ' '
	}
	if open { // closing: right-flanking
		return !unicode.IsSpace(before) && (!punct(before) || wordEdge(after) || punct(after))
	}
	return !unicode.IsSpace(after) && (!punct(after) || wordEdge(before) || punct(before))
}

// wordEdge reports whether r may stand where a word ends, for the
// flanking rules: white space, or a letter of a script written without
// spaces between words (Thai, Lao, Khmer, Burmese), where emphasis of a
// quotation or a figure meets the word before it: คำว่า*“ไทย”*หมายถึง,
// ราคา*100%*ของ. CommonMark, made for space-separated text, would leave
// those asterisks unmatched.
func wordEdge(r rune) bool {
	return unicode.IsSpace(r) || unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// punct is CommonMark's Unicode punctuation character: general category
// P or S.
func punct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// MarkupError is markup that does not parse, at a byte offset of the
// text: where the link or the unclosed emphasis begins.
type MarkupError struct {
	Offset int
	Msg    string
}

func (e *MarkupError) Error() string { return e.Msg }

// MarkupHint is the hint for a MarkupError in a catalogue. A literal * is
// written \\* there: TOML and PO strings write a backslash as \\, and a
// lone \* is an escape neither knows (a proof's plain text writes \*).
const MarkupHint = `markup is *emphasis*, **strong** and [text](https://…); for a literal * or [ write \\* or \\[ in the TOML file (the backslash written twice, as TOML escapes it)`

// PlainMarkupHint is MarkupHint for plain text (a proof's lines) and
// XLIFF, whose XML writes a backslash as itself: a literal * is \*.
const PlainMarkupHint = `markup is *emphasis*, **strong** and [text](https://…); write \* or \[ for a literal * or [`

// StrayStrongHint is the hint for ** that opens and closes nothing in a
// catalogue's translation, and PlainStrayStrongHint the same for XLIFF.
const (
	StrayStrongHint      = `write **word** with no space inside the asterisks; for literal asterisks write \\*\\* in the TOML file (each backslash written twice, as TOML escapes it)`
	PlainStrayStrongHint = `write **word** with no space inside the asterisks; for literal asterisks write \*\*`
)

// PlainHint returns the form of a catalogue's markup hint for text whose
// format writes a backslash as itself (XLIFF), and other hints as they are.
func PlainHint(hint string) string {
	switch hint {
	case MarkupHint:
		return PlainMarkupHint
	case StrayStrongHint:
		return PlainStrayStrongHint
	}
	return hint
}

// unescape gives a link's words as they read: \* \[ \] and \\ are the
// characters themselves, as in the rest of the text.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\*`, "*", `\[`, "[", `\]`, "]", `\\`, `\`).Replace(s)
}

// closingBracket returns the index in s, which starts with '[', of the
// ']' that closes it, brackets nested inside counted (a link reading
// "the report [PDF]"), or -1.
func closingBracket(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // an escaped bracket is no bracket
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// literalBracket reports whether the [ that s starts with is text, as
// CommonMark reads it: the ] that closes it is followed neither by ( nor,
// after spaces, by a parenthesis that holds an address ("[2]", "[sic]",
// "[2] (ILO, 2019)": a citation or an editor's note). "[text] (https://…)"
// and "[text](uri" are links gone wrong, and an [ that nothing closes is
// reported too.
func literalBracket(s string) bool {
	end := closingBracket(s)
	if end < 0 {
		return false
	}
	rest := s[end+1:]
	if strings.HasPrefix(rest, "(") {
		return false
	}
	after := strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(after, "(") {
		return true
	}
	inner, _, _ := strings.Cut(after[1:], ")")
	inner = strings.TrimSpace(inner)
	uri, _, _ := strings.Cut(inner, " ")
	return !strings.Contains(uri, "://") && !strings.HasPrefix(uri, "mailto:") && !strings.HasPrefix(uri, "www.")
}

// parseLink reads [label](uri) at the start of s: the label up to the ]
// that closes it, nested brackets counted, then (uri) right after. The
// URI may hold balanced parentheses, as Wikipedia's do:
// /wiki/Mekong_(river).
func parseLink(s string) (label, uri string, n int, ok bool) {
	close := closingBracket(s)
	if close < 0 || !strings.HasPrefix(s[close+1:], "(") {
		return "", "", 0, false
	}
	depth := 0
	for i := close + 2; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return s[1:close], s[close+2 : i], i + 1, true
			}
			depth--
		case ' ', '\n', '\t':
			return "", "", 0, false
		}
	}
	return "", "", 0, false
}

// SafeLink reports whether a URI may become a link action: http, https
// and mailto only. javascript:, file: and the rest are refused.
func SafeLink(uri string) bool {
	scheme, rest, ok := strings.Cut(uri, ":")
	if !ok || rest == "" {
		return false
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		return strings.HasPrefix(rest, "//") && len(rest) > 2
	case "mailto":
		return strings.Contains(rest, "@")
	}
	return false
}

var autoLinkRE = regexp.MustCompile(`https?://[^\s<>]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

// trimURL drops what follows a bare URL in prose: closing punctuation, and
// a closing parenthesis the URL did not open.
func trimURL(t string) string {
	for {
		cut := trailingPunct(t)
		if cut == 0 && strings.HasSuffix(t, ")") && strings.Count(t, ")") > strings.Count(t, "(") {
			cut = 1
		}
		if cut == 0 {
			return t
		}
		t = t[:len(t)-cut]
	}
}

// trailingPunct is the length of the sentence punctuation ending s, or 0.
func trailingPunct(s string) int {
	for _, p := range []string{".", ",", ";", ":", "!", "?", "'", `"`, "(", "។", "៕", "။", "၊"} {
		if strings.HasSuffix(s, p) {
			return len(p)
		}
	}
	return 0
}

// autolink splits a span at bare URLs and e-mail addresses.
func autolink(sp manuscript.Span) []manuscript.Span {
	// Every match has "://" or "@": text with neither, most of it, skips
	// the regular expression (a tenth of evaluating a brief).
	if !strings.Contains(sp.Text, "://") && !strings.Contains(sp.Text, "@") {
		return []manuscript.Span{sp}
	}
	locs := autoLinkRE.FindAllStringIndex(sp.Text, -1)
	if len(locs) == 0 {
		return []manuscript.Span{sp}
	}
	var out []manuscript.Span
	last := 0
	for _, l := range locs {
		t := sp.Text[l[0]:l[1]]
		if strings.Contains(t, "://") {
			t = trimURL(t)
			l[1] = l[0] + len(t)
		}
		if len(t) <= len("https://") && strings.Contains(t, "://") {
			continue
		}
		if l[0] > last {
			out = append(out, manuscript.Span{Text: sp.Text[last:l[0]], Strong: sp.Strong, Emph: sp.Emph})
		}
		uri := t
		if !strings.Contains(t, "://") {
			uri = "mailto:" + t
		}
		out = append(out, manuscript.Span{Text: t, Strong: sp.Strong, Emph: sp.Emph, Link: uri})
		last = l[1]
	}
	if last < len(sp.Text) {
		out = append(out, manuscript.Span{Text: sp.Text[last:], Strong: sp.Strong, Emph: sp.Emph})
	}
	return out
}

// Plain returns the text of spans without markup, as a reader copies it.
func Plain(spans []manuscript.Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// EscapeInline escapes the characters that ParseInline reads as markup, so
// that s comes back as plain text.
func EscapeInline(s string) string {
	return inlineEscaper.Replace(s)
}

var inlineEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `[`, `\[`)

// Clean turns tabs and line breaks into spaces: to a reader they are
// spaces, and no face has a glyph for them. A TOML multi-line string
// (in triple quotes) brings line breaks into a message, often one
// before the closing quotes; breaks at either end are dropped.
func Clean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return cleaner.Replace(strings.Trim(s, "\r\n"))
}

var cleaner = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ")
