package main

import (
	"fmt"
	"math"
	"strconv"
	"unicode"
)

// A frequency list counted by a machine from web text (Keyman's Khmer
// wordlist from Google's corpus crawler, for one) knows the words of
// news and reports that the translators' marks, made in software's
// strings, hardly hold (អង្គការ "organisation": once in the marked text,
// 58,118 times in the list). It also holds what its own segmenter made
// of names: single syllables (ធី, ឡា, វ៉ា) counted thousands of times,
// which would make a name the list lacks look like known words. So
// selectCounts keeps the entries of at least -minsyllables syllables and
// scales their counts to -countsshare of the marked text's words: the
// list then adds what the marks lack, without outweighing them.

// selectCounts returns the `word<TAB>count` lines of a frequency list that
// c takes, with their counts scaled.
// marked is the marked text's lines (nil without -marked).
func selectCounts(lines []string, lang string, marked []string, tab *unicode.RangeTable, c config) ([]string, error) {
	if c.minSyllables > 0 && lang != "km" {
		return nil, fmt.Errorf("-minsyllables counts Khmer syllables only")
	}
	scale := 1.0
	if c.countsShare > 0 {
		if marked == nil {
			return nil, fmt.Errorf("-countsshare needs -marked")
		}
		words := 0
		for _, l := range marked {
			_, toks := tokens(l, tab)
			words += len(toks)
		}
		total := 0
		for _, l := range lines {
			if _, n, ok := wordCount(l); ok {
				total += n
			}
		}
		if total > 0 {
			scale = c.countsShare * float64(words) / float64(total)
		}
	}
	var out []string
	for _, l := range lines {
		w, n, ok := wordCount(l)
		if !ok || c.minSyllables > 0 && khmerSyllables(w) < c.minSyllables {
			continue
		}
		if scaled := int(math.Round(float64(n) * scale)); scaled >= 1 {
			out = append(out, w+"\t"+strconv.Itoa(scaled))
		}
	}
	return out, nil
}

// khmerSyllables counts the orthographic syllables of a Khmer word by
// their first letters: a consonant or independent vowel (U+1780-U+17B3)
// not written below another (after COENG, U+17D2) begins one when it
// starts the word, or when a dependent vowel, a sign, a register shifter
// or a COENG follows it (U+17B6-U+17D3), but not BANTOC, TOANDAKHIAT or
// VIRIAM (U+17CB, U+17CD, U+17D1), which mark it a final; or when the
// consonant after it carries BANTOC, its final (ណ in កំណត់). A bare
// consonant after a syllable is its final too, as រ in ការ. The Unicode
// Standard, chapter 16.4 (Khmer). The count need not be a linguist's:
// it only sets apart the words of one syllable.
func khmerSyllables(w string) int {
	rs := []rune(w)
	n := 0
	for i, r := range rs {
		if r < 0x1780 || r > 0x17B3 || i > 0 && rs[i-1] == 0x17D2 {
			continue
		}
		bantocNext := i+2 < len(rs) && rs[i+1] >= 0x1780 && rs[i+1] <= 0x17A2 && rs[i+2] == 0x17CB
		if i == 0 || i+1 < len(rs) && startsSyllable(rs[i+1]) || bantocNext {
			n++
		}
	}
	return n
}

// startsSyllable reports whether a letter followed by r begins a
// syllable (khmerSyllables).
func startsSyllable(r rune) bool {
	switch r {
	case 0x17CB, 0x17CD, 0x17D1: // BANTOC, TOANDAKHIAT, VIRIAM: a final
		return false
	}
	return r >= 0x17B6 && r <= 0x17D3
}
