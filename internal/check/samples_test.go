package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/msgmerge"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
	"github.com/mekong-briefs/briefs/internal/zawgyi"
)

// TestSamplesClean: on the sample fixture (testdata/samples, a copy of
// the samples), briefs check exits 0 with every message translated.
func TestSamplesClean(t *testing.T) {
	r, err := Run(testkit.Samples(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Findings {
		t.Log(d)
	}
	if r.ExitCode() != 0 {
		t.Fatalf("samples: exit %d, want 0", r.ExitCode())
	}
	for _, c := range r.Coverage {
		if c.Translated != c.Needed {
			t.Errorf("coverage %s/%s/%s: %d of %d translated", c.Brief, c.Edition, c.Lang, c.Translated, c.Needed)
		}
	}
}

// copySamples copies the sample fixture to a temporary root and stamps
// current hashes (briefs sync --accept), so that edits show only their
// own findings.
func copySamples(t *testing.T) string {
	t.Helper()
	root := testkit.Samples(t)
	briefs, _ := source.LoadAll(filepath.Join(root, "briefs"))
	cat, _ := catalog.Load(filepath.Join(root, "locales"))
	if _, err := msgmerge.Sync(cat, briefs, msgmerge.Options{Accept: true}); err != nil {
		t.Fatal(err)
	}
	return root
}

func edit(t *testing.T, path string, fn func(string) string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := fn(string(data))
	if out == string(data) {
		t.Fatalf("edit of %s changed nothing", path)
	}
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

// removeTable deletes the table of one message from a catalogue's text.
func removeTable(s, id string) string {
	i := strings.Index(s, `["`+id+`"]`)
	if i < 0 {
		return s
	}
	j := strings.Index(s[i+1:], "\n[")
	if j < 0 {
		return s[:i]
	}
	return s[:i] + s[i+1+j+1:]
}

func findings(r *Report, code string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range r.Findings {
		if d.Code == code {
			out = append(out, d)
		}
	}
	return out
}

// TestDeleteKhmerMessage: deleting one Khmer message fails the check, at
// the FILE:LINE:COL where the message belongs, naming brief and editions.
func TestDeleteKhmerMessage(t *testing.T) {
	root := copySamples(t)
	km := filepath.Join(root, "locales", "jobs-in-sezs.km.toml")
	var wantLine int
	edit(t, km, func(s string) string {
		// The message after findings.kh is where it belongs once deleted.
		out := removeTable(s, "findings.kh")
		at := strings.Index(s, `["findings.kh"]`)
		wantLine = strings.Count(s[:at], "\n") + 1
		return out
	})
	r, err := Run(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.ExitCode() != 1 {
		t.Fatalf("exit %d, want 1", r.ExitCode())
	}
	ms := findings(r, CodeMissing)
	if len(ms) != 1 {
		t.Fatalf("missing findings: %v", ms)
	}
	d := ms[0]
	if d.Pos.File != km || d.Pos.Line != wantLine || d.Pos.Col != 1 {
		t.Errorf("position %v, want %s:%d:1", d.Pos, km, wantLine)
	}
	for _, want := range []string{`"findings.kh"`, "jobs-in-sezs", "region", "kh"} {
		if !strings.Contains(d.Msg, want) {
			t.Errorf("message %q does not name %s", d.Msg, want)
		}
	}
}

// TestChangeEnglishMakesStale: editing an English message turns each of
// its translations stale, and the check fails only with --strict.
func TestChangeEnglishMakesStale(t *testing.T) {
	root := copySamples(t)
	edit(t, filepath.Join(root, "locales", "jobs-in-sezs.en.toml"), func(s string) string {
		return strings.Replace(s, `other = "About this brief"`, `other = "About this policy brief"`, 1)
	})
	r, err := Run(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	for _, d := range findings(r, CodeStale) {
		if !strings.Contains(d.Msg, `"intro.heading"`) || d.Severity != diag.Warning {
			t.Errorf("unexpected %v", d)
		}
		langs = append(langs, filepath.Base(d.Pos.File))
	}
	want := []string{"jobs-in-sezs.km.toml", "jobs-in-sezs.my.toml", "jobs-in-sezs.th.toml"}
	if strings.Join(langs, " ") != strings.Join(want, " ") {
		t.Errorf("stale in %v, want %v", langs, want)
	}
	if r.ExitCode() != 0 {
		t.Errorf("exit %d without --strict, want 0", r.ExitCode())
	}
	r, _ = Run(root, Options{Strict: true})
	if r.ExitCode() != 1 || findings(r, CodeStale)[0].Severity != diag.Error {
		t.Errorf("--strict: exit %d, want 1 with stale errors", r.ExitCode())
	}
}

// TestZawgyiParagraph: a Zawgyi paragraph pasted into the Burmese
// catalogue is an error whose hint is its Unicode form.
func TestZawgyiParagraph(t *testing.T) {
	root := copySamples(t)
	data, err := os.ReadFile("../zawgyi/testdata/zawgyi.txt")
	if err != nil {
		t.Fatalf("the Zawgyi fixture: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	para := strings.Join(lines[:2], " ")
	my := filepath.Join(root, "locales", "jobs-in-sezs.my.toml")
	edit(t, my, func(s string) string {
		i := strings.Index(s, `["intro.p1"]`)
		j := i + strings.Index(s[i:], "other = ")
		k := j + strings.Index(s[j:], "\n")
		return s[:j] + `other = "` + para + `"` + s[k:]
	})
	r, err := Run(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	zs := findings(r, CodeZawgyi)
	if len(zs) != 1 || r.ExitCode() != 1 {
		t.Fatalf("zawgyi findings %v, exit %d", zs, r.ExitCode())
	}
	if want := "Unicode: " + zawgyi.ToUnicode(para) + "; " + ZawgyiFix; zs[0].Hint != want {
		t.Errorf("hint %q, want %q", zs[0].Hint, want)
	}
	if zs[0].Pos.File != my || zs[0].Pos.Line == 0 {
		t.Errorf("position %v", zs[0].Pos)
	}
}

// TestMisspeltIDInBrief: a brief naming a message the English lacks is
// reported once, at the block in brief.toml, with the closest English ID.
func TestMisspeltIDInBrief(t *testing.T) {
	root := copySamples(t)
	brief := filepath.Join(root, "briefs", "jobs-in-sezs", "brief.toml")
	var wantLine int
	edit(t, brief, func(s string) string {
		wantLine = strings.Count(s[:strings.Index(s, `msg = "method.p1"`)], "\n") + 1 // the ID's line, not the block's
		return strings.Replace(s, `msg = "method.p1"`, `msg = "method.p01"`, 1)
	})
	r, err := Run(root, Options{Briefs: []string{"jobs-in-sezs"}})
	if err != nil {
		t.Fatal(err)
	}
	var hits []diag.Diagnostic
	for _, d := range findings(r, CodeMissing) {
		if strings.Contains(d.Msg, "method.p01") {
			hits = append(hits, d)
		}
	}
	if len(hits) != 1 {
		t.Fatalf("%d findings for method.p01, want 1: %v", len(hits), hits)
	}
	d := hits[0]
	if d.Pos.File != brief || d.Pos.Line != wantLine || d.Pos.Col != 7 || !strings.Contains(d.Hint, `did you mean "method.p1"`) {
		t.Errorf("finding %v, want it at %s:%d:7 suggesting method.p1", d, brief, wantLine)
	}
}

// TestMisspeltIDInATableRow: a cell's ID in a table written one row a
// line is found at its row, not at the [[block]] line (a row begins with
// [ like a table header).
func TestMisspeltIDInATableRow(t *testing.T) {
	root := copySamples(t)
	brief := filepath.Join(root, "briefs", "jobs-in-sezs", "brief.toml")
	var wantLine int
	edit(t, brief, func(s string) string {
		at := strings.Index(s, `"table.tak"`)
		wantLine = strings.Count(s[:at], "\n") + 1
		return strings.Replace(s, `"table.tak"`, `"table.takk"`, 1)
	})
	r, err := Run(root, Options{Briefs: []string{"jobs-in-sezs"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range findings(r, CodeMissing) {
		if strings.Contains(d.Msg, "table.takk") && (d.Pos.Line != wantLine || d.Pos.Col != 4) {
			t.Errorf("finding %v, want it at %d:4", d, wantLine)
		}
	}
}

// TestBrokenBriefStillChecked: --brief names a brief whose brief.toml has
// an error; check reports the error instead of "no such brief".
func TestBrokenBriefStillChecked(t *testing.T) {
	root := copySamples(t)
	edit(t, filepath.Join(root, "briefs", "jobs-in-sezs", "brief.toml"), func(s string) string {
		return strings.Replace(s, `type = "paragraph"`, `type = "paragraf"`, 1)
	})
	r, err := Run(root, Options{Briefs: []string{"jobs-in-sezs"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(findings(r, "block-type")) != 1 || r.ExitCode() != 1 {
		t.Errorf("findings %v, exit %d; want one block-type error, exit 1", r.Findings, r.ExitCode())
	}
}
