package viewers_test

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestChromeCopiesWhatPDFiumExtracts opens one sample PDF of each
// language in Chromium's own PDF viewer, the one most readers of these
// briefs use (on a phone, Chrome hands a PDF to the same PDFium), and
// copies all its text as Ctrl+A, Ctrl+C does (chrome-copy.mjs). It must be
// PDFium's FPDFText_GetText, which the extraction matrix measures, with
// line breaks as LF and no space before them: so the matrix's PDFium
// column, which loses no space and gets no character wrong, stands for
// what a Chrome reader copies. Measured with Chromium 148 (Debian 12).
func TestChromeCopiesWhatPDFiumExtracts(t *testing.T) {
	browser := testkit.Chromium(t)
	node := need(t, "node", "nodejs")
	samples := buildSamples(t, t.TempDir())
	var paths []string
	seen := map[string]bool{}
	for _, s := range samples {
		if !seen[s.lang] {
			seen[s.lang] = true
			paths = append(paths, s.path)
		}
	}
	texts := extractAll(t, paths)
	args := []string{"--no-warnings", "chrome-copy.mjs"}
	if exec.Command(node, "-e", "process.exit(typeof WebSocket === 'undefined' ? 1 : 0)").Run() != nil {
		args = append([]string{"--experimental-websocket"}, args...) // Node 20; 22 has WebSocket
	}
	cmd := exec.Command(node, append(args, paths...)...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+browser)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chrome-copy.mjs: %v\n%s", err, stderr.String())
	}
	var copied map[string]string
	if err := json.Unmarshal(out, &copied); err != nil {
		t.Fatalf("chrome-copy.mjs printed no JSON: %v", err)
	}
	for _, p := range paths {
		want := asChromeCopies(texts[p]["pdfium"])
		if got := copied[p]; got != want {
			t.Errorf("%s: Chrome copies other text than PDFium extracts\n%s", p, firstDifference([]rune(want), []rune(got)))
		}
	}
	t.Logf("%d PDFs, languages %v: Chrome's copy is PDFium's text", len(paths), keysOf(seen))
}

// asChromeCopies is PDFium's text as Chrome's viewer puts it on the
// clipboard: LF line breaks, and no space before one.
func asChromeCopies(s string) string {
	return spaceBeforeBreak.ReplaceAllString(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

var spaceBeforeBreak = regexp.MustCompile(` +\n`)

func keysOf(m map[string]bool) []string { return slices.Sorted(maps.Keys(m)) }
