package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// catalogue writes files into a temporary locales folder and loads it.
func catalogue(t *testing.T, files map[string]string) *Catalog {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	c, ds := Load(dir)
	if ds.HasErrors() {
		t.Fatalf("Load: %v", ds)
	}
	return c
}

const sharedEN = `
["month.7"]
other = "July"
["date.month_year"]
other = "{{.Month}} {{.Year}}"
["index.pages"]
one = "{{.Count}} page"
other = "{{.Count}} pages"
`

func TestDatesPerLanguage(t *testing.T) {
	c := catalogue(t, map[string]string{
		"shared.en.toml": sharedEN,
		"shared.th.toml": "[\"month.7\"]\nother = \"กรกฎาคม\"\n[\"date.month_year\"]\nother = \"{{.Month}} {{.Year}}\"\n",
		"shared.km.toml": "[\"month.7\"]\nother = \"ខែកក្កដា\"\n[\"date.month_year\"]\nother = \"{{.Month}} ឆ្នាំ{{.Year}}\"\n",
		"b.en.toml":      "[t]\nother = \"x\"\n", "b.th.toml": "[t]\nother = \"x\"\n", "b.km.toml": "[t]\nother = \"x\"\n",
	})
	july := time.Date(2019, 7, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang   string
		native bool
		want   string
	}{
		{"en", false, "July 2019"},
		{"th", false, "กรกฎาคม 2562"}, // Buddhist era
		{"th", true, "กรกฎาคม ๒๕๖๒"},
		{"km", true, "ខែកក្កដា ឆ្នាំ២០១៩"},
	} {
		loc, err := c.Localizer("b", tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		loc.NativeDigits = tc.native
		got, err := loc.Date(july)
		if err != nil || got != tc.want {
			t.Errorf("%s native=%v: Date = %q, %v; want %q", tc.lang, tc.native, got, err, tc.want)
		}
	}
}

// TestPluralForms checks that CLDR rules pick the form: English and
// Vietnamese have one and other.
func TestPluralForms(t *testing.T) {
	c := catalogue(t, map[string]string{
		"shared.en.toml": sharedEN,
		"shared.vi.toml": "[\"index.pages\"]\none = \"{{.Count}} trang\"\nother = \"{{.Count}} trang\"\n",
		"b.en.toml":      "[t]\nother = \"x\"\n", "b.vi.toml": "[t]\nother = \"x\"\n",
	})
	en, _ := c.Localizer("b", "en")
	for n, want := range map[int]string{1: "1 page", 2: "2 pages", 0: "0 pages"} {
		if got, err := en.Plural("index.pages", n, nil); err != nil || got != want {
			t.Errorf("en %d: %q, %v; want %q", n, got, err, want)
		}
	}
	vi, _ := c.Localizer("b", "vi")
	if got, _ := vi.Plural("index.pages", 3, nil); got != "3 trang" {
		t.Errorf("vi 3: %q", got)
	}
}

// TestRenderErrors checks that a missing translation and a misspelt
// template variable are errors, never English or "<no value>".
func TestRenderErrors(t *testing.T) {
	c := catalogue(t, map[string]string{
		"shared.en.toml": sharedEN, "shared.km.toml": sharedEN,
		"b.en.toml": "[t]\nother = \"Published {{.Date}}\"\n[u]\nother = \"only English\"\n",
		"b.km.toml": "[t]\nother = \"បោះពុម្ព {{.Dat}}\"\n",
	})
	km, err := c.Localizer("b", "km")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := km.Text("u", nil); err == nil {
		t.Errorf("missing km message rendered as %q", s)
	}
	s, err := km.Text("t", map[string]any{"Date": "July"})
	if err == nil || strings.Contains(s, "no value") {
		t.Errorf("misspelt variable: %q, %v", s, err)
	} else if !strings.Contains(err.Error(), "b.km.toml:2:1") || !strings.Contains(err.Error(), "{{.Dat}}") || !strings.Contains(err.Error(), "{{.Date}}") {
		t.Errorf("error %v does not name b.km.toml:2:1 (the other field), the wrong variable and the right one", err)
	}
}

// TestDroppedVariableRefused: a translation whose text leaves out a
// variable of the English ({.Date} typed for {{.Date}}) is refused at
// render, as check refuses it, instead of printing no date.
func TestDroppedVariableRefused(t *testing.T) {
	c := catalogue(t, map[string]string{
		"shared.en.toml": sharedEN, "shared.km.toml": sharedEN,
		"b.en.toml": "[t]\nother = \"Published {{.Date}}\"\n",
		"b.km.toml": "[t]\nother = \"បោះពុម្ព {.Date}\"\n",
	})
	km, err := c.Localizer("b", "km")
	if err != nil {
		t.Fatal(err)
	}
	s, err := km.Text("t", map[string]any{"Date": "July"})
	if err == nil || !strings.Contains(err.Error(), "b.km.toml:2:1") || !strings.Contains(err.Error(), "{{.Date}}") {
		t.Errorf("rendered %q, %v; want an error at b.km.toml:2:1 naming {{.Date}}", s, err)
	}
	// A plural message whose forms keep the count renders.
	if s, err := km.Plural("index.pages", 1, nil); err != nil {
		t.Errorf("one page: %q %v", s, err)
	}
}

// TestCountryCodeFileName checks that a catalogue named with a country
// code is rejected with a hint, not loaded as "und".
func TestCountryCodeFileName(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.kh.toml"), []byte("[t]\nother = \"x\"\n"), 0o644)
	c, ds := Load(dir)
	if _, ok := c.File("b", "km"); ok || len(ds) != 1 || ds[0].Code != "unknown-language" || !strings.Contains(ds[0].Hint, `"km"`) {
		t.Errorf("b.kh.toml loaded as km, or diagnostics %v", ds)
	}
	for _, f := range c.Files {
		if !f.Builtin {
			t.Errorf("%s loaded", f.Path)
		}
	}
}

