package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// rebuildProject lays out testdata/base.txtar (briefs a and b, in en and
// km) with every kind of input a PDF reads: a figure in brief a, a Khmer
// word list and the project's settings.
func rebuildProject(t *testing.T) string {
	t.Helper()
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, f := range base.Files {
		write(t, filepath.Join(root, f.Name), string(f.Data))
	}
	logo, err := os.ReadFile(filepath.Join(testkit.ModuleRoot(t), "testdata", "samples", "briefs", "jobs-in-sezs", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "briefs", "a", "fig.png"), string(logo))
	edit(t, filepath.Join(root, "briefs", "a", "brief.toml"), func(s string) string {
		return s + "\n[[block]]\ntype = \"figure\"\nsrc = \"fig.png\"\nalt = \"p1\"\nwidth = 0.3\n"
	})
	write(t, filepath.Join(root, "locales", "words.km.txt"), "ការងារ\n")
	write(t, filepath.Join(root, "briefs.toml"), "organisation = \"Network\"\nsite_title = \"Briefs\"\n")
	return root
}

func write(t *testing.T, path, data string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, path string, f func(string) string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s := f(string(data)); s != string(data) {
		write(t, path, s)
	} else {
		t.Fatalf("the edit of %s changed nothing", path)
	}
}

// rebuild runs build --format json and returns the PDFs it wrote, as
// paths under out, sorted; it fails the test unless every PDF was built
// or found unchanged.
// builtProject is rebuildProject built once into a fresh folder: the
// project, the folder and the PDFs the build wrote (never none).
func builtProject(t *testing.T) (root, out string, built []string) {
	t.Helper()
	root = rebuildProject(t)
	out = filepath.Join(t.TempDir(), "dist")
	if built = rebuild(t, root, out); len(built) == 0 {
		t.Fatal("the first build wrote nothing")
	}
	return root, out, built
}

