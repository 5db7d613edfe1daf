// Command mkref builds the human-marked word-break reference of
// internal/linebreak/testdata/reference from GNU gettext catalogues (.mo)
// and Mozilla Fluent or properties files, in which translators separated
// Khmer, Burmese (and sometimes Thai) words with ZERO WIDTH SPACE.
//
//	go run ./tools/mkref -lang km -o internal/linebreak/testdata/reference/km.txt FILE...
//
// It keeps the translated lines that are segmented throughout (see
// marked), one a line, NFC, with their ZWSPs, in the order found and
// without duplicates. With -exclude, lines of that file are left out, so
// a training set can be kept apart from the reference. With -raw it keeps
// every line with enough letters, for unsupervised training.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	lang := flag.String("lang", "", "language: km, my or th")
	out := flag.String("o", "", "output file")
	exclude := flag.String("exclude", "", "leave out the lines of this file")
	minLetters := flag.Int("min", 8, "fewest letters of the script in a line")
	maxRun := flag.Int("maxrun", 12, "longest run of letters without a ZWSP")
	raw := flag.Bool("raw", false, "keep every line with enough letters, marked or not (text for training)")
	flag.Parse()
	if *raw {
		*maxRun = -1
	}
	if err := run(*lang, *out, *exclude, *minLetters, *maxRun, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "mkref:", err)
		os.Exit(1)
	}
}

func run(lang, out, exclude string, minLetters, maxRun int, files []string) error {
	tab := scripts[lang]
	if tab == nil || out == "" || len(files) == 0 {
		return fmt.Errorf("usage: mkref -lang km|my|th -o OUT [-exclude FILE] FILE…")
	}
	seen := map[string]bool{}
	if exclude != "" {
		old, err := os.ReadFile(exclude)
		if err != nil {
			return err
		}
		for _, l := range strings.Split(string(old), "\n") {
			seen[l] = true
		}
	}
	var lines []string
	for _, f := range files {
		msgs, err := readMessages(f)
		if err != nil {
			return fmt.Errorf("%s: %v", f, err)
		}
		n := 0
		for _, m := range msgs {
			for _, l := range cleanLines(m, tab) {
				if !seen[l] && marked(l, tab, minLetters, maxRun) {
					seen[l] = true
					lines = append(lines, l)
					n++
				}
			}
		}
		fmt.Fprintf(os.Stderr, "%s: %d lines\n", filepath.Base(f), n)
	}
	return os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}

// readMessages returns the translations in f: a .mo catalogue, an HTML
// page (LibreOffice's help), or a text file of `key = value` lines
// (Fluent .ftl, .properties), of which it takes the values.
func readMessages(f string) ([]string, error) {
	data, err := os.ReadFile(f)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(f, ".mo") {
		return moStrings(data)
	}
	if strings.HasSuffix(f, ".html") {
		return htmlStrings(string(data)), nil
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if i := strings.IndexByte(l, '='); i >= 0 {
			l = l[i+1:]
		}
		out = append(out, l)
	}
	return out, sc.Err()
}
