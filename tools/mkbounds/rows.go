package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/linebreak"
)

// A row is one boundary a breaker found in a training line: the words
// before and after it, and whether the translator marked it.
type row struct {
	a, b   string
	marked bool
}

// khmerLetter reports whether r belongs to a run the Khmer dictionary
// reads: a Khmer letter or mark other than ៗ, which ends a run.
func khmerLetter(r rune) bool {
	return unicode.Is(unicode.Khmer, r) && (unicode.IsLetter(r) || unicode.IsMark(r)) && r != 0x17d7
}

// unmark removes the ZWSPs of a marked line and returns the text and the
// byte offsets where they stood between two Khmer letters.
func unmark(line string) (string, map[int]bool) {
	var sb strings.Builder
	marks := map[int]bool{}
	var prev rune
	for i, r := range line {
		if r == '\u200b' {
			next, _ := utf8.DecodeRuneInString(line[i+len("\u200b"):])
			if khmerLetter(prev) && khmerLetter(next) && !unicode.IsMark(next) {
				marks[sb.Len()] = true
			}
			continue
		}
		sb.WriteRune(r)
		prev = r
	}
	return sb.String(), marks
}

// rowsOf breaks each line with b, its marks removed, and returns a row for
// each boundary between two Khmer words, and how many marks the lines
// have.
func rowsOf(b *linebreak.Breaker, lines []string) (rows []row, marks int) {
	for _, line := range lines {
		text, m := unmark(line)
		marks += len(m)
		bounds := b.WordBoundaries(text)
		for k, o := range bounds {
			start := runStart(text, o)
			if k > 0 && bounds[k-1] > start {
				start = bounds[k-1]
			}
			end := runEnd(text, o)
			if k+1 < len(bounds) && bounds[k+1] < end {
				end = bounds[k+1]
			}
			if start == o || end == o {
				continue // not between two Khmer words
			}
			rows = append(rows, row{a: text[start:o], b: text[o:end], marked: m[o]})
		}
	}
	return rows, marks
}

// runStart is where the run of Khmer letters that goes on at o starts.
func runStart(text string, o int) int {
	for o > 0 {
		r, sz := utf8.DecodeLastRuneInString(text[:o])
		if !khmerLetter(r) {
			break
		}
		o -= sz
	}
	return o
}

// runEnd is where the run of Khmer letters that starts at o ends.
func runEnd(text string, o int) int {
	for o < len(text) {
		r, sz := utf8.DecodeRuneInString(text[o:])
		if !khmerLetter(r) {
			break
		}
		o += sz
	}
	return o
}
