package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

const zwsp = '\u200b'

// scripts maps a language code to the script its letters are in.
var scripts = map[string]*unicode.RangeTable{
	"km": unicode.Khmer,
	"my": unicode.Myanmar,
	"th": unicode.Thai,
}

// letter reports whether r is a letter or mark of script tab: the
// characters of a run the dictionary breaks (Line_Break class SA).
func letter(tab *unicode.RangeTable, r rune) bool {
	return unicode.Is(tab, r) && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// cleanLines splits a translation into lines and tidies each: NFC, the
// keyboard-accelerator marks (_ and &) between letters dropped, spaces
// collapsed, and only ZWSPs that stand between two letters of the script
// kept, one at a time.
func cleanLines(msg string, tab *unicode.RangeTable) []string {
	var out []string
	for _, line := range strings.Split(msg, "\n") {
		if l := cleanLine(norm.NFC.String(line), tab); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func cleanLine(line string, tab *unicode.RangeTable) string {
	line = strings.Join(strings.Fields(line), " ")
	for strings.Contains(line, "\u200b\u200b") {
		line = strings.ReplaceAll(line, "\u200b\u200b", "\u200b")
	}
	rs := []rune(line)
	var b strings.Builder
	for i, r := range rs {
		prev, next := rune(-1), rune(-1)
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case (r == '_' || r == '&') && letter(tab, prev) && letter(tab, next):
			continue
		case r == zwsp && !(letter(tab, prev) && letter(tab, next)):
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// marked reports whether line holds at least minLetters letters of the
// script, at least one ZWSP between them, and no run of more than maxRun
// letters without one: a line the translator segmented throughout. A
// negative maxRun asks only for the letters.
func marked(line string, tab *unicode.RangeTable, minLetters, maxRun int) bool {
	letters, run, marks := 0, 0, 0
	for _, r := range line {
		switch {
		case r == zwsp:
			marks++
			run = 0
		case letter(tab, r):
			letters++
			run++
			if maxRun >= 0 && run > maxRun {
				return false
			}
		default:
			run = 0
		}
	}
	return (marks > 0 || maxRun < 0) && letters >= minLetters
}
