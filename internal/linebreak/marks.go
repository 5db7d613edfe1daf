package linebreak

import (
	"slices"
	"unicode"
)

// Translators' marks are law. A translator who typed a ZWSP, a joiner or a
// soft hyphen into a word has said where it may and may not break, and the
// dictionary must not second-guess them.

const (
	zwnj       = 0x200c // ZERO WIDTH NON-JOINER (UAX #14 class CM)
	zwj        = 0x200d // ZERO WIDTH JOINER (ZWJ; LB8a: no break after it)
	wordJoiner = 0x2060 // WORD JOINER (WJ; LB11: no break on either side)
	softHyphen = 0x00ad // SOFT HYPHEN (BA; briefs never breaks there)
)

// isJoiner reports whether r is a format character that sits inside a
// word: ZWNJ, ZWJ, WORD JOINER or SOFT HYPHEN. A run of SA letters goes on
// across it, and the dictionary reads the word as if it were not there.
func isJoiner(r rune) bool {
	return r == zwnj || r == zwj || r == wordJoiner || r == softHyphen
}

// zwspSegmented reports whether a translator segmented text by hand: a
// ZWSP stands between two SA letters. In such a text the dictionary adds
// no break of its own: the ZWSPs are the breaks (UAX #14 LB8).
func zwspSegmented(text []rune) bool {
	for i := 1; i+1 < len(text); i++ {
		if text[i] == zwsp && saScript(text[i-1]) != scriptNone && saScript(text[i+1]) != scriptNone {
			return true
		}
	}
	return false
}

// runEnd returns the end of the run of script s that starts at text[i]:
// it goes on across joiners between letters of s, and stops after a
// repetition mark (ៗ, ๆ).
func runEnd(text []rune, i int, s script) int {
	j := i + 1
	for j < len(text) && !isRepeat(text[j-1]) {
		switch {
		case saScript(text[j]) == s:
			j++
		case isJoiner(text[j]) && j+1 < len(text) && saScript(text[j+1]) == s:
			j += 2
		default:
			return j
		}
	}
	return j
}

// stripJoiners returns the letters of text[start:end] without joiners, and
// for each of them (and for the end) its index in text.
func stripJoiners(text []rune, start, end int) (clean []rune, idx []int) {
	idx = make([]int, 0, end-start+1)
	if !slices.ContainsFunc(text[start:end], isJoiner) {
		for i := start; i < end; i++ {
			idx = append(idx, i)
		}
		return text[start:end], append(idx, end)
	}
	clean = make([]rune, 0, end-start)
	for i := start; i < end; i++ {
		if !isJoiner(text[i]) {
			clean = append(clean, text[i])
			idx = append(idx, i)
		}
	}
	return clean, append(idx, end)
}

// keepJoined drops the word boundaries (indexes into clean, sorted) that
// touch a joiner, and, for a word joiner, every boundary inside the two
// words it touches: it makes them one word.
func keepJoined(text []rune, idx, bounds []int) []int {
	n := len(idx) - 1 // the length of clean
	var lo, hi []int  // the words joined by each word joiner
	for c := 1; c < n; c++ {
		for p := idx[c-1] + 1; p < idx[c]; p++ {
			if text[p] == wordJoiner {
				lo = append(lo, wordStart(bounds, c-1))
				hi = append(hi, wordEnd(bounds, c, n))
			}
		}
	}
	out := bounds[:0]
	for _, b := range bounds {
		if idx[b]-idx[b-1] > 1 { // a joiner stands before clean[b]
			continue
		}
		joined := false
		for k := range lo {
			joined = joined || lo[k] < b && b < hi[k]
		}
		if !joined {
			out = append(out, b)
		}
	}
	return out
}

// wordStart returns where the word holding clean[x] starts: the last
// boundary at or before x, or 0.
func wordStart(bounds []int, x int) int {
	s := 0
	for _, b := range bounds {
		if b <= x {
			s = b
		}
	}
	return s
}

// wordEnd returns where the word holding clean[x] ends: the first
// boundary after x, or n.
func wordEnd(bounds []int, x, n int) int {
	for _, b := range bounds {
		if b > x {
			return b
		}
	}
	return n
}

// unitBreak reports whether the break before text[i] parts a number from
// the word after it: digits, one or more spaces, then an SA letter (`700
// នាក់`). Such a break is dropped, as a typesetter ties a number to its
// unit.
func unitBreak(text []rune, i int) bool {
	if saScript(text[i]) == scriptNone {
		return false
	}
	j := i - 1
	for j >= 0 && text[j] == ' ' {
		j--
	}
	return j >= 0 && j < i-1 && unicode.IsDigit(text[j])
}
