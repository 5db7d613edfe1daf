// Package tomlpos finds where things are in a TOML file: the position of
// every key, table header and array-of-tables element, by path. It is the
// one position finder for every TOML file briefs reads (briefs,
// catalogues, the termbase), because the decoder (BurntSushi/toml) reports
// positions only for syntax errors.
//
// Paths are the keys from the top, with the index of an array element as
// a decimal string: ["block", "2", "type"] is the type key of the third
// [[block]] (or the third inline table of block = [...]). Positions are
// 1-based lines and columns counted in characters; a byte-order mark
// takes no column, and a CR before LF ends the line. Index never fails:
// on text that is not valid TOML it records what it could read.
package tomlpos

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a line and column, both from 1.
type Pos struct{ Line, Col int }

// Index holds the positions found in one file.
type Index struct {
	data  string
	lines []int          // byte offset of each line's start
	bom   int            // length of a leading byte-order mark
	keys  map[string]int // path -> byte offset of the key (or header)
	order []string       // paths in file order
	count map[string]int // array-of-tables path -> elements so far
	// values maps the path of a string value to the offset of its
	// opening quote.
	values map[string]int
	// deepest is the deepest nesting of arrays and inline tables, and
	// deepAt where it was reached.
	deepest, deepAt int
}

// MaxNesting is the deepest nesting of arrays and inline tables that
// briefs accepts. The TOML decoder takes time that grows fast with depth
// (20 s for 200 000 nested arrays), so deeper input is refused before it
// is decoded.
const MaxNesting = 32

// Nesting returns the deepest nesting of values, and where it first went
// deeper than MaxNesting (or reached its deepest).
func (ix *Index) Nesting() (int, Pos) { return ix.deepest, ix.Offset(ix.deepAt) }

const sep = "\x00"

// Parse indexes data.
func Parse(data []byte) *Index {
	ix := &Index{data: string(data), keys: map[string]int{}, count: map[string]int{}, values: map[string]int{}}
	if strings.HasPrefix(ix.data, "\uFEFF") {
		ix.bom = 3
	}
	ix.lines = append(ix.lines, 0)
	for i := 0; i < len(ix.data); i++ {
		if ix.data[i] == '\n' {
			ix.lines = append(ix.lines, i+1)
		}
	}
	p := &parser{ix: ix, s: ix.data, i: ix.bom}
	p.document()
	return ix
}

// Find returns the position of a key or table by path.
func (ix *Index) Find(path ...string) (Pos, bool) {
	off, ok := ix.keys[strings.Join(path, sep)]
	if !ok {
		return Pos{}, false
	}
	return ix.Offset(off), true
}

// Paths returns every path found, in file order.
func (ix *Index) Paths() [][]string {
	out := make([][]string, len(ix.order))
	for i, k := range ix.order {
		out[i] = strings.Split(k, sep)
	}
	return out
}

// Matching returns the positions of the paths that equal pattern once
// their array indices are left out, in file order: the decoder names an
// unknown key ["block", "msgg"] without saying which block.
func (ix *Index) Matching(pattern ...string) []Pos {
	var out []Pos
	for _, k := range ix.order {
		var named []string
		for _, c := range strings.Split(k, sep) {
			if _, err := strconv.Atoi(c); err != nil {
				named = append(named, c)
			}
		}
		if strings.Join(named, sep) == strings.Join(pattern, sep) {
			out = append(out, ix.Offset(ix.keys[k]))
		}
	}
	return out
}

// Offset converts a byte offset of the file into a position.
func (ix *Index) Offset(off int) Pos {
	off = max(0, min(off, len(ix.data)))
	line := lineOf(ix.lines, off)
	start := ix.lines[line]
	if line == 0 {
		start = min(ix.bom, off)
	}
	return Pos{Line: line + 1, Col: utf8.RuneCountInString(ix.data[start:off]) + 1}
}

// DecoderOffset converts an offset the TOML decoder reported, which
// counts from after a byte-order mark, into a position.
func (ix *Index) DecoderOffset(off int) Pos { return ix.Offset(off + ix.bom) }

func lineOf(lines []int, off int) int {
	lo, hi := 0, len(lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func (ix *Index) record(path []string, off int) {
	k := strings.Join(path, sep)
	if _, ok := ix.keys[k]; !ok {
		ix.order = append(ix.order, k)
	}
	ix.keys[k] = off
}

// recordFirst records a path only if it has no position yet.
func (ix *Index) recordFirst(path []string, off int) {
	if _, ok := ix.keys[strings.Join(path, sep)]; !ok {
		ix.record(path, off)
	}
}
