package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
	"github.com/mekong-briefs/briefs/internal/text"
)

// repoRoot is the module root, for its fonts/ (not its live content).
const repoRoot = "../.."

// samples is the tests' copy of the sample project (testdata/samples at
// the module root), never the live briefs/ and locales/.
func samples(t *testing.T) string {
	t.Helper()
	return filepath.Join(testkit.ModuleRoot(t), "testdata", "samples")
}

// buildSamples runs `briefs build` on the sample fixture into dir.
func buildSamples(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	app := newApp(&out, &errOut)
	argv := append([]string{"briefs", "--root", samples(t), "build", "--out", dir}, args...)
	if err := app.Run(argv); err != nil {
		t.Fatalf("briefs build: %v\n%s", err, errOut.String())
	}
	return out.String()
}

func samplePDFs(t *testing.T, dir string) []string {
	t.Helper()
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*", "*.pdf"))
	return pdfs
}

func need(t *testing.T, tool string) {
	t.Helper()
	testkit.Need(t, tool)
}

// TestBuildWritesEveryEdition checks the matrix: 21 PDFs for the two
// sample briefs (other briefs an editor adds are left out), each a valid
// PDF with every font embedded as a subset.
func TestBuildWritesEveryEdition(t *testing.T) {
	dir := t.TempDir()
	buildSamples(t, dir, "--brief", "jobs-in-sezs", "--brief", "social-protection")
	pdfs := samplePDFs(t, dir)
	if len(pdfs) != 21 {
		t.Fatalf("built %d PDFs, want 21: %v", len(pdfs), pdfs)
	}
	need(t, "qpdf")
	need(t, "pdffonts")
	for _, p := range pdfs {
		if out, err := exec.Command("qpdf", "--check", p).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check %s: %v\n%s", p, err, out)
		}
		out, err := exec.Command("pdffonts", p).Output()
		if err != nil {
			t.Fatalf("pdffonts %s: %v", p, err)
		}
		rows := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		if len(rows) == 0 {
			t.Errorf("%s: no fonts", p)
		}
		for _, row := range rows {
			f := strings.Fields(row)
			// name type... emb sub uni object ID: emb and sub are 5th and 4th from the end.
			if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
				t.Errorf("%s: font not embedded as a subset: %s", filepath.Base(p), row)
			}
			if !strings.Contains(f[0], "+") {
				t.Errorf("%s: font name without subset tag: %s", filepath.Base(p), f[0])
			}
		}
	}
}

// TestExtractedTextHasEveryMessage checks copy and paste: pdftotext of each
// PDF contains the text of every block the edition shows, in NFC,
// whitespace and line breaks aside.
func TestExtractedTextHasEveryMessage(t *testing.T) {
	need(t, "pdftotext")
	dir := t.TempDir()
	buildSamples(t, dir)
	briefs, ds := source.LoadAll(filepath.Join(samples(t), "briefs"))
	cat, cds := catalog.Load(filepath.Join(samples(t), "locales"))
	if ds = append(ds, cds...); ds.HasErrors() {
		t.Fatal(ds)
	}
	jobs, err := press.Plan(briefs, press.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(dir, j.Path()), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", j.Path(), err)
		}
		doc, ds := content.Evaluate(j.Brief, cat, j.Edition, j.Lang)
		if ds != nil {
			t.Fatal(ds)
		}
		got := squash(withoutFooters(t, doc, text.NFC(string(out))))
		for _, want := range blockTexts(doc) {
			if !strings.Contains(got, squash(want)) {
				t.Errorf("%s: extracted text lacks %q", j.Path(), want)
			}
		}
	}
}

// withoutFooters removes the page footers (the running footer and the
// page number), which pdftotext puts between the halves of a paragraph
// that runs over a page break.
func withoutFooters(t *testing.T, doc *manuscript.Document, s string) string {
	if doc.Folio.Running != "" {
		s = strings.ReplaceAll(s, doc.Folio.Running, "")
	}
	pages := strings.Count(s, "\f")
	for p := 1; p <= pages; p++ {
		s = strings.Replace(s, doc.Folio.Format(p, pages), "", 1)
	}
	return s
}

