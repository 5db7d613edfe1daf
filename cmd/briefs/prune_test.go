package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestWithdrawnEditionIsPruned: once an edition stops being published in
// a language, the next build removes that PDF from the tree, the manifest
// and the index, and keeps every other PDF, even in a filtered build: one
// of a language, or one of another brief, which reads the withdrawn
// edition's brief only to prune.
func TestWithdrawnEditionIsPruned(t *testing.T) {
	for _, filter := range [][]string{{"--lang", "km"}, {"--brief", "jobs-in-sezs"}} {
		t.Run(strings.Join(filter, "="), func(t *testing.T) { testWithdrawnEditionIsPruned(t, filter) })
	}
}

func testWithdrawnEditionIsPruned(t *testing.T, filter []string) {
	root := testkit.Samples(t)
	out := filepath.Join(t.TempDir(), "dist")
	build := func(args ...string) string {
		t.Helper()
		said, err := buildAt(root, out, args...)
		if err != nil {
			t.Fatalf("build %v: %v\n%s", args, err, said)
		}
		return said
	}
	build()
	gone := filepath.Join(out, "social-protection", "social-protection.vn.vi.pdf")
	if _, err := os.Stat(gone); err != nil {
		t.Fatalf("the first build wrote no %s", gone)
	}
	src := filepath.Join(root, "briefs", "social-protection", "brief.toml")
	data, _ := os.ReadFile(src)
	withdrawn := strings.Replace(string(data), "country = \"vn\"\nlanguages = [\"en\", \"vi\"]", "country = \"vn\"\nlanguages = [\"en\"]", 1)
	if withdrawn == string(data) {
		t.Fatal("the fixture's vn edition is not where the test expects it")
	}
	os.WriteFile(src, []byte(withdrawn), 0o644)
	said := build(filter...) // a filtered build prunes too, and keeps the rest
	if !strings.Contains(said, "removed "+gone+" ") {
		t.Errorf("the build deleted %s without saying so:\n%s", gone, said)
	}

	if _, err := os.Stat(gone); err == nil {
		t.Errorf("%s is still in the tree", gone)
	}
	if kept := filepath.Join(out, "social-protection", "social-protection.vn.en.pdf"); !exists(kept) {
		t.Errorf("%s, still published, left the tree", kept)
	}
	entries, err := publish.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	index, _ := os.ReadFile(filepath.Join(out, publish.IndexName))
	kept := 0
	for _, e := range entries {
		if e.Edition == "vn" && e.Lang == "vi" && e.Brief == "social-protection" {
			t.Errorf("the manifest still lists %s", e.Path)
		}
		if e.Lang == "th" {
			kept++
		}
	}
	if kept == 0 {
		t.Error("the filtered build dropped the Thai PDFs it did not rebuild")
	}
	if strings.Contains(string(index), "social-protection.vn.vi.pdf") {
		t.Error("index.html still links the withdrawn edition")
	}
}

// buildAt runs briefs build of the project root into out, and returns
// what it printed on standard output and its error.
func buildAt(root, out string, args ...string) (string, error) {
	var o, e bytes.Buffer
	app := newApp(&o, &e)
	app.ExitErrHandler = func(*cli.Context, error) {}
	err := app.Run(append([]string{"briefs", "--root", root, "build", "--out", out}, args...))
	return o.String() + e.String(), err
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestDraftGoesWhenTheBuildFails: a build without --draft that cannot make
// a PDF (a translation missing) removes the DRAFT an earlier build
// --draft left under its name, from the tree and the index, and says why;
// the draft stayed, listed as DRAFT, beside the failure.
func TestDraftGoesWhenTheBuildFails(t *testing.T) {
	root := testkit.Samples(t)
	out := filepath.Join(t.TempDir(), "dist")
	build := func(args ...string) string {
		said, _ := buildAt(root, out, append([]string{"--brief", "social-protection"}, args...)...)
		return said // the second build fails, for the missing translation
	}
	cat := filepath.Join(root, "locales", "social-protection.vi.toml")
	data, _ := os.ReadFile(cat)
	i := bytes.Index(data, []byte("\nother = "))
	j := bytes.IndexByte(data[i+1:], '\n')
	if i < 0 || j < 0 {
		t.Fatal("no translation in the fixture's Vietnamese catalogue")
	}
	os.WriteFile(cat, append(data[:i+1:i+1], data[i+1+j+1:]...), 0o644)
	draft := filepath.Join(out, "social-protection", "social-protection.vn.vi.pdf")
	if said := build("--draft"); !strings.Contains(said, "DRAFT") || !exists(draft) {
		t.Fatalf("build --draft wrote no draft:\n%s", said)
	}
	said := build()
	if exists(draft) || !strings.Contains(said, "removed "+draft+" (a DRAFT") {
		t.Errorf("the draft is still there, or went unsaid:\n%s", said)
	}
	index, _ := os.ReadFile(filepath.Join(out, publish.IndexName))
	if bytes.Contains(index, []byte("DRAFT")) {
		t.Error("index.html still lists a DRAFT")
	}
	if !exists(filepath.Join(out, "social-protection", "social-protection.vn.en.pdf")) {
		t.Error("the build removed a PDF it made")
	}
}
