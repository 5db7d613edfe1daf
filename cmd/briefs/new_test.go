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

// TestNewBriefBuilds starts a brief with `briefs new`, then builds its
// English edition: the scaffold is a valid brief with a complete English
// catalogue. A second `new` with the same ID refuses to overwrite it.
func TestNewBriefBuilds(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "locales"), 0o755)
	shared, err := os.ReadFile(filepath.Join(testkit.Samples(t), "locales", "shared.en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "locales", "shared.en.toml"), shared, 0o644)
	run := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		app := newApp(&out, &errOut)
		app.ExitErrHandler = func(*cli.Context, error) {}
		err := app.Run(append([]string{"briefs", "--root", root}, args...))
		return out.String() + errOut.String(), err
	}
	if out, err := run("new", "--edition", "region:en,km", "--edition", "kh:en", "wage-theft"); err != nil {
		t.Fatalf("new: %v\n%s", err, out)
	}
	out, err := run("build", "--lang", "en", "--out", filepath.Join(root, "dist"))
	if err != nil || !strings.Contains(out, "2 PDFs written") {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if _, err := run("new", "wage-theft"); err == nil {
		t.Error("a second new overwrote the brief")
	}
	if _, err := run("new", "--edition", "kh:kh", "other"); err == nil {
		t.Error("a country code as a language was accepted")
	}
}