// blockTexts lists the texts a reader must be able to copy from a document.
func blockTexts(doc *manuscript.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if len(b.Spans) > 0 {
			out = append(out, text.Plain(b.Spans))
		}
		for _, it := range b.Items {
			out = append(out, text.Plain(it))
		}
		for _, c := range b.Header {
			out = append(out, text.Plain(c))
		}
		for _, r := range b.Rows {
			for _, c := range r {
				out = append(out, text.Plain(c))
			}
		}
	}
	return out
}

// squash drops white space and ZWSP, which line breaking moves around,
// and hyphens: pdftotext joins "fixed-" at a line end to the next line's
// "duration" and drops the hyphen.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == text.ZWSP || r == '-' {
			return -1
		}
		return r
	}, s)
}

// TestBuildIsReproducible builds twice and compares every byte.
func TestBuildIsReproducible(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	buildSamples(t, a, "--brief", "jobs-in-sezs", "--edition", "region")
	buildSamples(t, b, "--brief", "jobs-in-sezs", "--edition", "region")
	pdfs := samplePDFs(t, a)
	if len(pdfs) != 4 {
		t.Fatalf("built %d PDFs, want 4", len(pdfs))
	}
	for _, p := range pdfs {
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
	}
}

// TestBuildFiltersRejectUnknownValues checks that a wrong --lang names the
// valid ones, and that a country code used as a language gets a hint.
func TestBuildFiltersRejectUnknownValues(t *testing.T) {
	for _, tc := range []struct{ args, want []string }{
		{[]string{"--lang", "kh"}, []string{"unknown language", "country code", "km"}},
		{[]string{"--brief", "nope"}, []string{"unknown brief", "jobs-in-sezs", "social-protection"}},
		{[]string{"--edition", "cn"}, []string{"unknown edition", "region"}},
	} {
		var out, errOut bytes.Buffer
		app := newApp(&out, &errOut)
		app.ExitErrHandler = func(*cli.Context, error) {}
		err := app.Run(append([]string{"briefs", "--root", samples(t), "build", "--out", t.TempDir()}, tc.args...))
		if err == nil {
			t.Errorf("%v: no error", tc.args)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v: error %q lacks %q", tc.args, err, w)
			}
		}
	}
}

// TestBadSourceDateEpochIsOneSetupError: a SOURCE_DATE_EPOCH that is not
// a whole number of seconds within the years PDF dates hold stops build
// and proof before any typesetting, once, as a setup error (exit 2) that
// names the variable and its value, rather than failing every PDF at its
// brief.toml:1:1.
func TestBadSourceDateEpochIsOneSetupError(t *testing.T) {
	proofText := filepath.Join(t.TempDir(), "proof.txt")
	if err := os.WriteFile(proofText, []byte("Jobs in SEZs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"abc", " 1700000000", "99999999999999", "-5"} {
		t.Setenv("SOURCE_DATE_EPOCH", v)
		out := t.TempDir()
		for _, args := range [][]string{
			{"build", "--out", out, "--brief", "jobs-in-sezs"},
			{"proof", "--lang", "en", "--out", filepath.Join(out, "proof.pdf"), proofText},
		} {
			got, code := runCLI(t, samples(t), args, "text")
			if code != 2 {
				t.Errorf("%q %s: exit %d, want 2\n%s", v, args[0], code, got)
			}
			if n := strings.Count(got, "SOURCE_DATE_EPOCH="+strconv.Quote(v)); n != 1 || !strings.Contains(got, "9999") ||
				strings.Contains(got, "brief.toml") {
				t.Errorf("%q %s: want one setup error naming the value and the range, got\n%s", v, args[0], got)
			}
		}
		if pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf")); len(pdfs) > 0 {
			t.Errorf("%q: PDFs written: %v", v, pdfs)
		}
	}
}
