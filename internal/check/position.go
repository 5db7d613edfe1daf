package check

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// textPos returns the position of byte offset off of a message form's
// text, for findings inside the text. It decodes the TOML string on the
// field's line, escapes included, so that Col points at the character
// itself. For multi-line strings it falls back to the field's position.
func (c *checker) textPos(m *catalog.Message, form string, off int) diag.Pos {
	lines := c.fileLines(m.Pos.File)
	p := catalog.FieldPos(lines, m.Pos, form)
	if p.Line < 1 || p.Line > len(lines) || p == m.Pos {
		return p
	}
	line := lines[p.Line-1]
	eq := strings.IndexByte(line, '=')
	if eq < 0 {
		return p
	}
	q := eq + 1
	for q < len(line) && (line[q] == ' ' || line[q] == '\t') {
		q++
	}
	if q >= len(line) || strings.HasPrefix(line[q:], `"""`) || strings.HasPrefix(line[q:], `'''`) {
		return p
	}
	quote := line[q]
	if quote != '"' && quote != '\'' {
		return p
	}
	i, decoded := q+1, 0
	for i < len(line) && decoded < off {
		if quote == '"' && line[i] == '\\' && i+1 < len(line) {
			n, width := escapeLen(line[i:])
			i += n
			decoded += width
			continue
		}
		_, n := utf8.DecodeRuneInString(line[i:])
		i += n
		decoded += n
	}
	return diag.Pos{File: p.File, Line: p.Line, Col: utf8.RuneCountInString(line[:i]) + 1}
}

// escapeLen returns the length of the TOML escape at the start of s and
// the number of bytes it decodes to.
func escapeLen(s string) (raw, decoded int) {
	switch s[1] {
	case 'u', 'U':
		n := 4
		if s[1] == 'U' {
			n = 8
		}
		if len(s) >= 2+n {
			if v, err := strconv.ParseUint(s[2:2+n], 16, 32); err == nil {
				return 2 + n, utf8.RuneLen(rune(v))
			}
		}
		return 2, 1
	default:
		return 2, 1
	}
}

// formNames lists CLDR plural categories in CLDR order.
var formNames = []string{"zero", "one", "two", "few", "many", "other"}

// eachForm calls fn for every plural form of m, in CLDR order.
func eachForm(m *catalog.Message, fn func(form, text string)) {
	for _, f := range formNames {
		if t, ok := m.Forms[f]; ok {
			fn(f, t)
		}
	}
}
