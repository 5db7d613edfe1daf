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
	root := rebuildProject(t)
	out := filepath.Join(t.TempDir(), "dist")
	built := rebuild(t, root, out)
	if len(built) == 0 {
		t.Fatal("the first build wrote nothing")
	}
	brief := filepath.Join(root, "briefs", "a", "brief.toml")
	if err := os.Rename(brief, filepath.Join(root, "briefs", "a", "Brief.toml")); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	appMu.Lock()
	code := run([]string{"briefs", "--root", root, "build", "--out", out}, &stdout, &stderr)
	appMu.Unlock()
	got := stdout.String() + stderr.String()
	if code != 1 || !strings.Contains(got, filepath.Join("a", "Brief.toml")+":1:1: error: [brief-name]") {
		t.Errorf("build with briefs/a/Brief.toml: exit %d, want 1 and an error naming the file\n%s", code, got)
	}
	for _, p := range built {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err != nil {
			t.Errorf("%s is gone after the build: %v", p, err)
		}
	}
}
