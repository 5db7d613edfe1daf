package main

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// discover adds to the list the compounds that the current segmentation of
// lines reads as two words, when the pair is frequent (at least minCount
// times) and far more frequent than its words' own counts predict (its
// pointwise mutual information, ln P(ab) / (P(a) P(b)), at least minPMI).
// ICU's Thai and Burmese lists lack many such words (`รายละเอียด`,
// `ကာကွယ်`), which people write and segment as one. It returns how many
// it added.
func (d *dict) discover(lines []string, tab *unicode.RangeTable, minCount int, minPMI float64, maxLen int) int {
	cost := d.costs()
	uni, pair := map[string]int{}, map[[2]string]int{}
	total := 0
	for _, line := range lines {
		text, toks := tokens(line, tab)
		for _, tk := range toks {
			ws := d.viterbi(text[tk[0]:tk[1]], cost) // last word first
			for i, w := range ws {
				uni[w]++
				total++
				if i > 0 {
					pair[[2]string{w, ws[i-1]}]++
				}
			}
		}
	}
	added := 0
	for p, c := range pair {
		w := p[0] + p[1]
		if c < minCount || utf8.RuneCountInString(w) > maxLen {
			continue
		}
		if _, ok := d.count[w]; ok {
			continue
		}
		if _, ok := d.count[p[0]]; !ok {
			continue // an unknown character is no word to build on
		}
		if _, ok := d.count[p[1]]; !ok {
			continue
		}
		pmi := math.Log(float64(c) * float64(total) / (float64(uni[p[0]]) * float64(uni[p[1]])))
		if pmi >= minPMI {
			d.count[w] = c
			d.maxLen = max(d.maxLen, utf8.RuneCountInString(w))
			added++
		}
	}
	return added
}
