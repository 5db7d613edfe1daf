package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
)

func samples(t *testing.T) (map[string]*source.Brief, *catalog.Catalog) {
	t.Helper()
	briefs, ds := source.LoadAll(filepath.Join("..", "..", "testdata", "samples", "briefs"))
	cat, cds := catalog.Load(filepath.Join("..", "..", "testdata", "samples", "locales"))
	if ds = append(ds, cds...); ds.HasErrors() {
		t.Fatal(ds)
	}
	m := map[string]*source.Brief{}
	for _, b := range briefs {
		m[b.ID] = b
	}
	return m, cat
}

func plain(doc *manuscript.Document) string {
	var b strings.Builder
	for _, blk := range doc.Blocks {
		b.WriteString(text.Plain(blk.Spans) + "\n")
		for _, it := range blk.Items {
			b.WriteString(text.Plain(it) + "\n")
		}
	}
	return b.String()
}

// TestEditionsShowTheirOwnBlocks checks that a block limited to some
// editions appears only there, and that the edition's name is the kicker
// over the title and is named in the running footer.
func TestEditionsShowTheirOwnBlocks(t *testing.T) {
	briefs, cat := samples(t)
	br := briefs["jobs-in-sezs"]
	th, err := Evaluate(br, cat, "th", "en")
	if err != nil {
		t.Fatal(err)
	}
	mm, err := Evaluate(br, cat, "mm", "en")
	if err != nil {
		t.Fatal(err)
	}
	thOnly, _ := cat.Lookup("jobs-in-sezs", "en", "findings.th")
	first := strings.Fields(thOnly.Other())[0:4]
	needle := strings.Join(first, " ")
	if !strings.Contains(plain(th), needle) || strings.Contains(plain(mm), needle) {
		t.Errorf("findings.th: in th edition %v, in mm edition %v", strings.Contains(plain(th), needle), strings.Contains(plain(mm), needle))
	}
	if th.Blocks[0].Kind != manuscript.EditionLabel || text.Plain(th.Blocks[0].Spans) != "Thailand edition" {
		t.Errorf("kicker over the title = %v %q", th.Blocks[0].Kind, text.Plain(th.Blocks[0].Spans))
	}
	if !strings.Contains(th.Folio.Running, "Thailand edition") || !strings.Contains(th.Folio.Running, th.Title) {
		t.Errorf("running footer %q names neither the brief nor the edition", th.Folio.Running)
	}
}

// TestPublishedDateAndDigits checks the published line: Thai in the
// Buddhist era, Khmer digits in the Cambodia edition.
func TestPublishedDateAndDigits(t *testing.T) {
	briefs, cat := samples(t)
	br := briefs["jobs-in-sezs"]
	for _, tc := range []struct{ edition, lang, want string }{
		{"region", "th", "2562"},
		{"kh", "km", "២០១៩"},
		{"region", "en", "July 2019"},
	} {
		doc, err := Evaluate(br, cat, tc.edition, tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		last := doc.Blocks[len(doc.Blocks)-1]
		if last.Kind != manuscript.Published || !strings.Contains(text.Plain(last.Spans), tc.want) {
			t.Errorf("%s/%s: last block %s %q, want it to contain %q", tc.edition, tc.lang, last.Kind, text.Plain(last.Spans), tc.want)
		}
	}
}

// TestZawgyiIsRefused puts a Zawgyi paragraph in a Burmese catalogue and
// expects an error that gives the Unicode text.
func TestZawgyiIsRefused(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "briefs", "b"), 0o755)
	os.WriteFile(filepath.Join(root, "briefs", "b", "brief.toml"), []byte(`id = "b"
date = 2019-07-01
[[edition]]
country = "mm"
languages = ["my"]
[[block]]
type = "paragraph"
msg = "p"
`), 0o644)
	locales := filepath.Join(root, "locales")
	os.MkdirAll(locales, 0o755)
	shared, _ := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "locales", "shared.my.toml"))
	os.WriteFile(filepath.Join(locales, "shared.my.toml"), shared, 0o644)
	// "ရွှေ့ပြောင်းလုပ်သားများ" typed in Zawgyi: medials and ေ stored before the consonant.
	os.WriteFile(filepath.Join(locales, "b.my.toml"), []byte("[p]\nother = \"ေရႊ႕ေျပာင္းလုပ္သားမ်ား\"\n"), 0o644)
	br, ds := source.Load(filepath.Join(root, "briefs", "b", "brief.toml"))
	cat, cds := catalog.Load(locales)
	if ds = append(ds, cds...); ds.HasErrors() {
		t.Fatal(ds)
	}
	_, err := Evaluate(br, cat, "mm", "my")
	if err == nil || !strings.Contains(err.Error(), "Zawgyi") || !strings.Contains(err.Error(), "ရွှေ့ပြောင်းလုပ်သားများ") {
		t.Errorf("err = %v, want a Zawgyi error with the Unicode text", err)
	}
}

