package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestQPDFCheck(t *testing.T) {
	path := writeTemp(t, sampleDoc(t), "sample.pdf")
	out := run(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestFontsEmbeddedAsSubsets(t *testing.T) {
	path := writeTemp(t, sampleDoc(t), "sample.pdf")
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts shows no fonts:\n%s", out)
	}
	fonts := 0
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 7 {
			t.Fatalf("unexpected pdffonts line %q", l)
		}
		name, emb, sub := f[0], f[len(f)-5], f[len(f)-4]
		if emb != "yes" || sub != "yes" || !strings.Contains(name, "+") {
			t.Errorf("font not an embedded subset: %q", l)
		}
		if !strings.Contains(l, "CID TrueType") || !strings.Contains(l, "Identity-H") {
			t.Errorf("font is not a CID TrueType with Identity-H: %q", l)
		}
		fonts++
	}
	// Khmer, Myanmar, Thai, Noto Sans, each regular and bold.
	if fonts != 8 {
		t.Errorf("got %d fonts, want 8:\n%s", fonts, out)
	}
}

// TestTextRoundTrip checks the crux of the writer: pdftotext returns every
// phrase exactly, including reordered Khmer and Myanmar clusters and Thai
// marks positioned with offsets.
func TestTextRoundTrip(t *testing.T) {
	path := writeTemp(t, sampleDoc(t), "sample.pdf")
	out := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	got := strings.Join(strings.Fields(norm.NFC.String(out)), " ")
	for _, ph := range phrases {
		want := norm.NFC.String(ph.text)
		if n := strings.Count(got, want); n != 2 {
			t.Errorf("%s: %q appears %d times in the extracted text, want 2 (regular and bold)", ph.lang, want, n)
		}
	}
	if !strings.Contains(got, "Page two") {
		t.Errorf("page two text missing")
	}
	// Line by line, each line is exactly its phrase.
	lines := nonEmptyLines(norm.NFC.String(out))
	for i, ph := range phrases {
		if i >= len(lines) || lines[i] != ph.text {
			t.Errorf("line %d = %q, want %q", i, at(lines, i), ph.text)
		}
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

func TestReproducible(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, sampleDoc(t)); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, sampleDoc(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of the same document differ")
	}
}

func TestMetadata(t *testing.T) {
	path := writeTemp(t, sampleDoc(t), "sample.pdf")
	out := run(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           ការងារនៅតំបន់សេដ្ឋកិច្ចពិសេស",
		"Author:          Mekong Migration Network",
		"Producer:        briefs",
		"Pages:           2",
		"PDF version:     1.7",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	raw = objectsText(t, raw)
	for _, want := range []string{
		"/CreationDate (D:20190301093000Z)", "/Lang (km)", "/DisplayDocTitle true",
		"/PageMode /UseOutlines", "/S /URI /URI (https://example.org/%E1%9E%96%E1%9F%92%E1%9E%9A%E1%9F%87?a=\\(b\\))",
	} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	outline := run(t, "mutool", "show", path, "outline")
	for _, want := range []string{"ព្រះរាជាណាចក្រកម្ពុជា", "Thai", "Page two"} {
		if !strings.Contains(outline, want) {
			t.Errorf("outline lacks %q:\n%s", want, outline)
		}
	}
}

func TestRender(t *testing.T) {
	path := writeTemp(t, sampleDoc(t), "sample.pdf")
	dir := t.TempDir()
	run(t, "pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", path, filepath.Join(dir, "page"))
	matches, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(matches) != 1 {
		t.Fatalf("pdftoppm made %v", matches)
	}
	if keep := os.Getenv("PDF_TEST_KEEP"); keep != "" {
		data, _ := os.ReadFile(matches[0])
		os.WriteFile(filepath.Join(keep, "sample-1.png"), data, 0o644)
	}
}
