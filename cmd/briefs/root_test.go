package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProjectFromASubfolder: without --root, a project command run in a
// subfolder of the project works on the project, as git does: new from
// locales/ writes the brief where it belongs, and check from the brief's
// folder reads the project and names its files from there. Outside any
// project, check still says there is none.
func TestProjectFromASubfolder(t *testing.T) {
	dir := t.TempDir()
	initIn(t, dir)
	cli := func(args ...string) (string, int) {
		var out bytes.Buffer
		appMu.Lock()
		defer appMu.Unlock()
		code := run(append([]string{"briefs"}, args...), &out, &out)
		return out.String(), code
	}
	t.Chdir(filepath.Join(dir, "locales"))
	if out, code := cli("new", "--edition", "kh:en,km", "demo"); code != 0 {
		t.Fatalf("new from locales/: exit %d\n%s", code, out)
	}
	for _, p := range []string{"briefs/demo/brief.toml", "locales/demo.en.toml"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("new from locales/ did not write %s: %v", p, err)
		}
	}
	t.Chdir(filepath.Join(dir, "briefs", "demo"))
	out, code := cli("check")
	if code != 1 || !strings.Contains(out, "../../locales/demo.km.toml") {
		t.Errorf("check from briefs/demo: exit %d, want 1 naming ../../locales/demo.km.toml (missing):\n%s", code, out)
	}
	t.Chdir(t.TempDir())
	if out, code := cli("check"); code != 2 {
		t.Errorf("check outside a project: exit %d, want 2:\n%s", code, out)
	}
}
