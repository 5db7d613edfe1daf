package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/mekong-briefs/briefs/internal/gzfile"
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
// neighbouring tokens, as the pair apart. Three or more neighbouring
// tokens, t1 t2 … tn, of a listed t1 and at most maxCountedLen letters
// in all, count as the pair (t1, t2…tn) apart, and each token that spells
// t1t2…tn as that pair joined: the list holds compounds of three words
// that translators mostly part (នឹងត្រូវបាន "will be", written
// នឹង​ត្រូវ​បាន), and the breaker parts a word into its pair's words and
// those again (pairs.go there).
func (d *dict) learnPairs(lines []string, tab *unicode.RangeTable) map[[2]string]*pairCounts {
	pairs := map[[2]string]*pairCounts{}
	tokenCount := map[string]int{}
	long := map[[2]string]bool{} // pairs (t1, t2…tn) of an unlisted t2…tn
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
			tokenCount[string(word)]++
			if i > 0 && toks[i-1][1] == tk[0] { // only a ZWSP between them
				a, b := string(text[toks[i-1][0]:toks[i-1][1]]), string(word)
				if d.listed(a) && d.listed(b) {
					get(a, b).apart++
				}
			}
			// tk as the last of three or more neighbouring tokens
			for j := i - 2; j >= 0 && toks[j][1] == toks[j+1][0] && tk[1]-toks[j][0] <= maxCountedLen; j-- {
				a, b := string(text[toks[j][0]:toks[j][1]]), string(text[toks[j+1][0]:tk[1]])
				if !d.listed(a) {
					continue
				}
				get(a, b).apart++
				if !d.listed(b) {
					long[[2]string{a, b}] = true
				}
			}
		}
	}
	for k := range long { // tokens spelling an unlisted t2…tn with t1 were not counted above
		pairs[k].joined += tokenCount[k[0]+k[1]]
	}
	return pairs
}

func (d *dict) listed(w string) bool { _, ok := d.count[w]; return ok }

// writePairs writes the pairs seen at least minTotal times of which a
// share of at least joinShare is joined or of at least apartShare apart, as `a<TAB>b<TAB>0` (people
// join them) or `a<TAB>b<TAB>1` (people part them), in code-point order,
// gzip-compressed deterministically. Of the pairs that spell the same
// word, only the best attested is written: a word is parted in one place.
// The breaker joins only listed words and parts only what its search
// chose, a listed word, and the parts of what it parted, so only those
// pairs are written (listed says which words are listed).
func writePairs(path string, pairs map[[2]string]*pairCounts, minTotal int, joinShare, apartShare float64, listed func(string) bool) (int, error) {
	best := map[string][2]string{} // a+b → the pair that parts it most often
	var keys [][2]string
	for k, c := range pairs {
		total := c.apart + c.joined
		if total < minTotal {
			continue
		}
		switch {
		case float64(c.joined) >= joinShare*float64(total):
			if listed(k[0]) && listed(k[1]) {
				keys = append(keys, k)
			}
		case float64(c.apart) >= apartShare*float64(total):
			w := k[0] + k[1]
			if old, ok := best[w]; !ok || pairs[old].apart < c.apart || pairs[old].apart == c.apart && k[0] < old[0] {
				best[w] = k
			}
		}
	}
	var todo []string // the parted words written whose parts are still to look at
	written := map[string]bool{}
	for w := range best {
		if listed(w) {
			written[w] = true
			todo = append(todo, w)
		}
	}
	for len(todo) > 0 {
		k := best[todo[len(todo)-1]]
		todo = todo[:len(todo)-1]
		keys = append(keys, k)
		for _, part := range k {
			if _, ok := best[part]; ok && !written[part] {
				written[part] = true
				todo = append(todo, part)
			}
		}
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
	return len(keys), gzfile.Write(path, []byte(text.String()))
}
