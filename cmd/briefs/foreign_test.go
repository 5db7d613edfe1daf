package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestForeignIndexIsKept: --out naming a folder whose index.html or
// manifest.json another program wrote fails and leaves them as they are;
// before, the build replaced both without a word. An index.html beside a
// manifest of briefs' own (an earlier version's, without the generator
// mark) is still updated.
func TestForeignIndexIsKept(t *testing.T) {
	root := rebuildProject(t)
	for name, files := range map[string]map[string]string{
		"index.html":    {"index.html": "<html><body>Our site</body></html>\n"},
		"manifest.json": {"manifest.json": `{"name": "our site", "pages": []}` + "\n"},
	} {
		out := filepath.Join(t.TempDir(), "site")
		os.MkdirAll(out, 0o755)
		for f, data := range files {
			os.WriteFile(filepath.Join(out, f), []byte(data), 0o644)
		}
		var stdout, stderr bytes.Buffer
		appMu.Lock()
		code := run([]string{"briefs", "--root", root, "build", "--out", out}, &stdout, &stderr)
		appMu.Unlock()
		if code != 1 || !strings.Contains(stderr.String(), filepath.Join(out, name)) {
			t.Errorf("%s of another program: exit %d, want 1 and the file named\n%s%s", name, code, stdout.String(), stderr.String())
		}
		for f, data := range files {
			if got, _ := os.ReadFile(filepath.Join(out, f)); string(got) != data {
				t.Errorf("%s was changed:\n%s", f, got)
			}
		}
	}
	out := filepath.Join(t.TempDir(), "dist")
	rebuild(t, root, out)
	page := filepath.Join(out, "index.html")
	old, _ := os.ReadFile(page)
	os.WriteFile(page, bytes.Replace(old, []byte(`<meta name="generator" content="briefs">`), nil, 1), 0o644)
	rebuild(t, root, out, "--force") // an earlier version's page, beside briefs' manifest
	if now, _ := os.ReadFile(page); !bytes.Equal(now, old) {
		t.Error("an index.html beside briefs' own manifest was not rewritten")
	}
}
