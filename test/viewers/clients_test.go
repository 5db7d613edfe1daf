package viewers_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// clients are the text extractors of the matrix, in report order.
var clients = []string{"poppler", "pdfjs", "pdfium", "mupdf"}

// need returns the path of a program, or skips the test without it;
// under CI=true a missing program fails the test, naming its package.
func need(t *testing.T, program, install string) string {
	t.Helper()
	p, err := exec.LookPath(program)
	if err == nil {
		return p
	}
	testkit.Missing(t, program, install)
	return ""
}

// needNodeModules checks that npm ci has run in this folder.
func needNodeModules(t *testing.T) {
	t.Helper()
	for _, m := range []string{"pdfjs-dist", "@hyzyla/pdfium", "mupdf"} {
		if _, err := os.Stat(filepath.Join("node_modules", m, "package.json")); err != nil {
			testkit.Missing(t, "npm package "+m, "cd test/viewers && npm ci")
		}
	}
}

// extractAll returns, per PDF path and client, the text the client
// extracts: pdftotext for poppler, extract.mjs under Node for the others.
func extractAll(t *testing.T, paths []string) map[string]map[string]string {
	t.Helper()
	pdftotext := need(t, "pdftotext", "poppler-utils")
	node := need(t, "node", "nodejs")
	needNodeModules(t)

	out, err := exec.Command(node, append([]string{"extract.mjs"}, paths...)...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("node extract.mjs: %v\n%s", err, msg)
	}
	var got map[string]map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("extract.mjs printed no JSON: %v", err)
	}
	texts := map[string]map[string]string{}
	for _, p := range paths {
		texts[p] = map[string]string{}
		for _, c := range clients[1:] {
			s, ok := got[p][c].(string)
			if !ok {
				t.Errorf("%s: %s could not read it: %v", filepath.Base(p), c, got[p][c+"_error"])
			}
			texts[p][c] = s
		}
		txt, err := exec.Command(pdftotext, "-enc", "UTF-8", p, "-").Output()
		if err != nil {
			t.Errorf("pdftotext %s: %v", filepath.Base(p), err)
		}
		texts[p]["poppler"] = string(txt)
	}
	return texts
}
