package catfile

import (
	"strconv"
	"strings"
)

// headerID reads a table header line, [id], ["id"], ['id'] or a dotted
// key [a.b] (which go-i18n reads as the ID "a.b"), with an optional
// end-of-line comment (TOML 1.0, "Table"). Array tables are not headers
// of messages.
func headerID(line string) (string, bool) {
	t := strings.TrimSpace(trimEOL(line))
	if !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[[") {
		return "", false
	}
	var parts []string
	rest := strings.TrimSpace(t[1:])
	for {
		part, n, ok := keyPart(rest)
		if !ok {
			return "", false
		}
		parts = append(parts, part)
		rest = strings.TrimSpace(rest[n:])
		if strings.HasPrefix(rest, ".") {
			rest = strings.TrimSpace(rest[1:])
			continue
		}
		if !strings.HasPrefix(rest, "]") {
			return "", false
		}
		after := strings.TrimSpace(rest[1:])
		if after != "" && !strings.HasPrefix(after, "#") {
			return "", false
		}
		return strings.Join(parts, "."), true
	}
}

// keyPart reads one simple key at the start of s: bare, "basic" or
// 'literal'. It returns the key and the bytes it took.
func keyPart(s string) (string, int, bool) {
	switch {
	case strings.HasPrefix(s, `"`):
		n := basicEnd(s)
		if n < 0 {
			return "", 0, false
		}
		k, err := strconv.Unquote(s[:n])
		if err != nil {
			k = s[1 : n-1]
		}
		return k, n, true
	case strings.HasPrefix(s, "'"):
		i := strings.IndexByte(s[1:], '\'')
		if i < 0 {
			return "", 0, false
		}
		return s[1 : i+1], i + 2, true
	}
	i := 0
	for i < len(s) && (isBare(s[i])) {
		i++
	}
	return s[:i], i, i > 0
}

func isBare(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// basicEnd returns the length of the basic string at the start of s,
// closing quote included, or -1.
func basicEnd(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// multiState returns the open multi-line string delimiter after a line,
// given the one open before it ("" for none).
func multiState(line, open string) string {
	l := trimEOL(line)
	if open != "" {
		if strings.Count(l, open)%2 == 1 {
			return ""
		}
		return open
	}
	t := strings.TrimSpace(l)
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "[") {
		return "" // a comment, or a table's header
	}
	// Only a value that begins with three quotes opens a multi-line
	// string: one written other = "ថៃ '''" holds them in a one-line
	// string, and counting them there took the rest of the file for a
	// string, which sync then filled with duplicate tables.
	_, v, ok := cutKey(t)
	if !ok {
		return ""
	}
	v = strings.TrimLeft(v, " \t")
	for _, q := range []string{`"""`, `'''`} {
		if strings.HasPrefix(v, q) {
			if strings.Contains(v[len(q):], q) {
				return "" // closed on its line
			}
			return q
		}
	}
	return ""
}

// cutKey cuts a key/value line at the = after its key, which may be
// quoted ("a = b" = …), giving the key and the value's text.
func cutKey(t string) (key, value string, ok bool) {
	i := 0
	if i < len(t) && (t[i] == '"' || t[i] == '\'') {
		q := t[i]
		for i++; i < len(t) && t[i] != q; i++ {
			if q == '"' && t[i] == '\\' {
				i++ // an escape in a basic string's key
			}
		}
	}
	i = min(i, len(t))
	j := strings.IndexByte(t[i:], '=')
	if j < 0 {
		return "", "", false
	}
	return t[:i+j], t[i+j+1:], true
}

// Quote writes s as a TOML basic string (TOML 1.0, "String"): quote and
// backslash escaped, control characters as escapes, everything else as is.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7F || r == 0xFFFD {
				b.WriteString(`\u` + strings.ToUpper(strconv.FormatInt(int64(r)+0x10000, 16)[1:]))
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// QuoteKey writes a message ID as a table key: quoted, as sync always did.
func QuoteKey(id string) string { return Quote(id) }
