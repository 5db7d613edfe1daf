package tomlpos

import (
	"slices"
	"strconv"
	"strings"
)

// parser reads TOML just far enough to know where keys are. It follows
// the grammar of TOML 1.0 for keys, headers, strings, arrays and inline
// tables, and skips other values.
type parser struct {
	ix    *Index
	s     string
	i     int
	table []string // the current table's path
	depth int      // nesting of values, bounded against deep input
}

// maxDepth bounds the nesting of values and maxParts the parts of a key
// that are recorded, so that no input costs more than linear time.
const (
	maxDepth = 200
	maxParts = 32
)

func (p *parser) document() {
	for p.i < len(p.s) {
		start := p.i
		p.skipSpace(true)
		if p.i >= len(p.s) {
			return
		}
		switch p.s[p.i] {
		case '[':
			p.header()
		default:
			p.keyValue(p.table)
		}
		p.restOfLine()
		if p.i == start {
			p.i++ // never stall on text that is not TOML
		}
	}
}

// header reads [a.b] or [[a.b]].
func (p *parser) header() {
	at := p.i
	array := strings.HasPrefix(p.s[p.i:], "[[")
	p.i++
	if array {
		p.i++
	}
	key, _ := p.key()
	if array {
		k := strings.Join(key, sep)
		n := p.ix.count[k]
		p.ix.count[k] = n + 1
		key = append(key, strconv.Itoa(n))
	} else {
		key = p.resolve(key)
	}
	for n := 1; n < len(key); n++ {
		p.ix.recordFirst(key[:n], at) // [a.b] defines table a
	}
	p.table = key
	p.ix.record(key, at)
}

// resolve maps a [table] path through earlier arrays of tables: [block.x]
// after [[block]] belongs to the last block.
func (p *parser) resolve(key []string) []string {
	var out []string
	for _, c := range key {
		out = append(out, c)
		if n, ok := p.ix.count[strings.Join(out, sep)]; ok && n > 0 {
			out = append(out, strconv.Itoa(n-1))
		}
	}
	return out
}

// keyValue reads key = value under base.
func (p *parser) keyValue(base []string) {
	at := p.i
	key, ok := p.key()
	if !ok {
		return
	}
	path := append(slices.Clone(base), key...)
	for n := len(base) + 1; n < len(path); n++ {
		p.ix.recordFirst(path[:n], at) // a.b = 1 defines table a
	}
	p.ix.record(path, at)
	p.skipSpace(false)
	if p.i < len(p.s) && p.s[p.i] == '=' {
		p.i++
		p.skipSpace(false)
		p.value(path)
	}
}

// key reads a dotted key of bare and quoted parts.
func (p *parser) key() ([]string, bool) {
	var parts []string
	for {
		p.skipSpace(false)
		if p.i >= len(p.s) {
			break
		}
		part, ok := p.keyPart()
		if !ok {
			break
		}
		if len(parts) < maxParts {
			parts = append(parts, part)
		}
		p.skipSpace(false)
		if p.i < len(p.s) && p.s[p.i] == '.' {
			p.i++
			continue
		}
		break
	}
	// Leave the closing ] or ]] of a header.
	for p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
	}
	return parts, len(parts) > 0
}

