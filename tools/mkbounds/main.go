// Command mkbounds learns the Khmer boundary model of internal/linebreak
// (bounds.go there) from text translators marked with ZWSP:
//
//	go run ./tools/mkbounds -train FREQ,PAIRS,TEXT ... [-dev FREQ,PAIRS,TEXT ...] \
//	    -threshold T -o internal/linebreak/dicts/khmer.bounds.gz
//
// Each -train names a marked text and the word and pair lists tools/mkfreq
// learnt without it (cross-fitting: a dictionary breaks text it has seen
// better than text it has not, so its boundaries on its own training text
// would teach the model too much trust). The text is broken with those
// lists, its marks removed, and each boundary between two words is a row:
// the words, and whether the translator marked it. A logistic model of
// the mark is fitted to the rows (fit.go); -dev prints its precision and
// recall on other held-out text at each threshold, and -o writes it with
// the threshold T (log-odds) folded into the bias.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/gzfile"
	"github.com/mekong-briefs/briefs/internal/linebreak"
)

func main() {
	var train, dev listFlag
	flag.Var(&train, "train", "FREQ,PAIRS,TEXT: a marked text and lists learnt without it, to learn from (repeatable)")
	flag.Var(&dev, "dev", "FREQ,PAIRS,TEXT: held-out text to print the precision/recall curve on (repeatable)")
	epochs := flag.Int("epochs", 8, "passes of the fit")
	lambda := flag.Float64("lambda", 1, "L2 penalty")
	minSeen := flag.Int("minseen", 3, "fewest rows a feature must have")
	threshold := flag.Float64("threshold", 0, "least log-odds of a mark for a boundary to be offered")
	prune := flag.Float64("prune", 0, "leave out the features (but the bias) whose weight is smaller than this, in nats")
	out := flag.String("o", "", "the model list to write (gzip)")
	flag.Parse()
	if len(train) == 0 {
		fmt.Fprintln(os.Stderr, "usage: mkbounds -train FREQ,PAIRS,TEXT ... [-dev FREQ,PAIRS,TEXT ...] [-threshold T -o OUT]")
		os.Exit(2)
	}
	if err := run(train, dev, *epochs, *lambda, *minSeen, *prune, *threshold, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkbounds:", err)
		os.Exit(1)
	}
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// load reads FREQ,PAIRS,TEXT and returns the rows of TEXT broken with the
// lists, and how many marks TEXT has.
func load(spec string) ([]row, int, error) {
	f := strings.Split(spec, ",")
	if len(f) != 3 {
		return nil, 0, fmt.Errorf("%q: want FREQ,PAIRS,TEXT", spec)
	}
	var data [3][]byte
	for i, name := range f {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, 0, err
		}
		data[i] = b
	}
	b, err := linebreak.New().WithLists(data[0], data[1])
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", spec, err)
	}
	rows, marks := rowsOf(b, strings.Split(strings.TrimSuffix(string(data[2]), "\n"), "\n"))
	return rows, marks, nil
}

func run(train, dev []string, epochs int, lambda float64, minSeen int, prune, threshold float64, out string) error {
	var rows []row
	for _, s := range train {
		r, _, err := load(s)
		if err != nil {
			return err
		}
		rows = append(rows, r...)
	}
	fmt.Fprintf(os.Stderr, "mkbounds: %d boundaries to learn from\n", len(rows))
	m := fit(rows, epochs, lambda, minSeen)
	bias := linebreak.BoundaryBias
	for k, w := range m {
		if k != bias && math.Abs(w) < prune {
			delete(m, k)
		}
	}
	ts := []float64{math.Inf(-1)}
	for t := -1.0; t <= 3.0; t += 0.25 {
		ts = append(ts, t)
	}
	for _, s := range dev {
		r, marks, err := load(s)
		if err != nil {
			return err
		}
		fmt.Printf("%s: %d boundaries, %d marks\n", s, len(r), marks)
		for _, p := range curve(m, r, marks, ts) {
			fmt.Printf("  threshold %5.2f: precision %.4f recall %.4f\n", p.threshold, p.precision, p.recall)
		}
	}
	if out == "" {
		return nil
	}
	n, err := write(out, m, threshold)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "mkbounds: %d features written\n", n)
	return nil
}

// write writes the features of m whose weight is not 0 in sixteenths of a
// nat, the bias less threshold, in code-point order, gzip-compressed
// deterministically.
func write(path string, m model, threshold float64) (int, error) {
	bias := linebreak.BoundaryBias
	var keys []string
	q := map[string]int{}
	for k, w := range m {
		if k == bias {
			w -= threshold
		}
		if v := int(math.Round(w * 16)); v != 0 {
			q[k] = max(-128, min(v, 127))
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var text strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&text, "%s\t%d\n", k, q[k])
	}
	return len(keys), gzfile.Write(path, []byte(text.String()))
}
