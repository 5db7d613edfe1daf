package main

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// dict is a word list with a count for each word.
type dict struct {
	count  map[string]int
	maxLen int // the longest word, in runes
	// marked holds the counts read in segmented text; raw training
	// (learnRaw) adds them, times markedWeight, to what it counts, so
	// that people's words outweigh the guesses of EM.
	marked map[string]int
	// prior holds counts read from a frequency list (-counts), which
	// raw training adds to its own as well.
	prior map[string]int
	// keep holds the words a frequency list counts often (-keep): real
	// words, which are never dropped as fragments, however the training
	// text parts them.
	keep map[string]bool
}

// markedWeight is how many occurrences of a frequency list or of
// unsegmented text one occurrence in segmented text is worth (-weight).
var markedWeight = 1

func newDict(words []string) *dict {
	d := &dict{count: make(map[string]int, len(words)), marked: map[string]int{}, prior: map[string]int{}, keep: map[string]bool{}}
	for _, w := range words {
		d.count[w] = 0
		d.maxLen = max(d.maxLen, utf8.RuneCountInString(w))
	}
	return d
}

// tokens splits a marked line into the runs of letters of the script
// between ZWSPs, spaces and other characters, with their rune offsets in
// the line without its ZWSPs.
func tokens(line string, tab *unicode.RangeTable) (text []rune, toks [][2]int) {
	start := -1
	for _, r := range line {
		if letter(tab, r) {
			if start < 0 {
				start = len(text)
			}
			text = append(text, r)
			continue
		}
		if start >= 0 {
			toks = append(toks, [2]int{start, len(text)})
			start = -1
		}
		if r != '\u200b' {
			text = append(text, r)
		}
	}
	if start >= 0 {
		toks = append(toks, [2]int{start, len(text)})
	}
	return text, toks
}

// learnMarked counts the tokens of lines that people segmented. A token
// of two characters or more missing from the list joins it once seen
// minNew times (a letter alone is an accelerator or a slip more often
// than a word). A listed word
// that occurs in the text minCrossing times across a marked boundary, and
// never as a token of its own, is a fragment (ICU's `អាចប` in `អាច|បាន`),
// and leaves the list.
func (d *dict) learnMarked(lines []string, tab *unicode.RangeTable, minNew int) (added, dropped int) {
	seen := map[string]int{}
	aligned, crossing := map[string]int{}, map[string]int{}
	for _, line := range lines {
		text, toks := tokens(line, tab)
		for _, tk := range toks {
			seen[string(text[tk[0]:tk[1]])]++
		}
		d.alignments(text, toks, aligned, crossing)
	}
	for w, n := range seen {
		if _, ok := d.count[w]; ok {
			d.count[w] += markedWeight * n
		} else if n >= minNew && utf8.RuneCountInString(w) >= 2 {
			d.count[w] = markedWeight * n
			d.maxLen = max(d.maxLen, utf8.RuneCountInString(w))
			added++
		} else {
			continue
		}
		d.marked[w] = n
	}
	for w, n := range crossing {
		if aligned[w] == 0 && n >= minCrossing && !d.keep[w] {
			delete(d.count, w)
			delete(d.marked, w)
			dropped++
		}
	}
	return added, dropped
}

// minCrossing is how many times a listed word must be found across a
// marked boundary, and never on its own, to be dropped as a fragment.
var minCrossing = 3

// alignments records, for each listed word found in text starting inside
// a token, whether it stands exactly on the token or runs past its end.
func (d *dict) alignments(text []rune, toks [][2]int, aligned, crossing map[string]int) {
	for _, tk := range toks {
		for p := tk[0]; p < tk[1]; p++ {
			for q := p + 1; q <= len(text) && q-p <= d.maxLen; q++ {
				w := string(text[p:q])
				if _, ok := d.count[w]; !ok {
					continue
				}
				switch {
				case p == tk[0] && q == tk[1]:
					aligned[w]++
				case q > tk[1]:
					crossing[w]++
				}
			}
		}
	}
}

// learnRaw segments the letter runs of lines with the current counts and
// counts the words again (one round of hard EM). It returns how many
// words it counted.
func (d *dict) learnRaw(lines []string, tab *unicode.RangeTable) int {
	cost := d.costs()
	next := make(map[string]int, len(d.count))
	n := 0
	for _, line := range lines {
		text, toks := tokens(line, tab)
		for _, tk := range toks {
			for _, w := range d.viterbi(text[tk[0]:tk[1]], cost) {
				if _, ok := d.count[w]; ok {
					next[w]++
					n++
				}
			}
		}
	}
	for w := range d.count {
		d.count[w] = next[w] + markedWeight*d.marked[w] + d.prior[w]
	}
	return n
}

// costs returns -ln P(word) for each word, and the cost of one unknown
// character, with every count raised by one.
func (d *dict) costs() map[string]float64 {
	total := 0.0
	for _, c := range d.count {
		total += float64(c) + 1
	}
	cost := make(map[string]float64, len(d.count)+1)
	for w, c := range d.count {
		cost[w] = math.Log(total / (float64(c) + 1))
	}
	cost[""] = math.Log(total) + 2 // an unknown character
	return cost
}

// viterbi returns the cheapest division of run into listed words and
// unknown characters.
func (d *dict) viterbi(run []rune, cost map[string]float64) []string {
	n := len(run)
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = math.Inf(1)
	}
	for p := 0; p < n; p++ {
		for q := p + 1; q <= n && q-p <= d.maxLen; q++ {
			c, ok := cost[string(run[p:q])]
			if !ok {
				if q > p+1 {
					continue
				}
				c = cost[""]
			}
			if best[p]+c < best[q] {
				best[q], from[q] = best[p]+c, p
			}
		}
	}
	var words []string
	for q := n; q > 0; q = from[q] {
		words = append(words, string(run[from[q]:q]))
	}
	return words
}

// addCounts sets the counts of the words of a frequency list of the
// script (`word<TAB>count` lines, as myWord's unigram list) of at most
// maxLen characters, and adds those the list lacks that occur at least
// minCount times. It returns how many it added.
func (d *dict) addCounts(lines []string, tab *unicode.RangeTable, minCount, maxLen int) int {
	added := 0
	for _, l := range lines {
		w, n, ok := wordCount(l)
		if !ok {
			continue
		}
		if _, listed := d.count[w]; !listed && n < minCount {
			continue // a listed word keeps any count; a new one must be common
		}
		runes := []rune(w)
		if len(runes) > maxLen || len(runes) < 1 || !onlyLetters(runes, tab) {
			continue
		}
		if _, ok := d.count[w]; !ok {
			added++
		}
		d.count[w] += n
		d.prior[w] += n
		d.maxLen = max(d.maxLen, len(runes))
	}
	return added
}

func onlyLetters(rs []rune, tab *unicode.RangeTable) bool {
	for _, r := range rs {
		if !letter(tab, r) {
			return false
		}
	}
	return true
}

// keepWords marks the words of a frequency list (`word<TAB>count` lines)
// counted at least minCount times as words to keep.
func (d *dict) keepWords(lines []string, minCount int) {
	for _, l := range lines {
		if w, n, ok := wordCount(l); ok && n >= minCount {
			d.keep[w] = true
		}
	}
}

// wordCount reads a `word<TAB>count` line of a frequency list: the word
// in NFC, and a count of at least 1.
func wordCount(line string) (word string, n int, ok bool) {
	w, c, ok := strings.Cut(line, "\t")
	n, err := strconv.Atoi(strings.TrimSpace(c))
	if !ok || err != nil || n < 1 {
		return "", 0, false
	}
	return norm.NFC.String(w), n, true
}
