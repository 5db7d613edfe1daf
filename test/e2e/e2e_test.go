// Package e2e runs the installed-binary workflow of a new network in an
// empty folder: init, new, sync, translate, build, check, as the README's
// "Start a project" section describes.
package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// khmer are the translations the test's translator writes.
var khmer = map[string]string{
	"title":         "ការងារនៅតំបន់សេដ្ឋកិច្ចពិសេស",
	"subtitle":      "របាយការណ៍សង្ខេប",
	"intro.heading": "អំពីរបាយការណ៍នេះ",
	"intro.p1":      "កថាខណ្ឌទីមួយ មាន **អក្សរដិត** និង[តំណ](https://example.org)។",
	"rec.1":         "អនុសាសន៍ទីមួយ។",
	"rec.2":         "អនុសាសន៍ទីពីរ។",
	"published":     "បោះពុម្ពនៅ {{.Date}}។",
}

// buildBinary builds cmd/briefs into a temporary folder, as a user
// installs it, and returns its path and the module's root.
func buildBinary(t *testing.T) (bin, root string) {
	t.Helper()
	root = testkit.ModuleRoot(t)
	testkit.DependOnSources(t)
	bin = filepath.Join(t.TempDir(), "briefs")
	if out, err := exec.Command("go", "build", "-C", root, "-o", bin, "./cmd/briefs").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin, root
}

func TestEmptyFolderToPublishedBrief(t *testing.T) {
	bin, _ := buildBinary(t)
	dir := t.TempDir()
	run := func(wantExit int, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("briefs %v: %v", args, err)
		}
		if code != wantExit {
			t.Fatalf("briefs %s: exit %d, want %d\n%s", strings.Join(args, " "), code, wantExit, out)
		}
		return string(out)
	}
	run(0, "init")
	for _, f := range []string{".github/workflows/briefs.yml", ".gitignore", "README.md", "locales/terms.toml", "briefs.toml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init wrote no %s", f)
		}
	}
	run(2, "init") // never overwrites a project
	run(0, "new", "--edition", "kh:en,km", "first-brief")
	run(0, "sync")
	run(1, "check") // the Khmer is not translated yet
	translate(t, filepath.Join(dir, "locales", "first-brief.km.toml"))
	if out := run(0, "check"); !strings.Contains(out, "100.0%") {
		t.Errorf("check after translating:\n%s", out)
	}
	settings := "organisation = \"Test Network\"\nsite_title = \"Test briefs\"\n"
	if err := os.WriteFile(filepath.Join(dir, "briefs.toml"), []byte(settings), 0o644); err != nil {
		t.Fatal(err)
	}
	run(0, "build")
	var m struct {
		PDFs []struct{ Path, Lang string }
	}
	data, err := os.ReadFile(filepath.Join(dir, "dist", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.PDFs) != 2 {
		t.Fatalf("manifest lists %d PDFs, want en and km: %s", len(m.PDFs), data)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "dist", "index.html"))
	if !strings.Contains(string(index), "<h1>Test briefs</h1>") || !strings.Contains(string(index), "Test Network") {
		t.Errorf("index.html does not show the site title and organisation of briefs.toml")
	}
	for _, p := range m.PDFs {
		if !strings.Contains(string(index), p.Path) {
			t.Errorf("index.html does not link %s", p.Path)
		}
	}
	pdftotext := testkit.Tool(t, "pdftotext", "poppler-utils")
	txt, err := exec.Command(pdftotext, filepath.Join(dir, "dist", "first-brief", "first-brief.kh.km.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(txt), khmer["title"]) {
		t.Errorf("the Khmer PDF does not give back its title:\n%s", txt)
	}
	info, err := exec.Command(testkit.Need(t, "pdfinfo"), filepath.Join(dir, "dist", "first-brief", "first-brief.kh.km.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "Test Network") {
		t.Errorf("the PDF's author is not the organisation of briefs.toml:\n%s", info)
	}
}

var entry = regexp.MustCompile(`(?m)^\["([^"]+)"\]\n((?:#.*\n|description = .*\n)*)(hash = .*\n)`)

// translate fills every empty entry of a catalogue that sync wrote, as a
// translator would: an other = line after its hash.
func translate(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	out := entry.ReplaceAllStringFunc(string(data), func(s string) string {
		id := entry.FindStringSubmatch(s)[1]
		km, ok := khmer[id]
		if !ok {
			t.Errorf("no Khmer for %s", id)
			return s
		}
		n++
		return s + "other = \"" + strings.ReplaceAll(km, `"`, `\"`) + "\"\n"
	})
	if n == 0 {
		t.Fatalf("no entry to translate in %s:\n%s", path, data)
	}
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}
