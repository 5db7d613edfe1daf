package interchange

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/check"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/msgmerge"
	"github.com/mekong-briefs/briefs/internal/source"
)

// project copies testdata/project into a temporary folder.
func project(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := copyTree(filepath.Join("testdata", "project"), root); err != nil {
		t.Fatal(err)
	}
	return root
}

func load(t *testing.T, root string) (*catalog.Catalog, []*source.Brief) {
	t.Helper()
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	if ds = append(ds, cds...); ds.HasErrors() {
		t.Fatal(ds)
	}
	return cat, briefs
}

func export(t *testing.T, root, format string) string {
	t.Helper()
	cat, briefs := load(t, root)
	out := filepath.Join(root, "out")
	if _, err := Export(root, cat, briefs, Select{}, format, out); err != nil {
		t.Fatal(err)
	}
	return out
}

func syncAll(t *testing.T, root string) {
	t.Helper()
	cat, briefs := load(t, root)
	if _, err := msgmerge.Sync(cat, briefs, msgmerge.Options{}); err != nil {
		t.Fatal(err)
	}
}

func importOK(t *testing.T, root, path string) *Imported {
	t.Helper()
	res, ds := Import(root, path)
	if ds.HasErrors() {
		t.Fatalf("import %s: %v", path, ds)
	}
	return res
}

// findings runs check and returns its findings of some codes.
func findings(t *testing.T, root string, codes ...string) diag.List {
	t.Helper()
	r, err := check.Run(root, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out diag.List
	for _, d := range r.Findings {
		for _, c := range codes {
			if d.Code == c {
				out = append(out, d)
			}
		}
	}
	return out
}

// edit replaces, in the file at path, the first of each pair of strings
// with the second, once each; a string not in the file fails the test.
func edit(t *testing.T, path string, pairs ...string) {
	t.Helper()
	rewrite(t, path, func(s string) string {
		for i := 0; i+1 < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("%s has no %q:\n%s", path, pairs[i], s)
			}
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		return s
	})
}

// rewrite replaces the text of the file at path with what change makes
// of it, as a translator's tool saves a file.
func rewrite(t *testing.T, path string, change func(string) string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(change(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot reads every catalogue under root/locales.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	paths, _ := filepath.Glob(filepath.Join(root, "locales", "*.toml"))
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		out[filepath.Base(p)] = string(data)
	}
	return out
}

// need finds a tool; outside CI a missing tool skips the test, under
// CI=true it fails naming the Debian package.
func need(t *testing.T, tool, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not found: apt-get install %s", tool, pkg)
	}
	t.Skipf("%s not found (Debian package %s)", tool, pkg)
	return ""
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// twoTranslators syncs root and exports its Khmer PO file twice: the
// export, and a copy of it elsewhere, as two translators receive one.
func twoTranslators(t *testing.T, root string) (first, second string) {
	t.Helper()
	syncAll(t, root)
	first = filepath.Join(export(t, root, "po"), "km", "b.po")
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	second = filepath.Join(t.TempDir(), "b.po")
	if err := os.WriteFile(second, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return first, second
}

// khmerExport copies the test project, syncs it and exports its Khmer PO
// file, as a translator receives it.
func khmerExport(t *testing.T) (root, path string) {
	t.Helper()
	root = project(t)
	syncAll(t, root)
	return root, filepath.Join(export(t, root, "po"), "km", "b.po")
}

// title is the PO entry of the test project's title with translation s.
func title(s string) string {
	return "msgctxt \"title\"\nmsgid \"Jobs in zones\"\nmsgstr \"" + s + "\""
}

// twoTitles gives two translators' files of one Khmer export
// (twoTranslators) that translate the title differently.
func twoTitles(t *testing.T) (root, first, second string) {
	t.Helper()
	root = project(t)
	first, second = twoTranslators(t, root)
	edit(t, first, title("ការងារនៅក្នុងតំបន់"), title("ការងារក្នុងតំបន់"))
	edit(t, second, title("ការងារនៅក្នុងតំបន់"), title("ការងារនៅតំបន់"))
	return root, first, second
}

// positioned reports whether ds has a finding of code, placed after the
// file's first line (at an entry), whose message holds every one of parts.
func positioned(ds diag.List, code string, parts ...string) bool {
	for _, d := range ds {
		if d.Code != code || d.Pos.Line <= 1 {
			continue
		}
		all := true
		for _, p := range parts {
			all = all && strings.Contains(d.Msg, p)
		}
		if all {
			return true
		}
	}
	return false
}

// msgmergeGuess exports root's Khmer PO file, changes p1's English to
// "Published {{.Date}} by us" (then does more, the caller's change), and
// updates the old file from the new template with msgmerge, as Poedit's
// "Update from POT" does: p1 gets the translation of "published", fuzzy,
// with no "#|" line. It returns the file's path.
func msgmergeGuess(t *testing.T, root string, more func()) string {
	t.Helper()
	msgmerge := need(t, "msgmerge", "gettext")
	syncAll(t, root)
	out := export(t, root, "po")
	path := filepath.Join(out, "km", "b.po")
	old := filepath.Join(t.TempDir(), "old.po")
	run(t, "cp", path, old)
	edit(t, filepath.Join(root, "locales", "b.en.toml"), `other = "Most of the *workers* were women."`, `other = "Published {{.Date}} by us"`)
	more()
	export(t, root, "po")
	run(t, msgmerge, "-q", old, filepath.Join(out, "b.pot"), "-o", path)
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "msgid \"Published {{.Date}} by us\"\nmsgstr \"បោះពុម្ពផ្សាយ {{.Date}}\"") {
		t.Fatalf("msgmerge made no guess from \"published\":\n%s", data)
	}
	return path
}

// exportOver exports root again, in format, into the folder of the
// exported file at path (DIR/<lang>/<file>), over that file.
func exportOver(t *testing.T, root, path, format string) error {
	t.Helper()
	cat, briefs := load(t, root)
	_, err := Export(root, cat, briefs, Select{}, format, filepath.Dir(filepath.Dir(path)))
	return err
}
