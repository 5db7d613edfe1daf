// Command mkseg turns a hand-segmented corpus into reference lines for
// internal/linebreak: one text a line, NFC, with a ZERO WIDTH SPACE
// (U+200B) at each word boundary that falls between two letters of the
// script (spaces of the text are kept as they are), split into a
// held-out part, which the tests score against, and a training part,
// which tools/mkfreq may learn from.
//
//	go run ./tools/mkseg -lang my -talpco myn/data_myn.txt,myn/data_myn-token.txt \
//	    -test internal/linebreak/testdata/reference/my.txt -train my-train.txt
//	go run ./tools/mkseg -lang th -pipe wisesight-160-samples-tokenised.label -test th.txt
//
// Formats: -talpco RAW,TOKENS (TALPCo: `ID<TAB>sentence` lines, and ID,
// one token a line, `<EOS>`), -pipe FILE (one text a line, words parted
// by `|`, as PyThaiNLP's wisesight samples). Every -every'th line (after
// duplicates are dropped) goes to -test, the others to -train.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	lang := flag.String("lang", "", "language: km, my or th")
	talpco := flag.String("talpco", "", "TALPCo raw and token files, comma-separated")
	pipe := flag.String("pipe", "", "a file of |-segmented lines")
	test := flag.String("test", "", "output: held-out lines")
	train := flag.String("train", "", "output: training lines")
	every := flag.Int("every", 1, "every n-th line goes to -test (1: all)")
	minLetters := flag.Int("min", 4, "fewest letters of the script in a line")
	flag.Parse()
	if err := run(*lang, *talpco, *pipe, *test, *train, *every, *minLetters); err != nil {
		fmt.Fprintln(os.Stderr, "mkseg:", err)
		os.Exit(1)
	}
}

var scripts = map[string]*unicode.RangeTable{
	"km": unicode.Khmer,
	"my": unicode.Myanmar,
	"th": unicode.Thai,
}

func run(lang, talpco, pipe, test, train string, every, minLetters int) error {
	tab := scripts[lang]
	if tab == nil || test == "" || (talpco == "") == (pipe == "") || every < 1 {
		return fmt.Errorf("usage: mkseg -lang km|my|th (-talpco RAW,TOKENS | -pipe FILE) -test OUT [-train OUT -every N]")
	}
	var segs [][]string
	var err error
	if pipe != "" {
		segs, err = readPipe(pipe)
	} else {
		segs, err = readTALPCo(talpco)
	}
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var held, rest []string
	for _, words := range segs {
		l := mark(words, tab)
		if l == "" || seen[l] || letters(l, tab) < minLetters {
			continue
		}
		seen[l] = true
		if len(seen)%every == 0 {
			held = append(held, l)
		} else {
			rest = append(rest, l)
		}
	}
	fmt.Fprintf(os.Stderr, "mkseg: %d held out, %d for training\n", len(held), len(rest))
	if err := write(test, held); err != nil {
		return err
	}
	if train != "" {
		return write(train, rest)
	}
	return nil
}

func write(name string, lines []string) error {
	return os.WriteFile(name, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}

func letter(tab *unicode.RangeTable, r rune) bool {
	return unicode.Is(tab, r) && (unicode.IsLetter(r) || unicode.IsMark(r))
}

func letters(l string, tab *unicode.RangeTable) int {
	n := 0
	for _, r := range l {
		if letter(tab, r) {
			n++
		}
	}
	return n
}

// mark joins words into one line, NFC, with a ZWSP between two words
// where the last character of one and the first of the next are letters
// of the script; spaces inside the text collapse to one.
func mark(words []string, tab *unicode.RangeTable) string {
	var b strings.Builder
	last := rune(-1)
	for _, w := range words {
		w = norm.NFC.String(strings.ReplaceAll(w, "\u200b", ""))
		if w == "" {
			continue
		}
		first := []rune(w)[0]
		if letter(tab, last) && letter(tab, first) {
			b.WriteRune('\u200b')
		}
		b.WriteString(w)
		rs := []rune(w)
		last = rs[len(rs)-1]
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
