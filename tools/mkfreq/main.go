// Command mkfreq gives the words of a dictionary their frequencies and
// cleans the list of fragments, for the unigram segmentation of
// internal/linebreak. It writes `word<TAB>count` lines (a word never seen
// is written alone), sorted by code point and gzip-compressed.
//
//	go run ./tools/mkfreq -lang km -list internal/linebreak/dicts/khmer.txt.gz \
//	    -marked km-train.txt -o internal/linebreak/dicts/khmer.freq.gz
//
// Counts come from text that people segmented (-marked: lines with ZWSP
// between words, as tools/mkref writes them), or, where there is none,
// from unsegmented text (-raw), by hard expectation-maximisation: the text
// is segmented with the current counts, the words are counted again, and
// so on for -iter rounds (Viterbi training); with -pairs, frequent
// two-word compounds that the list lacks are added, and counted once more.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
)

func main() {
	lang := flag.String("lang", "", "language: km, my or th")
	list := flag.String("list", "", "the dictionary (one word a line, gzip)")
	marked := flag.String("marked", "", "text segmented with ZWSP")
	raw := flag.String("raw", "", "unsegmented text")
	iter := flag.Int("iter", 3, "rounds of training on -raw")
	minNew := flag.Int("minnew", 2, "fewest marked occurrences for a word missing from -list")
	pairs := flag.Int("pairs", 0, "with -raw, fewest occurrences of a two-word compound to add (0: none)")
	pmi := flag.Float64("pmi", 4, "with -pairs, least pointwise mutual information of a compound")
	counts := flag.String("counts", "", "a frequency list of the language (word<TAB>count lines), counted first")
	minCount := flag.Int("mincount", 5, "with -counts, fewest occurrences of a word to keep")
	listedOnly := flag.Bool("listedonly", false, "with -counts, count only the words the list has, adding none")
	countsShare := flag.Float64("countsshare", 0, "with -counts and -marked, scale the list's counts so that they add up to this share of the marked text's words (0: as they are)")
	minSyllables := flag.Int("minsyllables", 0, "with -counts, take only the entries of at least this many orthographic syllables (Khmer)")
	flag.IntVar(&markedWeight, "weight", 1, "how many counted occurrences one marked occurrence is worth")
	keep := flag.String("keep", "", "a frequency list (word<TAB>count lines) whose common words are never dropped as fragments")
	keepMin := flag.Int("keepmin", 100, "with -keep, fewest occurrences of a word to keep")
	flag.IntVar(&minCrossing, "mincross", 3, "fewest times a listed word must be read across marked boundaries, and never alone, to be dropped as a fragment")
	prune := flag.Int("prune", 0, "drop the words counted fewer times than this (0: keep all)")
	out := flag.String("o", "", "output file")
	pairsOut := flag.String("pairsout", "", "with -marked, also write the word pairs people mostly join or mostly part to this file")
	pairMin := flag.Int("pairmin", 5, "with -pairsout, fewest occurrences of a pair")
	joinShare := flag.Float64("joinshare", 0.75, "with -pairsout, least share of a pair's occurrences that must be joined for it to be joined")
	apartShare := flag.Float64("apartshare", 0.75, "with -pairsout, least share of a pair's occurrences that must be apart for it to be parted")
	flag.Parse()
	c := config{pairsOut: *pairsOut, pairMin: *pairMin, joinShare: *joinShare, apartShare: *apartShare, iter: *iter, minNew: *minNew, pairs: *pairs, pmi: *pmi, counts: *counts, minCount: *minCount, listedOnly: *listedOnly, countsShare: *countsShare, minSyllables: *minSyllables, prune: *prune, keep: *keep, keepMin: *keepMin}
	if err := run(*lang, *list, *marked, *raw, *out, c); err != nil {
		fmt.Fprintln(os.Stderr, "mkfreq:", err)
		os.Exit(1)
	}
}

// maxCountedLen is the longest word, in characters, taken from a
// frequency list: longer entries are phrases.
const maxCountedLen = 20

// config holds the training settings.
type config struct {
	iter, minNew, pairs int
	pmi                 float64
	counts              string
	minCount, prune     int
	listedOnly          bool
	countsShare         float64
	minSyllables        int
	keep                string
	keepMin             int
	pairsOut            string
	pairMin             int
	joinShare           float64
	apartShare          float64
}

func run(lang, list, marked, raw, out string, c config) error {
	tab := scripts[lang]
	if tab == nil || list == "" || out == "" || marked == "" && raw == "" && c.counts == "" {
		return fmt.Errorf("usage: mkfreq -lang km|my|th -list LIST (-marked FILE | -raw FILE) -o OUT")
	}
	words, err := readList(list)
	if err != nil {
		return err
	}
	d := newDict(words)
	var markedLines []string
	if marked != "" {
		if markedLines, err = readLines(marked); err != nil {
			return err
		}
	}
	if c.keep != "" {
		lines, err := readLines(c.keep)
		if err != nil {
			return err
		}
		d.keepWords(lines, c.keepMin)
	}
	if c.counts != "" {
		lines, err := readLines(c.counts)
		if err != nil {
			return err
		}
		lines, err = selectCounts(lines, lang, markedLines, tab, c)
		if err != nil {
			return err
		}
		minNew := c.minCount
		if c.listedOnly {
			minNew = math.MaxInt
		}
		n := d.addCounts(lines, tab, minNew, maxCountedLen)
		fmt.Fprintf(os.Stderr, "%s: %s: %d entries taken, %d words added\n", lang, c.counts, len(lines), n)
	}
	if marked != "" {
		lines := markedLines
		added, dropped := d.learnMarked(lines, tab, c.minNew)
		fmt.Fprintf(os.Stderr, "%s: %d marked lines: %d words added, %d fragments dropped\n", lang, len(lines), added, dropped)
		if c.pairsOut != "" {
			n, err := writePairs(c.pairsOut, d.learnPairs(lines, tab), c.pairMin, c.joinShare, c.apartShare, d.listed)
			if err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "%s: %d word pairs written\n", lang, n)
		}
	}
	if raw != "" {
		lines, err := readLines(raw)
		if err != nil {
			return err
		}
		for i := 0; i < c.iter; i++ {
			n := d.learnRaw(lines, tab)
			fmt.Fprintf(os.Stderr, "%s: round %d: %d words counted\n", lang, i+1, n)
		}
		if c.pairs > 0 {
			n := d.discover(lines, tab, c.pairs, c.pmi, 12)
			d.learnRaw(lines, tab)
			fmt.Fprintf(os.Stderr, "%s: %d compounds added\n", lang, n)
		}
	}
	if c.prune > 0 {
		n := 0
		for w, k := range d.count {
			if k < c.prune {
				delete(d.count, w)
				n++
			}
		}
		fmt.Fprintf(os.Stderr, "%s: %d words counted fewer than %d times dropped\n", lang, n, c.prune)
	}
	return writeCounts(out, d)
}
