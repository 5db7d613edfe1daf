package zawgyi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unicodeCorpus lists the repository's Unicode Burmese text, relative to
// this package: the catalogues, the sample project, and the Burmese test
// data of other packages (line breaking, publishing, the PDF viewers) and
// of the frequency tool. Each pattern must match at least one file.
var unicodeCorpus = []string{
	"testdata/unicode.txt",
	"testdata/typed.want.txt",
	"../../locales/*.my.toml",
	"../../locales/words.my.txt",
	"../../testdata/samples/locales/*.my.toml",
	"../publish/testdata/locales/*.my.toml",
	"../linebreak/testdata/*/my.txt",
	"../../test/viewers/testdata/proof/my*.txt",
	"../../tools/mkfreq/train/my.txt",
}

// TestNoFalsePositives: no line of the Unicode corpus, and no word of it
// on its own (a short label), reads as Zawgyi.
func TestNoFalsePositives(t *testing.T) {
	texts, flagged := 0, 0
	for _, pat := range unicodeCorpus {
		files, err := filepath.Glob(pat)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no files (%v)", pat, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for n, line := range strings.Split(string(b), "\n") {
				for _, s := range append(myanmarRuns(line), line) {
					if !strings.ContainsFunc(s, isMyanmar) {
						continue
					}
					texts++
					if IsZawgyi(s) {
						flagged++
						t.Errorf("%s:%d: Probability(%q) = %.3f", f, n+1, s, Probability(s))
					}
				}
			}
		}
	}
	t.Logf("%d Unicode texts (lines and words) scanned, %d read as Zawgyi", texts, flagged)
}

// myanmarRuns returns the runs of Myanmar-block characters of s, the
// words Repair judges one by one.
func myanmarRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isMyanmar(r) })
}
