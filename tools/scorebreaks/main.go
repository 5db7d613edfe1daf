// Command scorebreaks scores briefs' line-break opportunities, and ICU's,
// against word boundaries people marked with ZWSP (U+200B), one text a
// line, as internal/linebreak's reference test does, for any such file:
//
//	go run ./tools/scorebreaks [-icu] FILE...
//
// A boundary counts when it falls strictly between two Thai, Lao, Khmer or
// Myanmar letters or marks, not before a mark. With -icu it also runs
// internal/linebreak/testdata/icu-breaks.js under node (full ICU).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/linebreak"
)

func main() {
	icu := flag.Bool("icu", false, "score ICU too (needs node)")
	flag.BoolVar(&showErrors, "errors", false, "print each line with its errors: + a false break, _ a missed one")
	flag.Parse()
	b := linebreak.New()
	for _, f := range flag.Args() {
		if err := score(b, f, *icu); err != nil {
			fmt.Fprintln(os.Stderr, "scorebreaks:", err)
			os.Exit(1)
		}
	}
}

func score(b *linebreak.Breaker, file string, icu bool) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	texts, want := make([]string, len(lines)), make([][]int, len(lines))
	var ours counts
	for i, l := range lines {
		texts[i], want[i] = unmark(l)
		var got []int
		for _, br := range b.Breaks(texts[i]) {
			if inside(texts[i], br.Pos) {
				got = append(got, br.Pos)
			}
		}
		ours.add(got, want[i])
		if showErrors {
			printErrors(texts[i], got, want[i])
		}
	}
	fmt.Printf("%s: %d lines, %d marked boundaries\n  briefs: %s\n", file, len(lines), ours.tp+ours.fn, ours)
	if icu {
		got, err := icuBreaks(texts)
		if err != nil {
			return err
		}
		var c counts
		for i := range texts {
			c.add(got[i], want[i])
		}
		fmt.Printf("  ICU:    %s\n", c)
	}
	return nil
}

func isSA(r rune) bool {
	return (unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)) &&
		(unicode.IsLetter(r) || unicode.IsMark(r))
}

// inside reports whether byte offset pos of s lies between two SA
// characters, the second not a mark.
func inside(s string, pos int) bool {
	if pos <= 0 || pos >= len(s) {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(s[:pos])
	c, _ := utf8.DecodeRuneInString(s[pos:])
	return isSA(a) && isSA(c) && !unicode.IsMark(c)
}

// unmark removes the ZWSPs of a line and returns the text and the byte
// offsets where they stood inside SA runs.
func unmark(line string) (string, []int) {
	var sb strings.Builder
	var marks []int
	for _, r := range line {
		if r == '\u200b' {
			marks = append(marks, sb.Len())
			continue
		}
		sb.WriteRune(r)
	}
	text := sb.String()
	var out []int
	for _, m := range marks {
		if inside(text, m) && (len(out) == 0 || out[len(out)-1] != m) {
			out = append(out, m)
		}
	}
	return text, out
}

type counts struct{ tp, fp, fn int }

func (c *counts) add(got, want []int) {
	w := map[int]bool{}
	for _, x := range want {
		w[x] = true
	}
	for _, x := range got {
		if w[x] {
			c.tp++
			delete(w, x)
		} else {
			c.fp++
		}
	}
	c.fn += len(w)
}

func (c counts) String() string {
	p := float64(c.tp) / float64(max(c.tp+c.fp, 1))
	r := float64(c.tp) / float64(max(c.tp+c.fn, 1))
	return fmt.Sprintf("precision %.4f recall %.4f (tp %d, fp %d, fn %d)", p, r, c.tp, c.fp, c.fn)
}

func icuBreaks(texts []string) ([][]int, error) {
	tmp, err := os.CreateTemp("", "scorebreaks-*.txt")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(strings.Join(texts, "\n") + "\n"); err != nil {
		return nil, err
	}
	tmp.Close()
	script := filepath.Join("internal", "linebreak", "testdata", "icu-breaks.js")
	out, err := exec.Command("node", script, tmp.Name()).Output()
	if err != nil {
		return nil, fmt.Errorf("node %s: %v (run from the repository root)", script, err)
	}
	rows := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(rows) != len(texts) {
		return nil, fmt.Errorf("icu-breaks.js gave %d lines for %d", len(rows), len(texts))
	}
	res := make([][]int, len(rows))
	for i, row := range rows {
		for _, f := range strings.Fields(row) {
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil, err
			}
			res[i] = append(res[i], n)
		}
	}
	return res, nil
}

// showErrors is the -errors flag.
var showErrors bool

// printErrors prints text with a + at each false break and a _ at each
// missed one, when there is any.
func printErrors(text string, got, want []int) {
	mark := map[int]string{}
	for _, x := range got {
		mark[x] = "+"
	}
	for _, x := range want {
		if mark[x] == "+" {
			mark[x] = "|"
		} else {
			mark[x] = "_"
		}
	}
	wrong := false
	var b strings.Builder
	for i, r := range text {
		if m := mark[i]; m != "" {
			b.WriteString(m)
			wrong = wrong || m != "|"
		}
		b.WriteRune(r)
	}
	if wrong {
		fmt.Println(b.String())
	}
}
