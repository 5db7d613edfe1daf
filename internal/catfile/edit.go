package catfile

import (
	"errors"
	"strings"
)

// ErrMultiline is returned when SetValue is to replace a multi-line
// string: such a value is a person's layout, left for a person to edit
// (Set replaces it).
var ErrMultiline = errors.New("the value is a multi-line string")

// line makes a new line with the file's ending.
func (d *Doc) line(s string) string { return s + d.EOL }

// eolOf is the line ending of table t: its header's, so that an entry
// pasted with CR LF into a file of LF (or the other way round) keeps its
// own ends where sync rewrites its lines, else the file's.
func (d *Doc) eolOf(t *Table) string {
	switch h := t.Lines[0]; {
	case strings.HasSuffix(h, "\r\n"):
		return "\r\n"
	case strings.HasSuffix(h, "\n"):
		return "\n"
	}
	return d.EOL
}

// lineOf makes a new line of table t, with t's ending (eolOf).
func (d *Doc) lineOf(t *Table, s string) string { return s + d.eolOf(t) }

// KeyLine returns the index in t.Lines of the line that sets key, or -1.
func (t *Table) KeyLine(key string) int {
	for i := 1; i < len(t.Lines); i++ {
		if k, _, ok := splitKey(t.Lines[i]); ok && k == key {
			return i
		}
	}
	return -1
}

// splitKey reads "key = value" and returns the key and the offset of the
// value in the line.
func splitKey(line string) (string, int, bool) {
	l := trimEOL(line)
	lead := len(l) - len(strings.TrimLeft(l, " \t"))
	if lead == len(l) || l[lead] == '#' || l[lead] == '[' {
		return "", 0, false
	}
	k, n, ok := keyPart(l[lead:])
	if !ok {
		return "", 0, false
	}
	rest := l[lead+n:]
	eq := len(rest) - len(strings.TrimLeft(rest, " \t"))
	if eq >= len(rest) || rest[eq] != '=' {
		return "", 0, false
	}
	v := lead + n + eq + 1
	v += len(l[v:]) - len(strings.TrimLeft(l[v:], " \t"))
	return k, v, true
}

// valueEnd returns the end offset of the value starting at v in l.
func valueEnd(l string, v int) (int, error) {
	s := l[v:]
	switch {
	case strings.HasPrefix(s, `"""`), strings.HasPrefix(s, "'''"):
		return 0, ErrMultiline
	case strings.HasPrefix(s, `"`):
		if n := basicEnd(s); n > 0 {
			return v + n, nil
		}
	case strings.HasPrefix(s, "'"):
		if i := strings.IndexByte(s[1:], '\''); i >= 0 {
			return v + i + 2, nil
		}
	default:
		end := len(s)
		if i := strings.IndexByte(s, '#'); i >= 0 {
			end = i
		}
		return v + len(strings.TrimRight(s[:end], " \t")), nil
	}
	return 0, errors.New("the value has no closing quote")
}

// HasComment reports whether the line that sets key ends with a comment
// of its own ("hash = …  # checked by Dara").
func (t *Table) HasComment(key string) bool {
	i := t.KeyLine(key)
	if i < 0 {
		return false
	}
	l := trimEOL(t.Lines[i])
	_, v, _ := splitKey(l)
	end, err := valueEnd(l, v)
	return err == nil && strings.Contains(l[end:], "#")
}

// SetValue replaces the value of a key that t already sets with a TOML
// string, keeping the spacing and any end-of-line comment around it. It
// reports whether the line changed. A multi-line value is left as it is
// (ErrMultiline): check --fix leaves a person's layout alone.
func (d *Doc) SetValue(t *Table, key, value string) (bool, error) {
	return d.setValue(t, key, value, false)
}

func (d *Doc) setValue(t *Table, key, value string, flatten bool) (bool, error) {
	i := t.KeyLine(key)
	if i < 0 {
		return false, errors.New("no key " + key)
	}
	l := t.Lines[i]
	_, v, _ := splitKey(l)
	end, err := valueEnd(trimEOL(l), v)
	if errors.Is(err, ErrMultiline) && flatten {
		return d.setMultiline(t, i, v, value)
	}
	if err != nil {
		return false, err
	}
	nl := l[:v] + Quote(value) + l[end:]
	t.Lines[i] = nl
	return nl != l, nil
}

