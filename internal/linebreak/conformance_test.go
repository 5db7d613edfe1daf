package linebreak

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestLineBreakConformance runs Unicode's LineBreakTest.txt (as shipped
// with go-text's segmenter) through Breaks. Cases with SA characters are
// skipped: for those UAX #14 leaves breaks to a dictionary, which the test
// file cannot know.
func TestLineBreakConformance(t *testing.T) {
	file := lineBreakTestFile(t)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	b := New()
	var run, skipped, failed int
	for n, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		text, want, ok := parseBreakTest(line)
		if !ok {
			t.Fatalf("line %d: cannot parse %q", n+1, line)
		}
		if hasSA(text) || len(addresses([]rune(text))) > 0 {
			// Tailored, as UAX #14 allows: dictionary breaks in SA runs,
			// and addresses broken by CMOS 14.18 (addresses).
			skipped++
			continue
		}
		run++
		var got []int
		for _, br := range b.Breaks(text) {
			got = append(got, br.Pos)
		}
		if !reflect.DeepEqual(got, want) {
			failed++
			if failed <= 10 {
				t.Errorf("line %d: %s: got %v, want %v", n+1, strings.TrimSpace(line), got, want)
			}
		}
	}
	t.Logf("LineBreakTest.txt: %d cases run, %d failed, %d skipped for SA characters or addresses", run, failed, skipped)
	if run == 0 {
		t.Fatal("no cases run")
	}
}

// lineBreakTestFile finds LineBreakTest.txt in go-text's module directory.
func lineBreakTestFile(t *testing.T) string {
	t.Helper()
	dir := goTextDir(t)
	return filepath.Join(dir, "segmenter", "test", "LineBreakTest.txt")
}

// parseBreakTest decodes one test line ("× 0041 ÷ 0020 × ...") into its
// text and the byte offsets of the expected breaks.
func parseBreakTest(line string) (string, []int, bool) {
	var sb strings.Builder
	var want []int
	for _, f := range strings.Fields(line) {
		switch f {
		case "÷":
			if sb.Len() > 0 {
				want = append(want, sb.Len())
			}
		case "×":
		default:
			v, err := strconv.ParseUint(f, 16, 32)
			if err != nil {
				return "", nil, false
			}
			sb.WriteRune(rune(v))
		}
	}
	return sb.String(), want, true
}

func hasSA(text string) bool {
	for _, r := range text {
		if saScript(r) != scriptNone {
			return true
		}
	}
	return false
}