func (p *parser) keyPart() (string, bool) {
	switch c := p.s[p.i]; {
	case c == '"' || c == '\'':
		return p.str(), true
	case isBare(c):
		start := p.i
		for p.i < len(p.s) && isBare(p.s[p.i]) {
			p.i++
		}
		return p.s[start:p.i], true
	}
	return "", false
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (p *parser) value(path []string) {
	if p.i >= len(p.s) || p.depth > maxDepth {
		return
	}
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > p.ix.deepest {
		p.ix.deepest = p.depth
		if p.depth <= MaxNesting+1 {
			p.ix.deepAt = p.i // where the nesting first goes too deep
		}
	}
	switch p.s[p.i] {
	case '"', '\'':
		p.ix.values[strings.Join(path, sep)] = p.i
		p.str()
	case '[':
		p.array(path)
	case '{':
		p.inlineTable(path)
	default:
		for p.i < len(p.s) && !strings.ContainsRune(",]}\n#", rune(p.s[p.i])) {
			p.i++
		}
	}
}

func (p *parser) array(path []string) {
	p.i++ // [
	for n := 0; p.i < len(p.s); n++ {
		p.skipSpace(true)
		if p.i >= len(p.s) {
			return
		}
		if p.s[p.i] == ']' {
			p.i++
			return
		}
		at := p.i
		elem := append(slices.Clone(path), strconv.Itoa(n))
		p.ix.record(elem, at)
		p.value(elem)
		p.skipSpace(true)
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
		} else if p.i < len(p.s) && p.s[p.i] != ']' {
			p.i++ // not TOML: step on
		}
	}
}

func (p *parser) inlineTable(path []string) {
	p.i++ // {
	for p.i < len(p.s) {
		p.skipSpace(true)
		if p.i >= len(p.s) {
			return
		}
		switch p.s[p.i] {
		case '}':
			p.i++
			return
		case ',':
			p.i++
			continue
		}
		start := p.i
		p.keyValue(path)
		if p.i == start {
			p.i++
		}
	}
}

// str reads a basic, literal or multi-line string and returns its text
// (escapes of basic strings decoded only as far as keys need).
func (p *parser) str() string {
	q := p.s[p.i]
	if strings.HasPrefix(p.s[p.i:], strings.Repeat(string(q), 3)) {
		p.i += 3
		end := strings.Index(p.s[p.i:], strings.Repeat(string(q), 3))
		for q == '"' && end > 0 && escaped(p.s[p.i:], end) {
			next := strings.Index(p.s[p.i+end+1:], `"""`)
			if next < 0 {
				end = -1
				break
			}
			end += 1 + next
		}
		if end < 0 {
			p.i = len(p.s)
			return ""
		}
		text := p.s[p.i : p.i+end]
		p.i += end + 3
		for p.i < len(p.s) && p.s[p.i] == q { // """a"""" ends with quotes in the text
			p.i++
		}
		return text
	}
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q:
			p.i++
			return b.String()
		case c == '\n':
			return b.String()
		case c == '\\' && q == '"' && p.i+1 < len(p.s):
			p.i += unescape(&b, p.s[p.i:])
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return b.String()
}

// escaped reports whether the quote at s[end] is preceded by an odd
// number of backslashes.
func escaped(s string, end int) bool {
	n := 0
	for j := end - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// skipSpace skips blanks, and with lines also newlines and comments.
func (p *parser) skipSpace(lines bool) {
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == ' ' || c == '\t':
			p.i++
		case lines && (c == '\n' || c == '\r'):
			p.i++
		case lines && c == '#':
			p.skipComment()
		default:
			return
		}
	}
}

func (p *parser) skipComment() {
	if end := strings.IndexByte(p.s[p.i:], '\n'); end >= 0 {
		p.i += end
	} else {
		p.i = len(p.s)
	}
}

// restOfLine skips to the end of the line: a comment, or whatever a
// broken line holds.
func (p *parser) restOfLine() {
	p.skipSpace(false)
	p.skipComment()
}

// unescape writes the character of the escape at the start of s and
// returns the escape's length.
func unescape(b *strings.Builder, s string) int {
	simple := map[byte]byte{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', 'e': 0x1b, '"': '"', '\\': '\\'}
	if r, ok := simple[s[1]]; ok {
		b.WriteByte(r)
		return 2
	}
	n := map[byte]int{'u': 4, 'U': 8, 'x': 2}[s[1]]
	if n > 0 && len(s) >= 2+n {
		if v, err := strconv.ParseUint(s[2:2+n], 16, 32); err == nil {
			b.WriteRune(rune(v))
			return 2 + n
		}
	}
	b.WriteByte(s[1])
	return 2
}