// setMultiline replaces a multi-line string ("""…""", or its literal form in apostrophes) that
// starts at offset v of line i with a one-line string, keeping what
// follows its closing quotes: a translator who edits the TOML by hand may
// write a long text so, and an import of that message was refused whole.
func (d *Doc) setMultiline(t *Table, i, v int, value string) (bool, error) {
	delim := t.Lines[i][v : v+3]
	k, after, ok := multiEnd(t.Lines, i, v+3, delim)
	if !ok {
		return false, ErrMultiline
	}
	nl := t.Lines[i][:v] + Quote(value) + t.Lines[k][after:]
	if !strings.HasSuffix(nl, "\n") {
		nl += d.EOL
	}
	t.Lines = append(t.Lines[:i], append([]string{nl}, t.Lines[k+1:]...)...)
	return true, nil
}

// multiEnd finds the closing delimiter of a multi-line string whose text
// starts at offset from of line i: the line, and the offset just past
// the delimiter (TOML 1.0: up to two quotes of the text may stand right
// before it). In a basic string a backslash escapes what follows.
func multiEnd(lines []string, i, from int, delim string) (int, int, bool) {
	for k := i; k < len(lines); k++ {
		l := lines[k]
		j := 0
		if k == i {
			j = from
		}
		for j < len(l) {
			switch {
			case delim == `"""` && l[j] == '\\':
				j += 2
			case strings.HasPrefix(l[j:], delim):
				end := j + 3
				for n := 0; n < 2 && end < len(l) && l[end] == delim[0]; n++ {
					end++
				}
				return k, end, true
			default:
				j++
			}
		}
	}
	return 0, 0, false
}

// Set sets key to value: in place when t has the key, else as a new line
// after t's last key (or after its owned comments). A multi-line value is
// replaced by a one-line string: sync and import set what a translator's
// file or the English says, and refused the whole file before.
func (d *Doc) Set(t *Table, key, value string) (bool, error) {
	if t.KeyLine(key) >= 0 {
		return d.setValue(t, key, value, true)
	}
	d.insertLines(t, t.bodyEnd(), d.lineOf(t, key+" = "+Quote(value)))
	return true, nil
}

// SetBefore is Set that puts a new key on the line before the first of
// the keys next that t has: the hash a review took away goes back above
// the forms, where sync writes it, so that a file reviewed twice reads as
// it did before.
func (d *Doc) SetBefore(t *Table, key, value string, next ...string) (bool, error) {
	if t.KeyLine(key) >= 0 {
		return d.setValue(t, key, value, true)
	}
	at := -1
	for _, k := range next {
		if i := t.KeyLine(k); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return d.Set(t, key, value)
	}
	d.insertLines(t, at, d.lineOf(t, key+" = "+Quote(value)))
	return true, nil
}

// Delete removes the line of a key. The value must be on one line.
func (d *Doc) Delete(t *Table, key string) bool {
	i := t.KeyLine(key)
	if i < 0 {
		return false
	}
	t.Lines = append(t.Lines[:i], t.Lines[i+1:]...)
	return true
}

// bodyEnd is the index after t's last line that is neither blank nor a
// comment: the comments and blank lines after it lead to the next table.
func (t *Table) bodyEnd() int {
	end := 1
	for i := 1; i < len(t.Lines); i++ {
		s := strings.TrimSpace(t.Lines[i])
		if s != "" && !strings.HasPrefix(s, "#") {
			end = i + 1
		}
	}
	for end < len(t.Lines) && IsOwned(t.Lines[end]) {
		end++ // owned comments of an entry with no keys yet
	}
	return end
}

func (d *Doc) insertLines(t *Table, at int, lines ...string) {
	if at == len(t.Lines) && at > 0 && !strings.HasSuffix(t.Lines[at-1], "\n") {
		t.Lines[at-1] += d.EOL
	}
	t.Lines = append(t.Lines[:at], append(lines, t.Lines[at:]...)...)
}
