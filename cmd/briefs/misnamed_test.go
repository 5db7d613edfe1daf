package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMisnamedBriefKeepsItsPDFs renames a built brief's file Brief.toml,
// as a system whose file names ignore case may save it. The next build
// must fail and name the file, and keep the PDFs: before, the brief
// dropped out without a word and the build deleted its PDFs as withdrawn.
func TestMisnamedBriefKeepsItsPDFs(t *testing.T) {
	for _, name := range []string{"Brief.toml", "brief.toml.txt"} {
		t.Run(name, func(t *testing.T) { misnamedKeepsPDFs(t, name) })
	}
}

// misnamedKeepsPDFs is TestMisnamedBriefKeepsItsPDFs with the brief's
// file renamed name: Brief.toml, or brief.toml.txt as an editor that adds
// .txt saves it (which the build took for a withdrawn brief, deleting its
// PDFs, though it reported the name).
func misnamedKeepsPDFs(t *testing.T, name string) {
	root, out, built := builtProject(t)
	brief := filepath.Join(root, "briefs", "a", "brief.toml")
	if err := os.Rename(brief, filepath.Join(root, "briefs", "a", name)); err != nil {
		t.Fatal(err)
	}
	// A build of another brief alone reads a's folder only to keep its PDFs.
	os.MkdirAll(filepath.Join(root, "briefs", "z"), 0o755)
	data, _ := os.ReadFile(filepath.Join(root, "briefs", "a", name))
	os.WriteFile(filepath.Join(root, "briefs", "z", "brief.toml"), []byte(strings.Replace(string(data), `id = "a"`, `id = "z"`, 1)), 0o644)
	fig, _ := os.ReadFile(filepath.Join(root, "briefs", "a", "fig.png"))
	os.WriteFile(filepath.Join(root, "briefs", "z", "fig.png"), fig, 0o644)
	for _, en := range []string{"en", "km"} {
		cat, _ := os.ReadFile(filepath.Join(root, "locales", "a."+en+".toml"))
		os.WriteFile(filepath.Join(root, "locales", "z."+en+".toml"), cat, 0o644)
	}
	for _, args := range [][]string{nil, {"--brief", "z"}} {
		var stdout, stderr bytes.Buffer
		appMu.Lock()
		code := run(append([]string{"briefs", "--root", root, "build", "--out", out}, args...), &stdout, &stderr)
		appMu.Unlock()
		got := stdout.String() + stderr.String()
		// The filtered build does not report a's error (it is not about z),
		// but keeps a's PDFs as well.
		if args == nil && (code != 1 || !strings.Contains(got, filepath.Join("a", name)+":1:1: error: [brief-name]")) {
			t.Errorf("build %v with briefs/a/%s: exit %d, want 1 and an error naming the file\n%s", args, name, code, got)
		}
		for _, p := range built {
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err != nil {
				t.Errorf("%s is gone after build %v: %v", p, args, err)
			}
		}
	}
}
