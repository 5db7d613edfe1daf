package tomlpos

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// TextPos returns the position of byte off of the decoded text of the
// string value at path: the character a finding about the text is about.
// It follows escapes, multi-line strings (the newline after the opening
// quotes is not text; a backslash at the end of a line joins it to the
// next), and literal strings. The bool is false when the path holds no
// string.
func (ix *Index) TextPos(off int, path ...string) (Pos, bool) {
	start, ok := ix.values[strings.Join(path, sep)]
	if !ok {
		return Pos{}, false
	}
	return ix.Offset(rawOffset(ix.data, start, off)), true
}

// TextOffset is TextPos the other way: the byte of the decoded text of
// the string value at path that the character at pos starts, for a
// finding placed in the file that is to be placed in another file that
// holds the same text. The bool is false when the path holds no string
// or pos is not inside it.
func (ix *Index) TextOffset(pos Pos, path ...string) (int, bool) {
	start, ok := ix.values[strings.Join(path, sep)]
	if !ok || pos.Line < 1 || pos.Line > len(ix.lines) {
		return 0, false
	}
	raw := ix.lines[pos.Line-1]
	if pos.Line == 1 {
		raw = ix.bom // a byte-order mark takes no column
	}
	for c := 1; c < pos.Col && raw < len(ix.data) && ix.data[raw] != '\n'; c++ {
		_, n := utf8.DecodeRuneInString(ix.data[raw:])
		raw += n
	}
	if raw <= start {
		return 0, false
	}
	i, decoded := walkString(ix.data, start, func(i, _ int) bool { return i >= raw })
	return decoded, i == raw
}

// rawOffset walks the string that opens at s[start] until off bytes of
// text are decoded, and returns where it is in s.
func rawOffset(s string, start, off int) int {
	i, _ := walkString(s, start, func(_, decoded int) bool { return decoded >= off })
	return i
}

// walkString reads the string that opens at s[start], a character at a time,
// until done says so at raw index i with decoded bytes of text before it,
// or the string ends; it returns where it stopped.
func walkString(s string, start int, done func(i, decoded int) bool) (int, int) {
	q := s[start]
	multi := strings.HasPrefix(s[start:], strings.Repeat(string(q), 3))
	i := start + 1
	if multi {
		i = start + 3
		if strings.HasPrefix(s[i:], "\r\n") {
			i += 2
		} else if strings.HasPrefix(s[i:], "\n") {
			i++
		}
	}
	decoded := 0
	for i < len(s) && !done(i, decoded) {
		c := s[i]
		if c == q && (!multi || strings.HasPrefix(s[i:], strings.Repeat(string(q), 3))) {
			break
		}
		if c == '\n' && !multi {
			break
		}
		if c == '\\' && q == '"' && i+1 < len(s) {
			if multi && lineEndingBackslash(s[i+1:]) {
				i++
				for i < len(s) && strings.ContainsRune(" \t\r\n", rune(s[i])) {
					i++
				}
				continue
			}
			raw, width := escape(s[i:])
			i += raw
			decoded += width
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		decoded += n
	}
	// The character at off may follow a line-ending backslash.
	for multi && q == '"' && i+1 < len(s) && s[i] == '\\' && lineEndingBackslash(s[i+1:]) {
		i++
		for i < len(s) && strings.ContainsRune(" \t\r\n", rune(s[i])) {
			i++
		}
	}
	return i, decoded
}

// lineEndingBackslash reports whether only blanks follow up to a newline.
func lineEndingBackslash(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return false
}

// escape returns the length of the escape at the start of s and of what
// it decodes to.
func escape(s string) (raw, decoded int) {
	n := map[byte]int{'u': 4, 'U': 8, 'x': 2}[s[1]]
	if n > 0 && len(s) >= 2+n {
		if v, err := strconv.ParseUint(s[2:2+n], 16, 32); err == nil {
			return 2 + n, max(utf8.RuneLen(rune(v)), 1)
		}
	}
	return 2, 1
}
