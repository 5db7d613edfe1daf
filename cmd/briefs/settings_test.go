package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestBrokenSettingFailsBuild checks that a mistake in briefs.toml is
// reported at its line with the build's findings and fails the build,
// while the PDFs are still built with the default, and that fixing it
// rebuilds every PDF in the new style (the style is in the cache key).
func TestBrokenSettingFailsBuild(t *testing.T) {
	root, out := testkit.Samples(t), t.TempDir()
	run := func(settings string) (int, string, string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, "briefs.toml"), []byte(settings), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		app := newApp(&stdout, &stderr)
		app.ExitErrHandler = func(*cli.Context, error) {}
		err := app.Run([]string{"briefs", "--root", root, "build", "--brief", "provinces", "--out", out})
		code := 0
		if ec, ok := err.(cli.ExitCoder); ok {
			code = ec.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, stdout.String(), stderr.String()
	}
	code, stdout, stderr := run("page_size = \"A5\"\naccent = \"#12345\"\n")
	all := stdout + stderr
	if code != 1 || !strings.Contains(all, "briefs.toml:2:1: error: [settings] accent") || strings.Count(all, "accent \"#12345\"") != 1 {
		t.Errorf("exit %d, want 1 and the accent's error once at briefs.toml:2:1:\n%s", code, all)
	}
	if code, stdout, _ := run("page_size = \"A5\"\naccent = \"#123456\"\n"); code != 0 || !strings.Contains(stdout, " 0 unchanged") {
		t.Errorf("exit %d after the fix, want 0 and every PDF built again in the new style:\n%s", code, stdout)
	}
}
