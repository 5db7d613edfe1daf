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

// rawOffset walks the string that opens at s[start] until off bytes of
// text are decoded, and returns where it is in s.
func rawOffset(s string, start, off int) int {
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
	for decoded := 0; i < len(s) && decoded < off; {
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
	return i
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
