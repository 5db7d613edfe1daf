package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/settings"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestBrokenSettingFailsBuild checks that a mistake in briefs.toml is
// reported at its line with the build's findings and fails the build,
// while the PDFs are still built with the default, and that fixing it
// rebuilds every PDF in the new style (the style is in the cache key).
func TestBrokenSettingFailsBuild(t *testing.T) {
	root, out := testkit.Samples(t), t.TempDir()
	run := func(toml string) (int, string, string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, "briefs.toml"), []byte(toml), 0o644); err != nil {
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

// TestInitSettingsAreValid uncomments every setting in the briefs.toml
// that init writes and checks that the file loads clean and sets them: the
// examples a new project starts from must work.
func TestInitSettingsAreValid(t *testing.T) {
	src, err := skeleton.ReadFile("skeleton/briefs.toml")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(l, "# "); ok && (strings.Contains(rest, " = ") || strings.HasPrefix(rest, "[")) {
			l = rest
		}
		lines = append(lines, l)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "briefs.toml"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	logo, _ := os.ReadFile(filepath.Join(samples(t), "briefs", "jobs-in-sezs", "logo.png"))
	if err := os.WriteFile(filepath.Join(dir, "assets", "logo.png"), logo, 0o644); err != nil {
		t.Fatal(err)
	}
	s, ds := settings.Load(dir)
	if len(ds) != 0 {
		t.Fatalf("init's settings, uncommented, do not load:\n%v", ds)
	}
	if s.Logo == "" || s.Accent == nil || s.Organisation == "" || s.Langs["th"].BodyFace == "" || !s.Langs["th"].NativeDigits {
		t.Errorf("not every setting was read: %+v", s)
	}
}
