package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/mekong-briefs/briefs/internal/gzfile"
)

var scripts = map[string]*unicode.RangeTable{
	"km": unicode.Khmer,
	"my": unicode.Myanmar,
	"th": unicode.Thai,
}

// letter reports whether r is a letter or mark of script tab (Line_Break
// class SA).
func letter(tab *unicode.RangeTable, r rune) bool {
	return unicode.Is(tab, r) && (unicode.IsLetter(r) || unicode.IsMark(r))
}

func readList(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	var words []string
	for _, l := range strings.Split(string(raw), "\n") {
		if w, _, _ := strings.Cut(l, "\t"); strings.TrimSpace(w) != "" {
			words = append(words, strings.TrimSpace(w))
		}
	}
	return words, nil
}

func readLines(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n"), nil
}

// writeCounts writes the dictionary's words in code-point order, with
// their counts, as a deterministic gzip file (no name, no time stamp).
func writeCounts(path string, d *dict) error {
	words := make([]string, 0, len(d.count))
	for w := range d.count {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int { return slices.Compare([]rune(a), []rune(b)) })
	var text strings.Builder
	for _, w := range words {
		text.WriteString(w)
		if c := d.count[w]; c > 0 {
			fmt.Fprintf(&text, "\t%d", c)
		}
		text.WriteByte('\n')
	}
	return gzfile.Write(path, []byte(text.String()))
}
