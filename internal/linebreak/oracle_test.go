package linebreak

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The oracle test compares the break opportunities this package finds
// inside SA runs with ICU's, as reported by Node's Intl.Segmenter (full
// ICU) through ../shared/tools/icu-breaks.js beside the repository.
// It runs whenever node is on PATH.

var oracleThresholds = []struct {
	lang              string
	precision, recall float64
}{
	{"th", 0.98, 0.95},
	{"km", 0.98, 0.95},
	{"my", 0.98, 0.95},
}

func TestAgainstICU(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not on PATH; skipping the ICU oracle")
	}
	script := filepath.Join("..", "..", "..", "shared", "tools", "icu-breaks.js")
	if _, err := os.Stat(script); err != nil {
		t.Skip("../shared/tools/icu-breaks.js not beside the repository")
	}
	b := New()
	for _, th := range oracleThresholds {
		t.Run(th.lang, func(t *testing.T) {
			file := filepath.Join("testdata", "corpus", th.lang+".txt")
			lines := readLines(t, file)
			if len(lines) < 500 {
				t.Fatalf("%s: %d lines, want at least 500", file, len(lines))
			}
			out, err := exec.Command(node, script, file, "--mode", "sa", "--units", "utf8").Output()
			if err != nil {
				t.Fatalf("icu-breaks.js: %v", err)
			}
			want := parseOffsets(t, out)
			if len(want) != len(lines) {
				t.Fatalf("oracle gave %d lines for %d", len(want), len(lines))
			}
			var tp, fp, fn int
			shown := 0
			for i, line := range lines {
				got := saBreaks(line, b.Breaks(line))
				a, m, x := compare(got, want[i])
				tp, fp, fn = tp+a, fp+m, fn+x
				if (m > 0 || x > 0) && shown < 5 && testing.Verbose() {
					shown++
					t.Logf("line %d\n  ours %s\n  icu  %s", i+1, pipe(line, got), pipe(line, want[i]))
				}
			}
			p := float64(tp) / float64(max(tp+fp, 1))
			r := float64(tp) / float64(max(tp+fn, 1))
			t.Logf("%s: %d lines, %d ICU breaks: precision %.4f, recall %.4f (tp %d, fp %d, fn %d)",
				th.lang, len(lines), tp+fn, p, r, tp, fp, fn)
			if p < th.precision || r < th.recall {
				t.Errorf("%s: precision %.4f (want >= %.2f), recall %.4f (want >= %.2f)",
					th.lang, p, th.precision, r, th.recall)
			}
		})
	}
}

// isOracleSA is icu-breaks.js's approximation of class SA: a letter or mark
// of a Southeast Asian script.
func isOracleSA(r rune) bool {
	return saScript(r) != scriptNone
}

// saBreaks keeps the breaks strictly between two SA characters, not before
// a mark: the ones icu-breaks.js --mode sa reports.
func saBreaks(line string, bs []Break) []int {
	var out []int
	for _, br := range bs {
		if br.Pos <= 0 || br.Pos >= len(line) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(line[:br.Pos])
		after, _ := utf8.DecodeRuneInString(line[br.Pos:])
		if isOracleSA(before) && isOracleSA(after) && !unicode.IsMark(after) {
			out = append(out, br.Pos)
		}
	}
	return out
}

// compare counts true positives, false positives and false negatives.
func compare(got, want []int) (tp, fp, fn int) {
	w := make(map[int]bool, len(want))
	for _, x := range want {
		w[x] = true
	}
	for _, x := range got {
		if w[x] {
			tp++
			delete(w, x)
		} else {
			fp++
		}
	}
	return tp, fp, len(w)
}

func pipe(line string, offs []int) string {
	var sb strings.Builder
	prev := 0
	for _, o := range offs {
		sb.WriteString(line[prev:o])
		sb.WriteByte('|')
		prev = o
	}
	sb.WriteString(line[prev:])
	return sb.String()
}

func readLines(t testing.TB, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	return lines
}

func parseOffsets(t *testing.T, out []byte) [][]int {
	t.Helper()
	var res [][]int
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var offs []int
		for _, f := range strings.Fields(sc.Text()) {
			n, err := strconv.Atoi(f)
			if err != nil {
				t.Fatalf("oracle output %q: %v", sc.Text(), err)
			}
			offs = append(offs, n)
		}
		res = append(res, offs)
	}
	return res
}