func rebuild(t *testing.T, root, out string, args ...string) []string {
	t.Helper()
	argv := append([]string{"briefs", "--root", root, "build", "--out", out, "--format", "json"}, args...)
	var stdout, stderr bytes.Buffer
	appMu.Lock()
	code := run(argv, &stdout, io.MultiWriter(&stderr))
	appMu.Unlock()
	var rep struct {
		PDFs []struct{ Path, Status string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil || code != 0 {
		t.Fatalf("build %v: exit %d, %v\n%s%s", args, code, err, stdout.String(), stderr.String())
	}
	var written []string
	for _, p := range rep.PDFs {
		switch p.Status {
		case "written":
			rel, _ := filepath.Rel(out, p.Path)
			written = append(written, filepath.ToSlash(rel))
		case "unchanged":
		default:
			t.Fatalf("%s: %s", p.Path, p.Status)
		}
	}
	slices.Sort(written)
	return written
}

// TestRebuildFollowsEveryInput: a rebuild evaluates exactly the PDFs that
// read a file that changed (the brief, its figure, its catalogues in the
// PDF's language and in English, the shared ones, the word list, the
// settings), typesets those whose evaluated document changed and those
// that were deleted or altered; with nothing changed it writes nothing,
// not even the manifest, the index or the cache; and what it leaves is
// byte for byte what a forced build writes.
func TestRebuildFollowsEveryInput(t *testing.T) {
	root := rebuildProject(t)
	out := filepath.Join(t.TempDir(), "dist")
	all := []string{"a/a.kh.en.pdf", "a/a.kh.km.pdf", "a/a.region.en.pdf", "a/a.region.km.pdf", "b/b.region.en.pdf", "b/b.region.km.pdf"}
	a := all[:4]
	km := []string{"a/a.kh.km.pdf", "a/a.region.km.pdf", "b/b.region.km.pdf"}
	if got := rebuild(t, root, out); !slices.Equal(got, all) {
		t.Fatalf("the first build wrote %v", got)
	}
	// A rewrite, even of the same bytes, would change a file's time.
	outputs := map[string]time.Time{publish.ManifestName: {}, publish.IndexName: {}, ".briefs-cache.json": {}}
	for f := range outputs {
		st, err := os.Stat(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		outputs[f] = st.ModTime()
	}
	if got := rebuild(t, root, out); got != nil {
		t.Errorf("a rebuild with nothing changed wrote %v", got)
	}
	for f, mtime := range outputs {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || !st.ModTime().Equal(mtime) {
			t.Errorf("a rebuild with nothing changed rewrote %s", f)
		}
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	loc := func(name string) string { return filepath.Join(root, "locales", name) }
	appendLine := func(s string) string { return s + "\n# edited\n" }
	replace := func(old, new string) func(string) string {
		return func(s string) string { return strings.Replace(s, old, new, 1) }
	}
	enA := []string{"a/a.kh.en.pdf", "a/a.region.en.pdf"}
	// Each step changes one thing; the build must notice exactly the
	// PDFs that read it (their records get new inputs) and typeset those
	// whose evaluated document changed.
	steps := []struct {
		name            string
		do              func()
		noticed, wanted []string
	}{
		{"brief, a comment", func() { edit(t, filepath.Join(root, "briefs", "a", "brief.toml"), appendLine) }, a, nil},
		{"brief", func() { edit(t, filepath.Join(root, "briefs", "a", "brief.toml"), replace("2019-07-01", "2019-08-01")) }, a, a},
		{"figure", func() {
			edit(t, filepath.Join(root, "briefs", "a", "fig.png"), func(s string) string { return s + "trailing bytes" })
		}, a, a},
		{"catalogue", func() {
			edit(t, loc("a.km.toml"), replace("ជាស្ត្រី", "ជាស្ត្រីភាគច្រើន"))
		},
			[]string{"a/a.kh.km.pdf", "a/a.region.km.pdf"}, []string{"a/a.kh.km.pdf", "a/a.region.km.pdf"}},
		// English is read by the Khmer PDFs too (which catalogue holds a
		// message, the index's English title), which are evaluated again
		// and found the same.
		{"English catalogue, a comment", func() { edit(t, loc("a.en.toml"), appendLine) }, a, nil},
		{"English catalogue", func() { edit(t, loc("a.en.toml"), replace("Jobs in zones", "Jobs in the zones")) }, a, enA},
		{"shared catalogue, a comment", func() { edit(t, loc("shared.km.toml"), appendLine) }, km, nil},
		{"shared catalogue", func() {
			edit(t, loc("shared.km.toml"), replace("ការបោះពុម្ពសម្រាប់តំបន់មេគង្គ", "ការបោះពុម្ពតំបន់មេគង្គ"))
		}, km, []string{"a/a.region.km.pdf", "b/b.region.km.pdf"}},
		{"shared English catalogue, a comment", func() { edit(t, loc("shared.en.toml"), appendLine) }, all, nil},
		// Every PDF reads every word list (a Khmer name in English text is
		// broken with the Khmer one); only those with Khmer text are
		// typeset again.
		{"word list", func() { edit(t, loc("words.km.txt"), func(s string) string { return s + "ក្នុង\n" }) }, all, km},
		{"settings", func() { edit(t, filepath.Join(root, "briefs.toml"), replace("Network", "Other network")) }, all, all},
		{"site title only", func() { edit(t, filepath.Join(root, "briefs.toml"), replace(`"Briefs"`, `"Our briefs"`)) }, nil, nil},
		{"deleted PDF", func() { os.Remove(filepath.Join(out, "b", "b.region.km.pdf")) }, nil, []string{"b/b.region.km.pdf"}},
		{"altered PDF", func() {
			p := filepath.Join(out, "a", "a.kh.en.pdf")
			data, _ := os.ReadFile(p)
			data[len(data)/2] ^= 1 // the same size
			os.WriteFile(p, data, 0o644)
		}, nil, []string{"a/a.kh.en.pdf"}},
		{"touched PDF", func() {
			os.Chtimes(filepath.Join(out, "a", "a.kh.km.pdf"), old, old) // a copy or a restore: same bytes
		}, nil, nil},
		{"deleted index", func() { os.Remove(filepath.Join(out, publish.IndexName)) }, nil, nil},
	}
	for _, s := range steps {
		before := records(t, out)
		s.do()
		got := rebuild(t, root, out)
		if !slices.Equal(got, s.wanted) {
			t.Errorf("after a change to the %s the build wrote %v, want %v", s.name, got, s.wanted)
		}
		after := records(t, out)
		var noticed []string
		for p, inputs := range after {
			if strings.HasSuffix(p, ".pdf") && before[p] != inputs {
				noticed = append(noticed, p)
			}
		}
		slices.Sort(noticed)
		if !slices.Equal(noticed, s.noticed) {
			t.Errorf("after a change to the %s the build noticed %v, want %v", s.name, noticed, s.noticed)
		}
		// What the build recorded is enough: the next one finds
		// everything unchanged without reading a catalogue.
		cache := filepath.Join(out, ".briefs-cache.json")
		st, _ := os.Stat(cache)
		if got := rebuild(t, root, out); got != nil {
			t.Errorf("the build after the change to the %s wrote %v", s.name, got)
		}
		if st2, err := os.Stat(cache); err != nil || !st2.ModTime().Equal(st.ModTime()) {
			t.Errorf("the build after the change to the %s rewrote the cache", s.name)
		}
	}
	index, err := os.ReadFile(filepath.Join(out, publish.IndexName))
	if err != nil {
		t.Fatal("the deleted index was not written again")
	}
	if !strings.Contains(string(index), "<title>Our briefs</title>") {
		t.Error("the index does not follow the site title")
	}
	sameAsForced(t, root, out)
}

// records reads the inputs key of each output the cache of out records.
func records(t *testing.T, out string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, ".briefs-cache.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Outputs map[string]struct{ Inputs string }
	}
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for p, e := range c.Outputs {
		m[p] = e.Inputs
	}
	return m
}

// TestIndexFollowsCataloguesOnlyItReads: a build of English PDFs alone
// reads no Khmer catalogue for its PDFs, but its index lists the Khmer
// PDFs of an earlier build with their page counts in Khmer words: an edit
// of those words rewrites the index.
func TestIndexFollowsCataloguesOnlyItReads(t *testing.T) {
	root := rebuildProject(t)
	out := filepath.Join(t.TempDir(), "dist")
	rebuild(t, root, out)
	rebuild(t, root, out, "--lang", "en")
	edit(t, filepath.Join(root, "locales", "shared.km.toml"), func(s string) string {
		return strings.Replace(s, `other = "{{.Count}} ទំព័រ"`, `other = "ទំព័រ {{.Count}}"`, 1)
	})
	if got := rebuild(t, root, out, "--lang", "en"); got != nil {
		t.Errorf("the English build wrote %v", got)
	}
	index, _ := os.ReadFile(filepath.Join(out, publish.IndexName))
	if !strings.Contains(string(index), "ទំព័រ 1") {
		t.Error("the index kept the old Khmer page count")
	}
	sameAsForced(t, root, out, "--lang", "en")
}

// sameAsForced checks that out holds what a forced build into a fresh
// folder writes: the same PDFs, manifest and index, byte for byte. A
// forced build of a filter is laid over a full build, as in out.
func sameAsForced(t *testing.T, root, out string, filter ...string) {
	t.Helper()
	fresh := filepath.Join(t.TempDir(), "dist")
	rebuild(t, root, fresh, "--force")
	if len(filter) > 0 {
		rebuild(t, root, fresh, append(filter, "--force")...)
	}
	files := func(dir string) []string {
		var fs []string
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				rel, _ := filepath.Rel(dir, p)
				fs = append(fs, rel)
			}
			return nil
		})
		return fs
	}
	got, want := files(out), files(fresh)
	if !slices.Equal(got, want) {
		t.Fatalf("the rebuilt folder holds %v, a forced build %v", got, want)
	}
	for _, f := range want {
		x, _ := os.ReadFile(filepath.Join(out, f))
		y, _ := os.ReadFile(filepath.Join(fresh, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs from a forced build's", f)
		}
	}
}

// TestStaleNoteSurvivesUnchangedRebuild: the reminder of stale
// translations is the same whether the build read the catalogues or
// found every PDF unchanged, and follows an edit of the English.
func TestStaleNoteSurvivesUnchangedRebuild(t *testing.T) {
	root := rebuildProject(t)
	out := filepath.Join(t.TempDir(), "dist")
	notes := func() string {
		t.Helper()
		_, stderr := buildInto(t, root, out)
		return stderr
	}
	if n := notes(); n != "" {
		t.Fatalf("a project with no stale translation gets %q", n)
	}
	edit(t, filepath.Join(root, "locales", "a.en.toml"), func(s string) string {
		return strings.Replace(s, "700 workers", "800 workers", 1)
	})
	first := notes()
	if !strings.Contains(first, "1 translation in km may be stale") {
		t.Fatalf("after an edit of the English: %q", first)
	}
	if again := notes(); again != first {
		t.Errorf("an unchanged rebuild notes %q, the build before %q", again, first)
	}
}

// TestRebuildChecksFiguresAgain: a brief is not decoded again when it
// and its figures are unchanged, but a figure that became a link out of
// the brief's folder (with the same bytes) or a file that is no image is
// reported as a fresh decode reports it, and fails the brief.
func TestRebuildChecksFiguresAgain(t *testing.T) {
	for _, c := range []struct {
		name, code string
		spoil      func(t *testing.T, fig string)
	}{
		{"link out", "figure-outside", func(t *testing.T, fig string) {
			outside := filepath.Join(t.TempDir(), "fig.png")
			data, _ := os.ReadFile(fig)
			write(t, outside, string(data))
			os.Remove(fig)
			if err := os.Symlink(outside, fig); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}},
		{"not an image", "figure-format", func(t *testing.T, fig string) { write(t, fig, "not an image") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := rebuildProject(t)
			out := filepath.Join(t.TempDir(), "dist")
			rebuild(t, root, out)
			rebuild(t, root, out)
			c.spoil(t, filepath.Join(root, "briefs", "a", "fig.png"))
			got, code := runCLI(t, root, []string{"build", "--out", out}, "text")
			if code != 1 || !strings.Contains(got, "["+c.code+"]") || !strings.Contains(got, "briefs/a/brief.toml: the brief has errors") {
				t.Errorf("exit %d, want 1 with [%s] and brief a failed:\n%s", code, c.code, got)
			}
		})
	}
}

// TestForcedBuildRecordsItsPDFs: a forced build, whose cache keys are
// made beside its typesetting, records every PDF it writes, so that the
// next build finds them all unchanged; so does a first build into an
// empty folder, which has no record to compare with.
func TestForcedBuildRecordsItsPDFs(t *testing.T) {
	root, out, first := builtProject(t)
	if again := rebuild(t, root, out); len(again) != 0 {
		t.Errorf("after a first build, the next rewrites %v", again)
	}
	if forced := rebuild(t, root, out, "--force"); !slices.Equal(forced, first) {
		t.Fatalf("a forced build wrote %v, the first build %v", forced, first)
	}
	if again := rebuild(t, root, out); len(again) != 0 {
		t.Errorf("after a forced build, the next rewrites %v", again)
	}
}

// TestWarningsSurviveUnchangedRebuild: a finding of typesetting (here a
// figure too coarse for its width) is reported again when its PDF is
// unchanged, whether the build found its files unchanged or only its
// content; when the file it points into changes, the PDF is typeset again
// and the finding follows the line it moved to.
func TestWarningsSurviveUnchangedRebuild(t *testing.T) {
	root := rebuildProject(t)
	brief := filepath.Join(root, "briefs", "a", "brief.toml")
	edit(t, brief, func(s string) string { return strings.Replace(s, "width = 0.3\n", "", 1) })
	out := filepath.Join(t.TempDir(), "dist")
	build := func() (stdout, stderr string) {
		t.Helper()
		return buildInto(t, root, out)
	}
	line := func(stderr string) string {
		t.Helper()
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, "[figure-resolution]") {
				return strings.SplitN(l, ": warning:", 2)[0]
			}
		}
		t.Fatalf("no figure-resolution warning in:\n%s", stderr)
		return ""
	}
	_, first := build()
	at := line(first)
	if o, e := build(); !strings.Contains(o, "0 PDFs written") || line(e) != at {
		t.Errorf("unchanged rebuild: %s\n%s\nwant no PDF written and the warning at %s", o, e, at)
	}
	edit(t, filepath.Join(root, "locales", "a.en.toml"), func(s string) string { return "# a comment\n" + s })
	if o, e := build(); !strings.Contains(o, "0 PDFs written") || line(e) != at {
		t.Errorf("after a comment in the English catalogue: %s\n%s\nwant no PDF written and the warning at %s", o, e, at)
	}
	edit(t, brief, func(s string) string { return "# a comment\n" + s })
	o, e := build()
	lineNo := func(pos string) string { f := strings.Split(pos, ":"); return f[len(f)-2] }
	if moved := line(e); strings.Contains(o, "0 PDFs written") || !strings.Contains(moved, "brief.toml:") ||
		lineNo(moved) != strconv.Itoa(atoi(t, lineNo(at))+1) {
		t.Errorf("after a comment atop brief.toml: %s\nwarning at %s, before at %s; want the PDFs typeset again and the warning a line lower", o, moved, at)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// buildInto runs build on the project at root into out, which must
// succeed, and returns what it printed.
func buildInto(t *testing.T, root, out string) (stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	appMu.Lock()
	code := run([]string{"briefs", "--root", root, "build", "--out", out}, &o, &e)
	appMu.Unlock()
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, o.String(), e.String())
	}
	return o.String(), e.String()
}

