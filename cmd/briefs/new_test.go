package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestNewBriefBuilds starts a brief with `briefs new`, then builds its
// English edition: the scaffold is a valid brief with a complete English
// catalogue, and the project needs no shared catalogue of its own. A
// second `new` with the same ID refuses to overwrite it.
func TestNewBriefBuilds(t *testing.T) {
	root := t.TempDir()
	// No shared catalogue: the layout's words are built in.
	os.MkdirAll(filepath.Join(root, "locales"), 0o755)
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
