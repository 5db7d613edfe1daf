package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// copyFixture copies the interchange test project into a temporary folder.
func copyFixture(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "internal", "interchange", "testdata", "project")
	root := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(root, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(root, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func runIn(root string, args ...string) (string, error) {
	var out, errOut bytes.Buffer
	app := newApp(&out, &errOut)
	app.ExitErrHandler = func(*cli.Context, error) {}
	err := app.Run(append([]string{"briefs", "--root", root}, args...))
	return out.String() + errOut.String(), err
}

func exitCode(err error) int {
	if ec, ok := err.(cli.ExitCoder); ok {
		return ec.ExitCode()
	}
	if err != nil {
		return 1
	}
	return 0
}

// TestExportImportCommands: export both formats, import a translated PO
// file (exit 0), refuse a broken one (exit 1, nothing written), and ask
// for files (exit 2).
func TestExportImportCommands(t *testing.T) {
	root := copyFixture(t)
	out := filepath.Join(root, "out")
	for _, format := range []string{"po", "xliff"} {
		if got, err := runIn(root, "export", "--format", format, "--lang", "km", "--out", out); err != nil || !strings.Contains(got, "wrote ") {
			t.Fatalf("export %s: %v\n%s", format, err, got)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "vi")); err == nil {
		t.Error("--lang km exported Vietnamese")
	}
	// Again, nothing changed: each file is left as it was, and said so.
	if got, err := runIn(root, "export", "--format", "po", "--lang", "km", "--out", out); err != nil || !strings.Contains(got, "unchanged ") || strings.Contains(got, "wrote ") {
		t.Errorf("export again: %v\n%s", err, got)
	}
	po := filepath.Join(out, "km", "b.po")
	data, _ := os.ReadFile(po)
	good := strings.Replace(string(data), "msgstr \"\"\n\n#. Publication", "msgstr \"អានបន្ថែមនៅ [គេហទំព័ររបស់យើង](https://example.org)។\"\n\n#. Publication", 1)
	os.WriteFile(po, []byte(good), 0o644)
	if got, err := runIn(root, "import", po); err != nil || !strings.Contains(got, "1 current") || !strings.Contains(got, "4 unchanged, 0 fuzzy left out") {
		t.Fatalf("import: %v\n%s", err, got)
	}
	bad := strings.Replace(good, "ផ្សាយ {{.Date}}\"", "ផ្សាយ {{.Dat}}\"", 1)
	os.WriteFile(po, []byte(strings.Replace(bad, "https://example.org)។", "https://example.org) ។", 1)), 0o644)
	before, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	// The file's p2 replaces what its own first import wrote: no
	// conflict (the record marks that import), but its broken template
	// refuses the file.
	got, err := runIn(root, "import", po)
	if exitCode(err) != 1 || !strings.Contains(got, "refused") || !strings.Contains(got, "[template]") || strings.Contains(got, "[import-conflict]") {
		t.Errorf("broken import: %v\n%s", err, got)
	}
	if after, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml")); !bytes.Equal(before, after) {
		t.Error("a refused import wrote")
	}
	if _, err := runIn(root, "import"); exitCode(err) != 2 {
		t.Errorf("import with no files: %v", err)
	}
	if _, err := runIn(root, "export", "--brief", "nope", "--out", out); exitCode(err) != 2 {
		t.Errorf("unknown brief: %v", err)
	}
	if _, err := runIn(root, "export", "--format", "csv", "--out", out); exitCode(err) != 2 {
		t.Errorf("unknown format: %v", err)
	}
}

// TestCheckFix: check --fix repairs a doubled space and a ZWSP in a
// Vietnamese translation, says so on stderr, and the check then passes.
func TestCheckFix(t *testing.T) {
	root := copyFixture(t)
	vi := filepath.Join(root, "locales", "b.vi.toml")
	data, _ := os.ReadFile(vi)
	os.WriteFile(vi, []byte(strings.Replace(string(data), "Việc làm trong các khu", "Việc  làm\u200b trong các khu", 1)), 0o644)
	if _, err := runIn(root, "check", "--lang", "vi"); exitCode(err) != 0 {
		t.Fatalf("check before the fix: %v", err) // warnings only
	}
	got, err := runIn(root, "check", "--lang", "vi", "--strict", "--fix")
	if err != nil || !strings.Contains(got, "fixed [zwsp, whitespace] other form of \"title\"") {
		t.Fatalf("check --fix: %v\n%s", err, got)
	}
	if after, _ := os.ReadFile(vi); !bytes.Equal(after, data) {
		t.Errorf("after --fix:\n%s\nwant\n%s", after, data)
	}
}

// TestExportKeepsTheFileOfAnUnloadedCatalogue: a catalogue that does not
// load (a committed merge conflict) is not exported: the translator's
// file from the last export stays as it was, instead of a file in which
// every message reads untranslated.
func TestExportKeepsTheFileOfAnUnloadedCatalogue(t *testing.T) {
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "po")
	if msg, err := runIn(root, "export", "--out", out); err != nil {
		t.Fatalf("export: %v\n%s", err, msg)
	}
	po := filepath.Join(out, "km", "b.po")
	before, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	cat := filepath.Join(root, "locales", "b.km.toml")
	data, _ := os.ReadFile(cat)
	if err := os.WriteFile(cat, append([]byte("<<<<<<< HEAD\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	msg, err := runIn(root, "export", "--out", out)
	if exitCode(err) != 1 || !strings.Contains(msg, "merge-conflict") {
		t.Errorf("export with a conflicted catalogue: exit %d, want 1 naming the conflict:\n%s", exitCode(err), msg)
	}
	if strings.Contains(msg, "km/b.po") {
		t.Errorf("export wrote the unloaded catalogue's file:\n%s", msg)
	}
	if after, _ := os.ReadFile(po); !bytes.Equal(after, before) {
		t.Errorf("%s changed after a failed load", po)
	}
}