// TestContactLanguagesUseTheLanguagesSeparator checks that the languages
// a contact answers in are parted as each language parts a list (the
// language table's ListSeparator): Burmese with ၊, Khmer and Thai with a
// space, English with a comma.
func TestContactLanguagesUseTheLanguagesSeparator(t *testing.T) {
	briefs, cat := samples(t)
	br := briefs["jobs-in-sezs"]
	for _, code := range []string{"en", "my", "km", "th"} {
		doc, ds := Evaluate(br, cat, "region", code)
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		en, ok1 := cat.Lookup("shared", code, "lang.en")
		ja, ok2 := cat.Lookup("shared", code, "lang.ja")
		if !ok1 || !ok2 {
			t.Fatalf("%s: the shared catalogue has no lang.en or lang.ja", code)
		}
		sep := map[string]string{"en": ", ", "my": "၊ ", "km": " ", "th": " "}[code]
		want := en.Other() + sep + ja.Other()
		if !strings.Contains(plain(doc), want) {
			t.Errorf("%s: no contact line with %q in\n%s", code, want, plain(doc))
		}
	}
}

// TestMastheadPrecedence checks where the masthead comes from: the
// brief's [masthead] (jobs-in-sezs: its logo and the translated name)
// without settings; the project's organisation and logo over it when
// set; and a project logo that cannot be read is an error at its line
// in briefs.toml.
func TestMastheadPrecedence(t *testing.T) {
	briefs, cat := samples(t)
	br := briefs["jobs-in-sezs"]
	doc, ds := Evaluate(br, cat, "kh", "km")
	if ds.HasErrors() || doc.Masthead == nil || doc.Masthead.Logo == nil {
		t.Fatalf("brief masthead %+v, %v", doc, ds)
	}
	org, _ := cat.Lookup("jobs-in-sezs", "km", "contact.org")
	if got := text.Plain(doc.Masthead.Name); got != org.Other() {
		t.Errorf("masthead name %q, want the Khmer contact.org %q", got, org.Other())
	}
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	brief, _ := os.ReadFile(filepath.Join(br.Dir, br.Masthead.Logo))
	os.WriteFile(logo, brief[:len(brief)/2], 0o644) // a truncated PNG
	pos := diag.Pos{File: "briefs.toml", Line: 3, Col: 8}
	_, ds = EvaluateWith(br, cat, "kh", "km", Options{Organisation: "Our network", Logo: logo, LogoPos: pos})
	if len(ds) != 1 || ds[0].Pos != pos {
		t.Errorf("damaged project logo: %v, want one diagnostic at %v", ds, pos)
	}
	os.WriteFile(logo, brief, 0o644)
	doc, ds = EvaluateWith(br, cat, "kh", "km", Options{Organisation: "Our network", Logo: logo, LogoPos: pos})
	if ds.HasErrors() || text.Plain(doc.Masthead.Name) != "Our network" || doc.Masthead.Logo == nil {
		t.Errorf("project masthead %+v, %v", doc.Masthead, ds)
	}
	// The settings' name is the project's own text, in its source
	// language, which a screen reader is told.
	if l := doc.Masthead.Name[0].Lang; l != br.SourceLang {
		t.Errorf("project masthead name in language %q, want the source language %q", l, br.SourceLang)
	}
}