// TestUnchangedWhereverTheProjectIs: the cache names files by their path
// from the project, so a build with the project spelled another way (a
// relative path), or after the project moved (a CI checkout elsewhere,
// its output folder restored from a cache), typesets nothing again: with
// the paths as given, 14 of the 29 sample PDFs were typeset again.
func TestUnchangedWhereverTheProjectIs(t *testing.T) {
	root, out, _ := builtProject(t)
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, root)
	if err != nil {
		t.Fatal(err)
	}
	if again := rebuild(t, rel, out); len(again) != 0 {
		t.Errorf("with --root %s: typeset %v again", rel, again)
	}
	moved := filepath.Join(t.TempDir(), "moved")
	if err := os.Rename(root, moved); err != nil {
		t.Fatal(err)
	}
	if again := rebuild(t, moved, out); len(again) != 0 {
		t.Errorf("after the project moved: typeset %v again", again)
	}
}

// TestNoLocalesFolder: build and sync in a project whose locales/ is gone
// (or a file) stop at once with one finding that names it, where build
// failed every PDF alone, each told to run briefs sync, and sync did
// nothing with exit 0.
func TestNoLocalesFolder(t *testing.T) {
	root := rebuildProject(t)
	locales := filepath.Join(root, "locales")
	if err := os.RemoveAll(locales); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"build"}, {"sync"}} {
		got, code := runCLI(t, root, args, "text")
		if code != 2 || !strings.Contains(got, "no locales folder at") || strings.Contains(got, "run briefs sync") {
			t.Errorf("%s without locales/: exit %d\n%s", args[0], code, got)
		}
	}
	if err := os.WriteFile(locales, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, code := runCLI(t, root, []string{"build"}, "text"); code != 2 || !strings.Contains(got, "is a file, not the locales folder") {
		t.Errorf("build with locales a file: exit %d\n%s", code, got)
	}
}

