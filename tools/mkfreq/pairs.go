package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"
)

// Word pairs. Whether people write two words apart or as one depends on
// the words: Khmer translators write ត្រូវការ "need" whole but ដែល​បាន
// "that has" apart, although both are two listed words, and a unigram
// model, which weighs each word alone, cannot tell them apart. So for
// each pair of listed words (a, b) the marked text has often enough, side
// by side across a ZWSP or joined into one token, learnPairs records
// which way people mostly write it; the breaker then joins or parts the
// pair accordingly where its own segmentation has it (pairs.go there).

// pairCounts holds, for a pair of words, how often the marked text has
// them apart and how often joined.
type pairCounts struct{ apart, joined int }

// learnPairs counts the pairs of lines. A token is counted as the pair
// (a, b) joined for each way it splits into two listed words; two
// neighbouring tokens, as the pair apart.
func (d *dict) learnPairs(lines []string, tab *unicode.RangeTable) map[[2]string]*pairCounts {
	pairs := map[[2]string]*pairCounts{}
	get := func(a, b string) *pairCounts {
		k := [2]string{a, b}
		if pairs[k] == nil {
			pairs[k] = &pairCounts{}
		}
		return pairs[k]
	}
	for _, line := range lines {
		text, toks := tokens(line, tab)
		for i, tk := range toks {
			word := text[tk[0]:tk[1]]
			for p := 1; p < len(word); p++ {
				a, b := string(word[:p]), string(word[p:])
				if d.listed(a) && d.listed(b) {
					get(a, b).joined++
				}
			}
			if i > 0 && toks[i-1][1] == tk[0] { // only a ZWSP between them
				a, b := string(text[toks[i-1][0]:toks[i-1][1]]), string(word)
				if d.listed(a) && d.listed(b) {
					get(a, b).apart++
				}
			}
		}
	}
	return pairs
}

func (d *dict) listed(w string) bool { _, ok := d.count[w]; return ok }

// writePairs writes the pairs seen at least minTotal times of which a
// share of at least joinShare is joined or of at least apartShare apart, as `a<TAB>b<TAB>0` (people
// join them) or `a<TAB>b<TAB>1` (people part them), in code-point order,
// gzip-compressed deterministically. Of the pairs that spell the same
// word, only the best attested is written: a word is parted in one place.
func writePairs(path string, pairs map[[2]string]*pairCounts, minTotal int, joinShare, apartShare float64) (int, error) {
	best := map[string][2]string{} // a+b → the pair that parts it most often
	var keys [][2]string
	for k, c := range pairs {
		total := c.apart + c.joined
		if total < minTotal {
			continue
		}
		switch {
		case float64(c.joined) >= joinShare*float64(total):
			keys = append(keys, k)
		case float64(c.apart) >= apartShare*float64(total):
			w := k[0] + k[1]
			if old, ok := best[w]; !ok || pairs[old].apart < c.apart || pairs[old].apart == c.apart && k[0] < old[0] {
				best[w] = k
			}
		}
	}
	for _, k := range best {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y [2]string) int {
		if c := slices.Compare([]rune(x[0]), []rune(y[0])); c != 0 {
			return c
		}
		return slices.Compare([]rune(x[1]), []rune(y[1]))
	})
	var text strings.Builder
	for _, k := range keys {
		way := 0
		if c := pairs[k]; c.apart > c.joined {
			way = 1
		}
		fmt.Fprintf(&text, "%s\t%s\t%d\n", k[0], k[1], way)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write([]byte(text.String())); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return len(keys), os.WriteFile(path, buf.Bytes(), 0o644)
}
