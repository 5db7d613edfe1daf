package source

import (
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// headerLines returns the 1-based line numbers of every line that is the
// given array-of-tables header, in order. BurntSushi/toml does not expose
// key positions, so the decoder finds them in the text.
func headerLines(lines []string, header string) []int {
	var out []int
	for i, l := range lines {
		if strings.TrimSpace(l) == header {
			out = append(out, i+1)
		}
	}
	return out
}

func at(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

// keyPos finds the first line that assigns key, for diagnostics about it.
func keyPos(file string, lines []string, key string) diag.Pos {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if rest, ok := strings.CutPrefix(t, key); ok {
			if r := strings.TrimSpace(rest); strings.HasPrefix(r, "=") {
				return diag.Pos{File: file, Line: i + 1, Col: strings.Index(l, key) + 1}
			}
		}
	}
	return diag.Pos{File: file, Line: 1, Col: 1}
}

// invalidUTF8 locates the first byte that is not valid UTF-8.
func invalidUTF8(file string, data []byte) diag.Pos {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return diag.Pos{File: file, Line: line, Col: col}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return diag.Pos{File: file, Line: line, Col: col}
}

// InvalidUTF8 is invalidUTF8 for other stages (catalogues).
func InvalidUTF8(file string, data []byte) diag.Pos { return invalidUTF8(file, data) }

// OffsetPos converts a byte offset of data into a line and a column
// counted in characters.
func OffsetPos(file string, data []byte, off int) diag.Pos {
	line, col := 1, 1
	for _, r := range string(data[:min(off, len(data))]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return diag.Pos{File: file, Line: line, Col: col}
}

// TOMLHint turns a TOML decoder message into advice for someone editing
// the file by hand, for the mistakes people make most.
func TOMLHint(msg, usage, fallback string) string {
	switch {
	case strings.Contains(msg, "strings cannot contain newlines"):
		return `a string is not closed: end it with " on the same line, or use """ … """ for text over several lines`
	case strings.Contains(msg, "expected value but found") || strings.Contains(msg, "expected a value"):
		return `put the text in quotes: key = "text"`
	case strings.Contains(msg, "has already been defined") || strings.Contains(msg, "already defined"):
		return "each key or table may appear once; delete or rename the second one"
	case strings.Contains(msg, "end table name") || strings.Contains(msg, "table array name delimiter"):
		return "close the table name with ]"
	}
	if u := strings.TrimSpace(usage); u != "" {
		if i := strings.IndexByte(u, '\n'); i >= 0 {
			u = u[:i]
		}
		return u
	}
	return fallback
}