// TestWarningsFollowAMovedProject: the warning kept with an unchanged PDF
// names its file where the project is now, not where the first build
// found it (a CI checkout elsewhere, its output restored).
func TestWarningsFollowAMovedProject(t *testing.T) {
	root := rebuildProject(t)
	edit(t, filepath.Join(root, "briefs", "a", "brief.toml"), func(s string) string { return strings.Replace(s, "width = 0.3\n", "", 1) })
	out := filepath.Join(t.TempDir(), "dist")
	if _, e := buildInto(t, root, out); !strings.Contains(e, filepath.Join(root, "briefs", "a", "brief.toml")+":") {
		t.Fatalf("no warning in the first build:\n%s", e)
	}
	moved := filepath.Join(t.TempDir(), "moved")
	if err := os.Rename(root, moved); err != nil {
		t.Fatal(err)
	}
	o, e := buildInto(t, moved, out)
	if !strings.Contains(o, "0 PDFs written") || !strings.Contains(e, filepath.Join(moved, "briefs", "a", "brief.toml")+":") || strings.Contains(e, root+string(filepath.Separator)) {
		t.Errorf("after the move: %s\n%s\nwant no PDF written and the warning under %s", o, e, moved)
	}
}

// TestExportOfOneLanguageIgnoresAnotherBroken: export --lang th reads no
// Khmer catalogue, so a broken one is printed but fails nothing; a full
// export fails on it.
func TestExportOfOneLanguageIgnoresAnotherBroken(t *testing.T) {
	root := rebuildProject(t)
	if err := os.WriteFile(filepath.Join(root, "locales", "a.km.toml"), []byte("[\"title\"\nother = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "po")
	if got, code := runCLI(t, root, []string{"export", "--lang", "en", "--out", out}, "text"); code != 0 {
		t.Errorf("export --lang en with a broken a.km.toml: exit %d\n%s", code, got)
	}
	if got, code := runCLI(t, root, []string{"export", "--out", out}, "text"); code != 1 {
		t.Errorf("export with a broken a.km.toml: exit %d, want 1\n%s", code, got)
	}
}

// TestWritable: the output folder's probe makes and removes a file, and
// reports a folder no file can be made in (here one that is not there;
// a read-only folder, checked by hand as another user, fails the same way
// before any PDF is typeset).
func TestWritable(t *testing.T) {
	dir := t.TempDir()
	if err := writable(dir); err != nil {
		t.Errorf("writable(%s): %v", dir, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the probe left %v", entries)
	}
	if err := writable(filepath.Join(dir, "gone")); err == nil {
		t.Error("writable of a missing folder: nil")
	}
}
