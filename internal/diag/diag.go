// Package diag holds the diagnostics that every stage returns as values.
//
// Stages never print. They return a []Diagnostic (or an error wrapping one),
// and only cmd/briefs decides how to show them: compiler style, JSON or
// GitHub workflow commands.
package diag

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Pos is a position in an input file. Line and Col count from 1; Col counts
// characters (runes), as editors do, not bytes. A zero Line means the whole
// file.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity orders findings: an Error fails a check, a Warning fails it only
// in strict mode.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one finding about the input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     string // stable, kebab-case: "missing", "toml-syntax", "zawgyi"
	Msg      string
	Hint     string
}

// String renders the compiler-style line FILE:LINE:COL: severity: [code] msg (hint).
func (d Diagnostic) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: [%s] %s", d.Pos, d.Severity, d.Code, d.Msg)
	if d.Hint != "" {
		fmt.Fprintf(&b, " (%s)", d.Hint)
	}
	return b.String()
}

// List is a set of diagnostics that is also an error, so that a stage can
// return "these inputs are bad" through an ordinary error path.
type List []Diagnostic

func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any finding is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders findings by file, line, column and code, so output is stable.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return l[i].Code < l[j].Code
	})
}

// Errorf builds an Error diagnostic.
func Errorf(pos Pos, code, hint, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// Warnf builds a Warning diagnostic.
func Warnf(pos Pos, code, hint, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// Closest returns the candidate nearest to word by edit distance, for "did
// you mean" hints, or "" when none is near enough (at most a third of the
// word's length, and at least one edit).
func Closest(word string, candidates []string) string {
	best, bestD := "", -1
	n := utf8.RuneCountInString(word)
	limit := max(n/3, 1)
	for _, c := range candidates {
		if c == word || abs(utf8.RuneCountInString(c)-n) > limit {
			continue // the distance is at least the difference in length
		}
		if d := distance(word, c); d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the edit distance between a and b in runes (optimal string
// alignment: insertions, deletions, substitutions and transpositions).
func distance(a, b string) int {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	// d[i][j] is the distance between ra[:i] and rb[:j]; swapping two
	// neighbours (ohter for other) is one edit.
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// ShellArg quotes s for a POSIX shell command in a hint (git mv of a
// folder named "Migrant Health"), as it is when it needs no quoting.
func ShellArg(s string) string {
	plain := s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._/-+=:@,", r) || r > 0x7f)
	}) < 0
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