func TestHashMatchesGoI18n(t *testing.T) {
	// SHA-1 of "a" (description "" + other "a") is the FIPS 180 test
	// vector 86f7e437...; goi18n prefixes it with "sha1-".
	if got := Hash("", "a"); got != "sha1-86f7e437faa5a7fce15d1ddcb9eaeaea377667b8" {
		t.Errorf("Hash = %s", got)
	}
}

// TestSourceHashCoversPluralForms checks that a one-form message keeps
// go-i18n's hash, and that changing only the English "one" form of a
// plural message changes the hash its translations must carry.
func TestSourceHashCoversPluralForms(t *testing.T) {
	single := &Message{Description: "d", Forms: map[string]string{"other": "x"}}
	if single.SourceHash() != Hash("d", "x") {
		t.Error("a one-form message does not use go-i18n's hash")
	}
	a := &Message{Forms: map[string]string{"one": "{{.Count}} page", "other": "{{.Count}} pages"}}
	b := &Message{Forms: map[string]string{"one": "one page", "other": "{{.Count}} pages"}}
	if a.SourceHash() == b.SourceHash() {
		t.Error("changing the one form kept the hash")
	}
}

// TestStaleCounts checks the reminder build prints: a translation made
// from older English counts, a current one does not.
func TestStaleCounts(t *testing.T) {
	c := catalogue(t, map[string]string{
		"b.en.toml": "[a]\nother = \"A new\"\n[b]\nother = \"B\"\n",
		"b.km.toml": "[a]\nhash = \"" + Hash("", "A old") + "\"\nother = \"ក\"\n[b]\nhash = \"" + Hash("", "B") + "\"\nother = \"ខ\"\n",
	})
	if got := c.Stale(); got["km"] != 1 || len(got) != 1 {
		t.Errorf("Stale() = %v, want km: 1", got)
	}
}

// TestBuiltinSharedCatalogues: a project without shared catalogues gets
// the built-in ones in every language, and its own file overrides the
// built-in messages it has and inherits the others.
func TestBuiltinSharedCatalogues(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "shared.km.toml"), []byte("[\"footer.page\"]\nother = \"ទំព័រ {{.Page}}\"\n"), 0o644)
	c, ds := Load(dir)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	for _, code := range lang.Codes() {
		f, ok := c.File(Shared, code)
		switch {
		case !ok:
			t.Errorf("no shared catalogue for %s", code)
		case code == "km" && (f.Builtin || f.Message("footer.page").Other() != "ទំព័រ {{.Page}}" || f.Message("footer.page").Inherited):
			t.Errorf("the project's footer.page does not override the built-in one: %s, %+v", f.Path, f.Message("footer.page"))
		case code == "km" && (f.Message("heading.contact") == nil || !f.Message("heading.contact").Inherited):
			t.Errorf("the project's shared.km.toml did not inherit heading.contact: %+v", f.Message("heading.contact"))
		case code != "km" && (!f.Builtin || f.Message("footer.page") == nil):
			t.Errorf("shared.%s: built-in %v, footer.page %v", code, f.Builtin, f.Message("footer.page"))
		}
	}
}

// TestWordLists: a project's word list is read for the languages broken
// by dictionary, comments and blank lines aside, in NFC.
func TestWordLists(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, WordListName("km")), []byte("# names\nធីឡាវ៉ា\n\n  ថៃ  \n"), 0o644)
	os.WriteFile(filepath.Join(dir, WordListName("en")), []byte("Thilawa\n"), 0o644)
	c, ds := Load(dir)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if got := c.Words["km"]; len(got) != 2 || got[0] != "ធីឡាវ៉ា" || got[1] != "ថៃ" {
		t.Errorf("km words = %q", got)
	}
	if _, ok := c.Words["en"]; ok {
		t.Error("an English word list was read: English is not broken by dictionary")
	}
}

// TestTemplateSlipsNamed: a variable left without its }} is named with
// what to write, not text/template's "bad character U+007D"; a variable
// that differs from the English's in case only gets the English's name.
func TestTemplateSlipsNamed(t *testing.T) {
	for src, want := range map[string]string{
		"Published {{.Date} in Phnom Penh": "{{.Date is not closed: write {{.Date}}",
		"Published {{.Date":                "{{.Date is not closed: write {{.Date}}",
		"{{.Count หน้า":                    "{{.Count is not closed: write {{.Count}}",
		"{{ .Total }":                      "{{.Total is not closed: write {{.Total}}",
	} {
		_, err := ParseTemplate(src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseTemplate(%q): %v; want %q", src, err, want)
		}
	}
	if _, err := ParseTemplate("{{if .Date}}x{{end}}"); err == nil || strings.Contains(err.Error(), "not closed") {
		t.Errorf("an if action: %v; want refused, not as unclosed", err)
	}
	if h := UnknownVarHint("date", []string{"Date"}); h != "variables are case-sensitive: write {{.Date}}" {
		t.Errorf("UnknownVarHint(date) = %q", h)
	}
	if h := UnknownVarHint("Dat", []string{"Date"}); !strings.Contains(h, "{{.Date}}") {
		t.Errorf("UnknownVarHint(Dat) = %q", h)
	}
}
