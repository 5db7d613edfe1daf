package catalog

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// langOfPath is the language go-i18n reads from a catalogue's file name
// (name.lang.toml), through lang.PluralTag as pluralPath gives it.
func langOfPath(path string) string {
	parts := strings.Split(filepath.Base(path), ".")
	if len(parts) < 3 {
		return ""
	}
	return lang.PluralTag(parts[len(parts)-2])
}

// parseCanonical reads a catalogue written in the form sync writes, and
// people keep when they edit one: comments, blank lines, a table header
// ["id"] at the start of a line, and under it key = "text" lines whose
// keys are messageKeys, each at most once. It returns false for anything
// else — any other TOML, and anything in this form that is not valid TOML
// or that go-i18n would read otherwise — and parseMessages then takes the
// general path (BurntSushi/toml, tomlpos, go-i18n), which gives the same
// messages at some thirty times the cost (issue 17); the tests and a fuzz
// target hold the two paths equal wherever this one answers.
//
// The grammar is TOML 1.0's (toml.io/en/v1.0.0): basic strings with the
// escapes \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX and no control character
// but tab; comments with no control character but tab; LF line ends.
func parseCanonical(path string, data []byte) ([]*Message, bool) {
	if _, ok := lang.Cardinal(langOfPath(path), 0); !ok {
		return nil, false // go-i18n's path says whether it has a plural rule
	}
	s := string(data)
	var (
		msgs []*Message
		cur  *Message
		seen = map[string]bool{}
	)
	for line := 1; len(s) > 0; line++ {
		text := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			text, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		switch {
		case text == "" || text[0] == '#':
			if !commentOK(text) {
				return nil, false
			}
		case strings.HasPrefix(text, `["`):
			id, rest, ok := basicString(text[1:])
			if !ok || !strings.HasPrefix(rest, "]") || !trailOK(rest[1:]) || seen[id] || id == "" {
				return nil, false
			}
			if len(msgs) == MaxMessages {
				return nil, false // the general path reports the limit
			}
			seen[id] = true
			cur = &Message{ID: id, Pos: diag.Pos{File: path, Line: line, Col: 1}, Forms: map[string]string{}, Fields: map[string]diag.Pos{}}
			msgs = append(msgs, cur)
		default:
			key, value, ok := keyValue(text)
			if !ok || cur == nil {
				return nil, false
			}
			if _, dup := cur.Fields[key]; dup {
				return nil, false
			}
			cur.Fields[key] = diag.Pos{File: path, Line: line, Col: 1}
			switch key {
			case "description":
				cur.Description = value
			case "hash":
				cur.Hash = value
			default:
				if value != "" {
					cur.Forms[key] = value
				}
			}
		}
	}
	for _, m := range msgs {
		if len(m.Fields) == 0 {
			return nil, false // an empty table: go-i18n reads it as no message
		}
		if _, ok := m.Fields["other"]; !ok {
			m.Fields["other"] = m.Pos // where a missing other form is reported
		}
	}
	return msgs, true
}

// keyValue reads `key = "text"` with an optional comment after it.
func keyValue(text string) (key, value string, ok bool) {
	i := strings.Index(text, ` = "`)
	if i < 0 || !contains(messageKeys, text[:i]) {
		return "", "", false
	}
	value, rest, ok := basicString(text[i+3:])
	return text[:i], value, ok && trailOK(rest)
}

// trailOK accepts what may follow a value or header on its line: spaces
// and tabs, then perhaps a comment.
func trailOK(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	return rest == "" || rest[0] == '#' && commentOK(rest)
}

// commentOK reports whether a comment (or an empty line) holds no control
// character but tab, as TOML 1.0 requires.
func commentOK(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// basicString reads a basic string at the start of text (its opening
// quote), returning its value and what follows the closing quote.
func basicString(text string) (value, rest string, ok bool) {
	if !strings.HasPrefix(text, `"`) {
		return "", "", false
	}
	var b strings.Builder
	plain := true
	for i := 1; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '"':
			if plain {
				return text[1:i], text[i+1:], true
			}
			return b.String(), text[i+1:], true
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", "", false
		case c != '\\':
			if !plain {
				b.WriteByte(c)
			}
			continue
		}
		if plain {
			plain = false
			b.WriteString(text[1:i])
		}
		r, n, ok := escape(text[i+1:])
		if !ok {
			return "", "", false
		}
		b.WriteRune(r)
		i += n
	}
	return "", "", false // no closing quote on the line
}

// simpleEscapes are TOML 1.0's one-letter escapes.
var simpleEscapes = map[byte]rune{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', '"': '"', '\\': '\\'}

// escape reads the escape after a backslash: the rune and its length.
func escape(s string) (rune, int, bool) {
	if s == "" {
		return 0, 0, false
	}
	if r, ok := simpleEscapes[s[0]]; ok {
		return r, 1, true
	}
	switch s[0] {
	case 'u', 'U':
		n := 4
		if s[0] == 'U' {
			n = 8
		}
		if len(s) < 1+n {
			return 0, 0, false
		}
		v, err := strconv.ParseUint(s[1:1+n], 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return 0, 0, false
		}
		return rune(v), 1 + n, true
	}
	return 0, 0, false
}
