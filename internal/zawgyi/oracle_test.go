package zawgyi

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// readLines returns the non-blank, non-comment lines of a fixture file.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// uconvZawgyi runs ICU's CLDR transform Zawgyi-my on one line and returns
// the result in NFC.
func uconvZawgyi(t *testing.T, s string) string {
	t.Helper()
	cmd := exec.Command("uconv", "-x", "Zawgyi-my")
	cmd.Stdin = strings.NewReader(s)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("uconv -x Zawgyi-my: %v", err)
	}
	return norm.NFC.String(string(out))
}

// knownDivergence lists fixture lines (file, 1-based line among non-comment
// lines) where ToUnicode deliberately differs from ICU, with the reason.
var knownDivergence = map[string]map[int]string{
	"testdata/typed.zg.txt": {
		3: "ICU reads ၀ (digit zero) after a space and before a consonant as a digit; " +
			"ToUnicode reads it as letter ဝ because no digit touches it",
	},
}

// TestUconvLive compares ToUnicode with `uconv -x Zawgyi-my` on every
// Zawgyi fixture line and reports the agreement rate. It is skipped only
// when uconv (Debian package icu-devtools) is not installed.
func TestUconvLive(t *testing.T) {
	if _, err := exec.LookPath("uconv"); err != nil {
		t.Skip("uconv not installed (apt-get install icu-devtools)")
	}
	agree, total := 0, 0
	for _, file := range []string{"testdata/zawgyi.txt", "testdata/typed.zg.txt"} {
		for i, z := range readLines(t, file) {
			total++
			got, want := ToUnicode(z), uconvZawgyi(t, z)
			if got == want {
				agree++
				if why, ok := knownDivergence[file][i+1]; ok {
					t.Errorf("%s:%d: listed as divergent (%s) but now agrees", file, i+1, why)
				}
				continue
			}
			if why, ok := knownDivergence[file][i+1]; ok {
				t.Logf("%s:%d: known divergence: %s", file, i+1, why)
				continue
			}
			t.Errorf("%s:%d: %s\n got  %s %U\n uconv %s %U", file, i+1, z, got, []rune(got), want, []rune(want))
		}
	}
	t.Logf("agreement with uconv -x Zawgyi-my: %d/%d (%.1f%%)", agree, total, 100*float64(agree)/float64(total))
}
