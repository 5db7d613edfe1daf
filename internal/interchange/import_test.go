package interchange

import (
	"errors"
	"fmt"
	"github.com/mekong-briefs/briefs/internal/diag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mekong-briefs/briefs/internal/check"
)

// TestRoundTripPO: export, translate the new messages and review the
// fuzzy ones with a scripted edit, rewrite the translations with
// translate-toolkit's podebug, import, and check is clean.
func TestRoundTripPO(t *testing.T) {
	podebug := need(t, "podebug", "translate-toolkit")
	root := project(t)
	out := export(t, root, "po")
	km := filepath.Join(out, "km", "b.po")
	edit(t, km,
		"#, fuzzy\n#| msgid \"Most workers were women.\"\n", "",
		"msgstr \"កម្មករភាគច្រើនជាស្ត្រី។\"", "msgstr \"*កម្មករ*ភាគច្រើនជាស្ត្រី។\"",
		"msgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\"", "msgid \"Read more at [our site](https://example.org).\"\nmsgstr \"អានបន្ថែមនៅ [គេហទំព័ររបស់យើង](https://example.org)។\"",
		"#, fuzzy\nmsgctxt \"edition.name\"", "msgctxt \"edition.name\"")
	tool := filepath.Join(out, "km", "b.debug.po")
	run(t, podebug, "--rewrite=xxx", km, tool)
	before := snapshot(t, root)
	res := importOK(t, root, tool)
	if !res.Written || res.Stamped != 5 || res.Unreviewed != 0 {
		t.Fatalf("import: %+v", res)
	}
	if ds := findings(t, root, "missing", "stale", "no-hash", "markup", "template", "untranslated"); len(ds) > 0 {
		t.Errorf("check after the round trip: %v", ds)
	}
	after := snapshot(t, root)
	got := after["b.km.toml"]
	// The translator's comments, the end-of-line comment and the order stay.
	for _, want := range []string{"# Khmer, by Sok.\n", "  # checked by Dara\n", "# Sok: check the register.\n[\"p1\"]\n",
		"other = \"xxx*កម្មករ*ភាគច្រើនជាស្ត្រី។xxx\"", "[\"p2\"]\n# description: Second paragraph\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	for name, data := range before {
		if name != "b.km.toml" && after[name] != data {
			t.Errorf("%s changed", name)
		}
	}
	// Importing the same file again changes nothing.
	if res := importOK(t, root, tool); res.Written {
		t.Errorf("second import wrote: %+v", res)
	}
}

// TestStaleRoundTrip: the English changes, export shows the translation
// fuzzy with the old English, the translator updates it, and after import
// it is no longer stale.
func TestStaleRoundTrip(t *testing.T) {
	root := project(t)
	syncAll(t, root)
	edit(t, filepath.Join(root, "locales", "b.en.toml"), `other = "Jobs in zones"`, `other = "Jobs in economic zones"`)
	syncAll(t, root)
	toml, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if !strings.Contains(string(toml), "# was: Jobs in zones\n# stale: the English text changed") {
		t.Fatalf("sync kept no old English:\n%s", toml)
	}
	out := export(t, root, "po")
	km := filepath.Join(out, "km", "b.po")
	edit(t, km, "#, fuzzy\n#| msgid \"Jobs in zones\"\nmsgctxt \"title\"\nmsgid \"Jobs in economic zones\"\nmsgstr \"ការងារនៅក្នុងតំបន់\"",
		"msgctxt \"title\"\nmsgid \"Jobs in economic zones\"\nmsgstr \"ការងារនៅក្នុងតំបន់សេដ្ឋកិច្ច\"")
	importOK(t, root, km)
	for _, d := range findings(t, root, "stale") {
		if strings.Contains(d.Msg, `"title"`) && strings.HasSuffix(d.Pos.File, "b.km.toml") {
			t.Errorf("still stale: %v", d)
		}
	}
	// A fuzzy entry imports as text to review, never as current.
	edit(t, filepath.Join(root, "locales", "b.en.toml"), `other = "Jobs in economic zones"`, `other = "Jobs in SEZs"`)
	syncAll(t, root)
	out = export(t, root, "xliff")
	xlf := filepath.Join(out, "km", "b.xlf")
	edit(t, xlf, "<target state=\"needs-review-translation\">ការងារនៅក្នុងតំបន់សេដ្ឋកិច្ច</target>",
		"<target state=\"needs-review-translation\">ការងារនៅក្នុង SEZ</target>")
	if res := importOK(t, root, xlf); res.Unreviewed != 1 || res.Stamped != 0 {
		t.Errorf("fuzzy import: %+v", res)
	}
	if ds := findings(t, root, "stale"); !strings.Contains(fmt.Sprint(ds), "b.km.toml") {
		t.Error("a fuzzy import made the translation current")
	}
}

// TestRoundTripXLIFFVietnamesePlural: the one Vietnamese form comes back
// as both CLDR 49 categories.
func TestRoundTripXLIFFVietnamesePlural(t *testing.T) {
	root := project(t)
	edit(t, filepath.Join(root, "locales", "shared.vi.toml"), "[\"index.pages\"]\nhash", "[\"index.pages\"]\n# pages\nhash")
	out := export(t, root, "xliff")
	xlf := filepath.Join(out, "vi", "shared.xlf")
	edit(t, xlf, ">{{.Count}}</ph> trang</target>", ">{{.Count}}</ph> trang PDF</target>")
	importOK(t, root, xlf)
	got, _ := os.ReadFile(filepath.Join(root, "locales", "shared.vi.toml"))
	if !strings.Contains(string(got), "one = \"{{.Count}} trang PDF\"\nother = \"{{.Count}} trang PDF\"") {
		t.Errorf("Vietnamese plural:\n%s", got)
	}
	if r, _ := check.Run(root, check.Options{Langs: []string{"vi"}}); r.ExitCode() != 0 {
		t.Errorf("check: %v", r.Findings)
	}
}

// TestBrokenImportWritesNothing: a bad template, Zawgyi text or a wrong
// number of plural forms refuses the whole file, with a position.
func TestBrokenImportWritesNothing(t *testing.T) {
	cases := []struct {
		name, file, old, new, code string
	}{
		{"template", "km/b.po", "msgstr \"បោះពុម្ពផ្សាយ {{.Date}}\"", "msgstr \"បោះពុម្ពផ្សាយ {{.Dte}}\"", "template"},
		{"zawgyi", "km/b.po", "msgstr \"ការងារនៅក្នុងតំបន់\"", "msgstr \"\u1031\u1000\u103a\u102c\u1004\u1039\u1038 \u1019\u103a\u102c\u1038\u1000\u102d\u102f \u107e\u1015\u1014\u1039\u1031\u1015\u1038\u1015\u102b\u1010\u101a\u1039\"", "zawgyi"},
		{"plural", "vi/shared.po", "msgstr[0] \"{{.Count}} trang\"", "msgstr[0] \"{{.Count}} trang\"\nmsgstr[1] \"{{.Count}} trang\"", "plural"},
		{"syntax", "km/b.po", "msgstr \"ការងារនៅក្នុងតំបន់\"", "msgstr \"ការងារ \"នៅ\"", "import-format"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := project(t)
			out := export(t, root, "po")
			path := filepath.Join(out, filepath.FromSlash(c.file))
			// A good change too: it must not be written either.
			edit(t, path, c.old, c.new)
			if c.file == "km/b.po" && c.name != "syntax" {
				edit(t, path, "msgstr \"កម្មករភាគច្រើនជាស្ត្រី។\"", "msgstr \"*កម្មករ*ភាគច្រើនជាស្ត្រី។\"")
			}
			before := snapshot(t, root)
			_, ds := Import(root, path)
			if !ds.HasErrors() {
				t.Fatal("import accepted a broken file")
			}
			found := false
			for _, d := range ds {
				if d.Code == c.code && d.Pos.File == path && d.Pos.Line > 0 && d.Pos.Col > 0 && d.Hint != "" {
					found = true
				}
				if strings.Contains(d.Hint, "check --fix") {
					t.Errorf("%v: a hint to fix the catalogue, for the translator's file", d) // --fix does not touch it
				}
			}
			if !found {
				t.Errorf("no positioned %s finding with a hint: %v", c.code, ds)
			}
			after := snapshot(t, root)
			for name := range before {
				if before[name] != after[name] {
					t.Errorf("%s changed", name)
				}
			}
		})
	}
}

// TestSuggestionAndOlderEnglishNeverCurrent: a fuzzy suggestion is left
// out, untouched silently, edited with a warning, and a translation made
// from other English than the current one is written stale.
func TestSuggestionAndOlderEnglishNeverCurrent(t *testing.T) {
	root := project(t)
	out := export(t, root, "po")
	km := filepath.Join(out, "km", "b.po")
	edit(t, km, "msgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\"",
		"msgid \"Read more at our site.\"\nmsgstr \"អានបន្ថែមនៅ [គេហទំព័ររបស់យើង](https://example.org)។\"")
	res, ds := Import(root, km)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if res.Fuzzy != 0 || res.Unreviewed != 1 || res.Stamped != 0 || res.Unchanged != 4 || len(ds) != 0 {
		t.Fatalf("import: %+v, %v; want the untouched suggestion unchanged, with no finding", res, ds)
	}
	edit(t, km, `msgstr "បោះពុម្ពកម្ពុជា"`, `msgstr "បោះពុម្ពសម្រាប់កម្ពុជា"`)
	res, ds = Import(root, km)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if res.Fuzzy != 1 {
		t.Fatalf("import of the edited draft: %+v", res)
	}
	if len(ds) != 1 || ds[0].Code != CodeImportDraft || !strings.Contains(ds[0].Msg, `"edition.name"`) || ds[0].Pos.Line < 2 {
		t.Errorf("findings %v, want one import-draft warning at the suggestion's entry", ds)
	}
	cat, _ := load(t, root)
	f, _ := cat.File("b", "km")
	if m := f.Message("edition.name"); m != nil && len(m.Forms) > 0 {
		t.Errorf("the suggestion became a translation: %v", m.Forms)
	}
	en, _ := cat.File("b", "en")
	if m := f.Message("p2"); m == nil || m.Hash == en.Message("p2").SourceHash() || m.Hash == "" {
		t.Errorf("a translation of other English is not stale: %+v", m)
	}
}

// TestRoundTripXLIFFWithTranslateToolkit pseudo-translates an XLIFF export
// with podebug (an approved unit's target between "xxx", any other's
// English), imports
// it, and expects the translated units current, the stale one still stale,
// the suggestion (needs-review-translation) left out, the untranslated one
// that podebug filled without changing its state (needs-translation) taken
// to review with a warning, as a tool's unmarked work is, and the <ph>
// codes kept.
func TestRoundTripXLIFFWithTranslateToolkit(t *testing.T) {
	podebug := need(t, "podebug", "translate-toolkit")
	root := project(t)
	out := export(t, root, "xliff")
	xlf := filepath.Join(out, "km", "b.xlf")
	tool := filepath.Join(out, "km", "b.debug.xlf")
	run(t, podebug, "--rewrite=xxx", xlf, tool)
	res, ds := Import(root, tool)
	if ds.HasErrors() || res.Stamped != 2 || res.Unreviewed != 2 || res.Fuzzy != 1 || !positioned(ds, CodeImportUnstated, `"p2"`) {
		t.Fatalf("import: %+v %v", res, ds)
	}
	got, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if !strings.Contains(string(got), "other = \"xxxបោះពុម្ពផ្សាយ {{.Date}}xxx\"") || strings.Contains(string(got), "xxxCambodia") {
		t.Errorf("podebug's text not imported:\n%s", got)
	}
	if len(findings(t, root, "template")) > 0 {
		t.Errorf("template findings after the round trip: %v", findings(t, root, "template"))
	}
}

// TestImportKeepsBOMAndCRLF imports into a catalogue saved with a BOM and
// CRLF line endings, read-only: they stay, and only the imported lines
// change.
func TestImportKeepsBOMAndCRLF(t *testing.T) {
	root := project(t)
	path := filepath.Join(root, "locales", "b.km.toml")
	data, _ := os.ReadFile(path)
	crlf := "\uFEFF" + strings.ReplaceAll(string(data), "\n", "\r\n")
	os.WriteFile(path, []byte(crlf), 0o644)
	os.Chmod(path, 0o444)
	out := export(t, root, "po")
	po := filepath.Join(out, "km", "b.po")
	edit(t, po, "msgstr \"ការងារនៅក្នុងតំបន់\"", "msgstr \"ការងារនៅក្នុងតំបន់ផ្សេងៗ\"")
	importOK(t, root, po)
	got, _ := os.ReadFile(path)
	want := strings.Replace(crlf, "other = \"ការងារនៅក្នុងតំបន់\"", "other = \"ការងារនៅក្នុងតំបន់ផ្សេងៗ\"", 1)
	want = strings.Replace(want, "[\"title\"]\r\n", "[\"title\"]\r\n# description: Title of the brief\r\n# en: Jobs in zones\r\n", 1)
	if string(got) != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o444 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

// TestImportRewritesAMultilineTranslation: a translation a translator
// wrote by hand as a multi-line TOML string is replaced by the imported
// one on one line, and the file's other translations are imported too;
// the file was refused whole.
func TestImportRewritesAMultilineTranslation(t *testing.T) {
	root := project(t)
	path := filepath.Join(root, "locales", "b.km.toml")
	edit(t, path, "other = \"ការងារនៅក្នុងតំបន់\"", "other = \"\"\"\nការងារនៅក្នុងតំបន់\"\"\"")
	out := export(t, root, "po")
	po := filepath.Join(out, "km", "b.po")
	edit(t, po, "msgstr \"ការងារនៅក្នុងតំបន់\"", "msgstr \"ការងារនៅក្នុងតំបន់ថ្មី\"",
		"msgstr \"បោះពុម្ពផ្សាយ {{.Date}}\"", "msgstr \"បានបោះពុម្ពផ្សាយ {{.Date}}\"")
	importOK(t, root, po)
	after := snapshot(t, root)["b.km.toml"]
	for _, want := range []string{"other = \"ការងារនៅក្នុងតំបន់ថ្មី\"\n", "other = \"បានបោះពុម្ពផ្សាយ {{.Date}}\"\n"} {
		if !strings.Contains(after, want) {
			t.Errorf("catalogue lacks %q:\n%s", want, after)
		}
	}
	if strings.Contains(after, `"""`) {
		t.Errorf("the multi-line string is still there:\n%s", after)
	}
	cat, _ := load(t, root)
	if f, _ := cat.File("b", "km"); f.Message("title").Other() != "ការងារនៅក្នុងតំបន់ថ្មី" {
		t.Errorf("the title reads %q", f.Message("title").Other())
	}
}

// TestUntranslatedImportMakesNoFile: importing an exported file nobody
// translated, for a language that has no catalogue yet, writes nothing
// (before, a catalogue of headers alone); an empty file is refused as
// such, not as one of an unknown catalogue.
func TestUntranslatedImportMakesNoFile(t *testing.T) {
	root := project(t)
	target := filepath.Join(root, "locales", "b.vi.toml")
	if err := os.Remove(target); err != nil {
		t.Fatal(err)
	}
	out := export(t, root, "po")
	vi := filepath.Join(out, "vi", "b.po")
	if _, err := os.Stat(vi); err != nil {
		t.Fatalf("export wrote no %s", vi)
	}
	if res := importOK(t, root, vi); res.Written {
		t.Errorf("an untranslated file was written: %+v", res)
	}
	if _, err := os.Stat(target); err == nil {
		t.Errorf("%s was made from an untranslated file", target)
	}
	empty := filepath.Join(out, "km", "empty.po")
	os.WriteFile(empty, nil, 0o644)
	if _, ds := Import(root, empty); !ds.HasErrors() || !strings.Contains(ds[0].Msg, "holds no messages") {
		t.Errorf("empty file: %v", ds)
	}
}

// TestOlderFileKeepsNewerTranslation: a file exported before the English
// changed, imported after the translation of the new English, leaves
// that translation as it is, with a warning, in PO and in XLIFF.
func TestOlderFileKeepsNewerTranslation(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		root := project(t)
		syncAll(t, root)
		oldOut := filepath.Join(t.TempDir(), "old")
		cat, briefs := load(t, root)
		if _, err := Export(root, cat, briefs, Select{}, format, oldOut); err != nil {
			t.Fatal(err)
		}
		edit(t, filepath.Join(root, "locales", "b.en.toml"), `other = "Jobs in zones"`, `other = "Jobs in economic zones"`)
		syncAll(t, root)
		km := filepath.Join(export(t, root, "po"), "km", "b.po")
		edit(t, km, "#, fuzzy\n#| msgid \"Jobs in zones\"\nmsgctxt \"title\"\nmsgid \"Jobs in economic zones\"\nmsgstr \"ការងារនៅក្នុងតំបន់\"",
			"msgctxt \"title\"\nmsgid \"Jobs in economic zones\"\nmsgstr \"ការងារនៅក្នុងតំបន់សេដ្ឋកិច្ច\"")
		if res := importOK(t, root, km); res.Stamped != 1 {
			t.Fatalf("%s: the new translation was not made current: %+v", format, res)
		}
		before := snapshot(t, root)["b.km.toml"]

		name := map[string]string{"po": "b.po", "xliff": "b.xlf"}[format]
		old := filepath.Join(oldOut, "km", name)
		edit(t, old, "ការងារនៅក្នុងតំបន់", "ការងារ") // the old file, edited since
		res, ds := Import(root, old)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", format, ds)
		}
		if after := snapshot(t, root)["b.km.toml"]; after != before {
			t.Errorf("%s: the older file changed the catalogue:\n%s", format, after)
		}
		var warned bool
		for _, d := range ds {
			warned = warned || (d.Code == CodeImportOutdated && strings.Contains(d.Msg, `"title"`) && d.Pos.Line > 1 &&
				strings.Contains(d.Msg, `"Jobs in zones"`)) // the file's English, quoted
		}
		if res.Outdated != 1 || !warned {
			t.Errorf("%s: outdated %d, findings %v; want the title left out with a positioned warning", format, res.Outdated, ds)
		}
		// The file is the only place the left-out translation is kept:
		// export does not replace it.
		kept, _ := os.ReadFile(old)
		cat, briefs = load(t, root)
		_, err := Export(root, cat, briefs, Select{}, format, oldOut)
		var refused *Unimported
		if !errors.As(err, &refused) || !strings.Contains(err.Error(), "title") {
			t.Errorf("%s: export over the file with the left-out translation: %v; want it refused, naming the title", format, err)
		}
		if now, _ := os.ReadFile(old); string(now) != string(kept) {
			t.Errorf("%s: export replaced the file that holds the left-out translation", format)
		}
	}
}

// TestBatchRefusesAConflictingSecondFile: two translators' files for one
// catalogue, imported in one call, that translate the title differently:
// the second is refused at its entry, naming the first's line, and the
// catalogue keeps the first's translation; a second file that agrees, or
// translates only other messages, is imported.
func TestBatchRefusesAConflictingSecondFile(t *testing.T) {
	root, first, second := twoTitles(t)

	b := &Batch{Root: root}
	if res, ds := b.Import(first); ds.HasErrors() || !res.Written {
		t.Fatalf("first file: %+v %v", res, ds)
	}
	want := snapshot(t, root)["b.km.toml"]
	res, ds := b.Import(second)
	var named bool
	for _, d := range ds {
		named = named || (d.Code == CodeImportConflict && d.Pos.File == second && d.Pos.Line > 1 &&
			strings.Contains(d.Msg, first+":") && strings.Contains(d.Msg, `"title"`))
	}
	if !named || res.Written {
		t.Errorf("second file: written %v, findings %v; want an import-conflict at its title naming %s", res.Written, ds, first)
	}
	if got := snapshot(t, root)["b.km.toml"]; got != want {
		t.Errorf("the conflicting file changed the catalogue:\n%s", got)
	}

	// The same translation in both is no conflict.
	edit(t, second, title("ការងារនៅតំបន់"), title("ការងារក្នុងតំបន់"))
	if res, ds := b.Import(second); ds.HasErrors() {
		t.Errorf("an agreeing second file was refused: %+v %v", res, ds)
	}
	// Alone, outside the batch, the second file is refused too: the
	// export record says the title changed in the catalogue since the
	// export, so the first translator's work would be replaced unseen.
	// With Replace, as the hint says, its translation replaces the first.
	edit(t, second, title("ការងារក្នុងតំបន់"), title("ការងារនៅតំបន់"))
	res, ds = Import(root, second)
	if !positioned(ds, CodeImportConflict, `"title"`, "b.km.toml:", `"ការងារក្នុងតំបន់"`) || res.Written {
		t.Errorf("the second file alone: written %v, findings %v; want an import-conflict at its title that gives the catalogue's line and text", res.Written, ds)
	}
	if got := snapshot(t, root)["b.km.toml"]; got != want {
		t.Errorf("the second file alone changed the catalogue:\n%s", got)
	}
	replace := &Batch{Root: root, Replace: true}
	if res, ds := replace.Import(second); ds.HasErrors() || !res.Written {
		t.Errorf("with Replace the second file wrote nothing: %+v %v", res, ds)
	}
	if !strings.Contains(snapshot(t, root)["b.km.toml"], "ការងារនៅតំបន់") {
		t.Error("with Replace the second file's title is not in the catalogue")
	}
}

// TestLanguageErrorAtItsLine: a file whose language is not its folder's
// is refused at the line that states the language (PO: the Language
// header; XLIFF: the <file> element), not at 1:1.
func TestLanguageErrorAtItsLine(t *testing.T) {
	for _, c := range []struct{ format, name, from, to, line string }{
		{"po", "b.po", `"Language: km\n"`, `"Language: th\n"`, `"Language: th\n"`},
		{"xliff", "b.xlf", `target-language="km"`, `target-language="th"`, `<file `},
	} {
		root := project(t)
		syncAll(t, root)
		path := filepath.Join(export(t, root, c.format), "km", c.name)
		edit(t, path, c.from, c.to)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for i, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, c.line) {
				want = i + 1
				break
			}
		}
		_, ds := Import(root, path)
		if len(ds) != 1 || ds[0].Code != "import-language" || ds[0].Pos.Line != want || ds[0].Pos.Col < 2 {
			t.Errorf("%s: %v; want one import-language error at line %d, past column 1", c.format, ds, want)
		}
	}
}

// TestFindingAtItsCharacter: a check error about one character of a
// msgstr written over several lines names that line and column of the
// PO file; one about the whole translation names the msgstr line.
func TestFindingAtItsCharacter(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, `msgstr "បោះពុម្ពផ្សាយ {{.Date}}"`, "msgstr \"\"\n\"បោះពុម្ពផ្សាយ \"\n\"នៅ \\\"ថ្ងៃ\\\" {{.Dat}}\"")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var strLine, datLine, datCol int
	for i, l := range lines {
		if strings.HasPrefix(l, "msgstr") && i > 0 && strings.Contains(lines[i-1], "Published") {
			strLine = i + 1
		}
		if j := strings.Index(l, "{{.Dat}}"); j >= 0 {
			datLine = i + 1
			datCol = len([]rune(l[:j])) + 1
		}
	}
	_, ds := Import(root, path)
	var whole, char bool
	for _, d := range ds {
		if d.Code != "template" {
			continue
		}
		switch {
		case strings.Contains(d.Msg, "never uses"):
			whole = d.Pos.Line == strLine
		case strings.Contains(d.Msg, "{{.Dat}}"):
			char = d.Pos.Line == datLine && d.Pos.Col > datCol && d.Pos.Col <= datCol+3
		}
	}
	if !whole || !char {
		t.Errorf("findings %v; want the missing {{.Date}} at the msgstr line %d and {{.Dat}} at line %d, column %d or just after", ds, strLine, datLine, datCol)
	}
}

// TestFuzzyFlagOnCurrentTranslationSticks: a reviewer marks a current
// translation fuzzy without changing it (Weblate's "needs editing"); the
// import makes it one to review, and the next export keeps the flag.
func TestFuzzyFlagOnCurrentTranslationSticks(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		root := project(t)
		syncAll(t, root)
		name := map[string]string{"po": "b.po", "xliff": "b.xlf"}[format]
		path := filepath.Join(export(t, root, format), "km", name)
		switch format {
		case "po":
			edit(t, path, "msgctxt \"published\"", "#, fuzzy\nmsgctxt \"published\"")
		case "xliff":
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s := string(data)
			i := strings.Index(s, `resname="published"`)
			j := i + strings.Index(s[i:], `state="translated"`)
			if i < 0 || j < i {
				t.Fatalf("no translated unit published in\n%s", s)
			}
			if err := os.WriteFile(path, []byte(s[:j]+`state="needs-review-translation"`+s[j+len(`state="translated"`):]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if res := importOK(t, root, path); res.Unreviewed != 1 || !res.Written {
			t.Errorf("%s: %+v; want the flagged translation written as one to review", format, res)
		}
		again := filepath.Join(export(t, root, "po"), "km", "b.po")
		data, err := os.ReadFile(again)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "#, fuzzy\nmsgctxt \"published\"") {
			t.Errorf("%s: the next export lost the flag:\n%s", format, data)
		}
	}
}

// TestGuessFromAnotherMessageLeftOut: msgmerge's fuzzy match gave the
// title the translation of another message ("#| msgctxt" names it); the
// import leaves it out with a warning, and the title keeps its own.
func TestGuessFromAnotherMessageLeftOut(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, "msgctxt \"title\"\nmsgid \"Jobs in zones\"\nmsgstr \"ការងារនៅក្នុងតំបន់\"",
		"#, fuzzy\n#| msgctxt \"published\"\n#| msgid \"Published {{.Date}}\"\nmsgctxt \"title\"\nmsgid \"Jobs in zones\"\nmsgstr \"បោះពុម្ពផ្សាយ\"")
	before := snapshot(t, root)["b.km.toml"]
	res, ds := Import(root, path)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var warned bool
	for _, d := range ds {
		warned = warned || d.Code == CodeImportDraft && strings.Contains(d.Msg, `"title"`) && strings.Contains(d.Msg, `"published"`) && d.Pos.Line > 1
	}
	if !warned || res.Fuzzy < 1 || res.Written {
		t.Errorf("%+v %v; want the guess left out with a warning naming both messages", res, ds)
	}
	if after := snapshot(t, root)["b.km.toml"]; after != before {
		t.Errorf("the guess changed the catalogue:\n%s", after)
	}
}

// TestLocaleWithRegionImports: CAT tools write km_KH (Poedit) or km-KH
// (Trados, memoQ) for Khmer; the file imports as Khmer.
func TestLocaleWithRegionImports(t *testing.T) {
	for _, c := range []struct{ format, name, from, to string }{
		{"po", "b.po", `"Language: km\n"`, `"Language: km_KH\n"`},
		{"xliff", "b.xlf", `target-language="km"`, `target-language="km-KH"`},
	} {
		root := project(t)
		syncAll(t, root)
		path := filepath.Join(export(t, root, c.format), "km", c.name)
		edit(t, path, c.from, c.to)
		edit(t, path, "ការងារនៅក្នុងតំបន់", "ការងារក្នុងតំបន់")
		if res := importOK(t, root, path); !res.Written || !strings.HasSuffix(res.Target, "b.km.toml") {
			t.Errorf("%s: %+v; want b.km.toml written", c.format, res)
		}
	}
}

// TestEmptiedTranslationWarned: a translator who empties a translation in
// the tool is told that import keeps the catalogue's, and how to withdraw
// it; the catalogue is unchanged.
func TestEmptiedTranslationWarned(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, `msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr ""`)
	before := snapshot(t, root)["b.km.toml"]
	_, ds := Import(root, path)
	var warned bool
	for _, d := range ds {
		warned = warned || d.Code == CodeImportEmptied && strings.Contains(d.Msg, `"title"`) && d.Pos.Line > 1
	}
	if !warned || ds.HasErrors() {
		t.Errorf("findings %v; want an import-emptied warning at the title", ds)
	}
	if after := snapshot(t, root)["b.km.toml"]; after != before {
		t.Errorf("the catalogue changed:\n%s", after)
	}
}

// TestTranslatorCommentsRoundTrip: a translator's comment in the PO file
// (Poedit's and Weblate's "# ") is kept in the TOML table and exported
// again; a file without comments removes none.
func TestTranslatorCommentsRoundTrip(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, "msgctxt \"title\"", "# Sok: the ministry says តំបន់\n# checked 2026-11\nmsgctxt \"title\"")
	if res := importOK(t, root, path); res.Notes != 1 || !res.Written {
		t.Fatalf("%+v; want the title's notes written", res)
	}
	toml := snapshot(t, root)["b.km.toml"]
	if !strings.Contains(toml, "# Sok: the ministry says តំបន់\n# checked 2026-11\n") {
		t.Errorf("the notes are not in the catalogue:\n%s", toml)
	}
	again := filepath.Join(export(t, root, "po"), "km", "b.po")
	data, err := os.ReadFile(again)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "# Sok: the ministry says តំបន់\n# checked 2026-11\n") {
		t.Errorf("the next export lost the notes:\n%s", data)
	}
	edit(t, again, "# Sok: the ministry says តំបន់\n# checked 2026-11\n", "")
	if res := importOK(t, root, again); res.Notes != 0 {
		t.Errorf("a file without comments changed notes: %+v", res)
	}
	if !strings.Contains(snapshot(t, root)["b.km.toml"], "# checked 2026-11") {
		t.Error("a file without comments removed the notes")
	}
}

// TestCommentLikeBriefsOwnIsKept: a translator's comment that begins as
// the comments sync writes itself ("# en: …", "# was: …") was deleted by
// the next sync and brought back by the next import, for ever. It is kept
// as "note: …", and import, sync and export then agree.
func TestCommentLikeBriefsOwnIsKept(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, "msgctxt \"title\"", "# en: SEZ stays in Latin letters\n# was: checked by Dara\nmsgctxt \"title\"")
	res, ds := Import(root, path)
	if ds.HasErrors() || !res.Written {
		t.Fatalf("%+v %v", res, ds)
	}
	warned := 0
	for _, d := range ds {
		if d.Code == CodeImportFormat && d.Pos.Line > 1 && strings.Contains(d.Msg, "note: ") {
			warned++
		}
	}
	if warned != 2 {
		t.Errorf("%v; want a warning for each of the two comments", ds)
	}
	syncAll(t, root)
	toml := snapshot(t, root)["b.km.toml"]
	if !strings.Contains(toml, "# note: en: SEZ stays in Latin letters\n# note: was: checked by Dara\n") {
		t.Errorf("sync did not keep the comments:\n%s", toml)
	}
	again := filepath.Join(export(t, root, "po"), "km", "b.po") // export refuses a file with work it lacks
	if res := importOK(t, root, again); res.Written {
		t.Errorf("the next export's file changed the catalogue again: %+v", res)
	}
}

// TestXLIFFTranslatorNotesRoundTrip: a note a CAT tool adds to a unit
// comes back as the message's note, and goes out again as a translator's
// note; briefs' own notes do not.
func TestXLIFFTranslatorNotesRoundTrip(t *testing.T) {
	root := project(t)
	syncAll(t, root)
	path := filepath.Join(export(t, root, "xliff"), "km", "b.xlf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, `resname="title"`)
	j := i + strings.Index(s[i:], "</trans-unit>")
	s = s[:j] + `<note from="Sok">use the ministry's term</note>` + s[j:]
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := importOK(t, root, path); res.Notes != 1 {
		t.Fatalf("%+v; want the title's note kept", res)
	}
	if toml := snapshot(t, root)["b.km.toml"]; !strings.Contains(toml, "# use the ministry's term\n") || strings.Contains(toml, "# Used at") {
		t.Errorf("catalogue:\n%s", toml)
	}
	again, err := os.ReadFile(filepath.Join(export(t, root, "xliff"), "km", "b.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(again), `<note from="translator">use the ministry&#39;s term</note>`) {
		t.Errorf("the next export lost the note:\n%s", again)
	}
}

// TestBatchKeepsEachTranslatorsMessages: two translators each revise a
// different message of one export; the second file still holds the
// exported title, which the first revised. Both files import, and each
// revision stays.
func TestBatchKeepsEachTranslatorsMessages(t *testing.T) {
	root := project(t)
	first, second := twoTranslators(t, root)
	edit(t, first, `msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr "ការងារក្នុងតំបន់"`)
	edit(t, second, `msgstr "បោះពុម្ពផ្សាយ {{.Date}}"`, `msgstr "បានបោះពុម្ពផ្សាយ {{.Date}}"`)
	b := &Batch{Root: root}
	for _, p := range []string{first, second} {
		if res, ds := b.Import(p); ds.HasErrors() || !res.Written {
			t.Fatalf("%s: %+v %v", p, res, ds)
		}
	}
	toml := snapshot(t, root)["b.km.toml"]
	for _, want := range []string{`other = "ការងារក្នុងតំបន់"`, `other = "បានបោះពុម្ពផ្សាយ {{.Date}}"`} {
		if !strings.Contains(toml, want) {
			t.Errorf("catalogue lacks %s:\n%s", want, toml)
		}
	}
}

// TestUntouchedExportKeepsATOMLEdit: the TOML is edited after an export
// (by hand, or check --fix), and the exported file, which no translator
// touched, is imported again (the CI job imports po/*/*.po before it
// exports): the file brings nothing, and the edit stays. It used to put
// the exported text back over the edit without a word.
func TestUntouchedExportKeepsATOMLEdit(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		root, file := editedAfterExport(t, format)
		want := snapshot(t, root)["b.km.toml"]
		res := importOK(t, root, file)
		if res.Written || !res.AsExported {
			t.Errorf("%s: the untouched file was imported: %+v", format, res)
		}
		if got := snapshot(t, root)["b.km.toml"]; got != want {
			t.Errorf("%s: the untouched file undid the edit of the TOML:\n%s", format, got)
		}
	}
}

// editedAfterExport exports the fixture project's Khmer in a format and
// then edits the Khmer title in the TOML, as an editor or check --fix
// would; it returns the project and the exported Khmer file.
func editedAfterExport(t *testing.T, format string) (root, file string) {
	t.Helper()
	root = project(t)
	syncAll(t, root)
	out := export(t, root, format)
	edit(t, filepath.Join(root, "locales", "b.km.toml"), `other = "ការងារនៅក្នុងតំបន់"`, `other = "ការងារក្នុងតំបន់"`)
	return root, filepath.Join(out, "km", map[string]string{"po": "b.po", "xliff": "b.xlf"}[format])
}

// TestPartlyTranslatedExportKeepsATOMLEdit: the TOML is edited after an
// export (the title), and the translator changes another entry (p1) of
// the exported file: import takes p1 and leaves the title as the TOML now
// has it, by export's record of what it wrote (ExportedName). It used to
// put the exported title back over the edit, as "current".
func TestPartlyTranslatedExportKeepsATOMLEdit(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		root, file := editedAfterExport(t, format)
		if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(file)), ExportedName)); err != nil {
			t.Fatalf("%s: export kept no record: %v", format, err)
		}
		edit(t, file, "កម្មករភាគច្រើនជាស្ត្រី។", "កម្មករភាគច្រើនគឺជាស្ត្រី។")
		res := importOK(t, root, file)
		got := snapshot(t, root)["b.km.toml"]
		if !res.Written || !strings.Contains(got, "កម្មករភាគច្រើនគឺជាស្ត្រី។") {
			t.Errorf("%s: the translator's p1 was not imported: %+v\n%s", format, res, got)
		}
		if !strings.Contains(got, `other = "ការងារក្នុងតំបន់"`) {
			t.Errorf("%s: the entry the translator left alone undid the edit of the TOML:\n%s", format, got)
		}
	}
}

// TestCopiedSourceIsLeftOut: a CAT tool's "copy source to target" puts
// the English sentence into an untranslated entry; import leaves it out
// with a warning (the message stays untranslated, so check and the
// coverage table still say so), while a name kept as it is imports.
func TestCopiedSourceIsLeftOut(t *testing.T) {
	root := project(t)
	out := export(t, root, "po")
	km := filepath.Join(out, "km", "b.po")
	// p2 has no Khmer: fill it with its English, as OmegaT does.
	var english string
	rewrite(t, km, func(s string) string {
		i := strings.Index(s, "msgctxt \"p2\"")
		if i < 0 {
			t.Fatalf("no p2 entry in:\n%s", s)
		}
		j := strings.Index(s[i:], "msgstr \"\"") + i
		idLine := s[strings.Index(s[i:], "msgid ")+i : j]
		english = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(idLine), "msgid "), "\n")
		return s[:j] + "msgstr " + english + s[j+len("msgstr \"\""):]
	})
	res, ds := Import(root, km)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	found := false
	for _, d := range ds {
		found = found || d.Code == CodeImportCopied && strings.Contains(d.Msg, `"p2"`)
	}
	if res.Copied != 1 || !found {
		t.Errorf("import: %+v, findings %v; want p2 left out with an import-copied warning", res, ds)
	}
	if got := snapshot(t, root)["b.km.toml"]; strings.Contains(got, "other = "+english) {
		t.Errorf("the English was written into the Khmer catalogue:\n%s", got)
	}
}

// TestImportAfterTranslateToolkit: a PO file taken through
// translate-toolkit's po2xliff and xliff2po comes back without its
// msgctxt lines (translate-toolkit 3.8); import finds each entry's
// message by its English, and the translation made in between arrives.
func TestImportAfterTranslateToolkit(t *testing.T) {
	po2xliff := need(t, "po2xliff", "translate-toolkit")
	xliff2po := need(t, "xliff2po", "translate-toolkit")
	root := project(t)
	out := export(t, root, "po")
	km := filepath.Join(out, "km", "b.po")
	edit(t, km, "កម្មករភាគច្រើនជាស្ត្រី។", "កម្មករភាគច្រើនគឺជាស្ត្រី។")
	xlf := filepath.Join(t.TempDir(), "b.xlf")
	run(t, po2xliff, km, xlf)
	run(t, xliff2po, xlf, km)
	res, ds := Import(root, km)
	if ds.HasErrors() {
		t.Fatalf("import after po2xliff/xliff2po: %v", ds)
	}
	if got := snapshot(t, root)["b.km.toml"]; !strings.Contains(got, "កម្មករភាគច្រើនគឺជាស្ត្រី។") || res.Stamped+res.Unreviewed == 0 {
		t.Errorf("the translation did not arrive: %+v\n%s", res, got)
	}
}

// TestXLIFFFindingsAtTheTarget: a finding about a whole translation (a
// template variable dropped) is placed at the <target> that holds it, as
// a PO file's is at its msgstr, not at the <trans-unit> lines above.
func TestXLIFFFindingsAtTheTarget(t *testing.T) {
	root := project(t)
	out := export(t, root, "xliff")
	km := filepath.Join(out, "km", "b.xlf")
	target := -1
	rewrite(t, km, func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if strings.Contains(l, "<target") && strings.Contains(l, "{{.Date}}") {
				target = i + 1
				lines[i] = strings.Replace(l, `<ph id="1" ctype="x-template">{{.Date}}</ph>`, "", 1)
			}
		}
		if target < 0 {
			t.Fatalf("no target with {{.Date}} in:\n%s", s)
		}
		return strings.Join(lines, "\n")
	})
	_, ds := Import(root, km)
	for _, d := range ds {
		if strings.Contains(d.Msg, "{{.Date}}") {
			if d.Pos.Line != target {
				t.Errorf("finding at line %d, want the <target> at %d: %v", d.Pos.Line, target, d)
			}
			return
		}
	}
	t.Fatalf("no finding about the dropped {{.Date}}: %v", ds)
}

// TestImportFromElsewhereKeepsEditorFixes: a translator's file that came
// back by e-mail, saved outside the export folder and made from the
// export before the last, changes only what the translator changed: the
// editor's fix of the title, made in the TOML after that export, stays.
func TestImportFromElsewhereKeepsEditorFixes(t *testing.T) {
	t.Run("plain", func(t *testing.T) { importFromElsewhere(t, project(t)) })
	t.Run("a root Glob would misread", func(t *testing.T) {
		root := filepath.Join(t.TempDir(), "briefs[2026]")
		if err := copyTree(filepath.Join("testdata", "project"), root); err != nil {
			t.Fatal(err)
		}
		importFromElsewhere(t, root)
	})
}

func importFromElsewhere(t *testing.T, root string) {
	syncAll(t, root)
	out := export(t, root, "po")
	sent, err := os.ReadFile(filepath.Join(out, "km", "b.po"))
	if err != nil {
		t.Fatal(err)
	}
	toml := filepath.Join(root, "locales", "b.km.toml")
	edit(t, toml, `other = "ការងារនៅក្នុងតំបន់"`, `other = "ការងារក្នុងតំបន់"`)
	export(t, root, "po") // a later export: the record's latest sum is another
	back := filepath.Join(t.TempDir(), "Downloads", "b.po")
	if err := os.MkdirAll(filepath.Dir(back), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(back, sent, 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, back, "កម្មករភាគច្រើនជាស្ត្រី។", "កម្មករភាគច្រើនគឺជាស្ត្រី។")
	res := importOK(t, root, back)
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `other = "ការងារក្នុងតំបន់"`) {
		t.Errorf("the editor's fix of the title was undone:\n%s", data)
	}
	if !strings.Contains(string(data), "កម្មករភាគច្រើនគឺជាស្ត្រី។") || res.Stamped+res.Unreviewed != 1 {
		t.Errorf("the translator's change is not in (%+v):\n%s", res, data)
	}
}

// TestImportCreatesAPartialCatalogue: a language added to an edition, a
// file with one message translated: import creates the catalogue with
// that one translation; the messages still missing are not the file's
// errors (check lists them).
func TestImportCreatesAPartialCatalogue(t *testing.T) {
	root := project(t)
	edit(t, filepath.Join(root, "briefs", "b", "brief.toml"), `languages = ["en", "km"]`, `languages = ["en", "km", "th"]`)
	out := export(t, root, "po")
	th := filepath.Join(out, "th", "b.po")
	edit(t, th, "msgid \"Jobs in zones\"\nmsgstr \"\"", "msgid \"Jobs in zones\"\nmsgstr \"งานในเขต\"")
	res := importOK(t, root, th)
	if res.Stamped != 1 || !res.Written {
		t.Fatalf("import: %+v", res)
	}
	data, err := os.ReadFile(filepath.Join(root, "locales", "b.th.toml"))
	if err != nil || !strings.Contains(string(data), `other = "งานในเขต"`) {
		t.Errorf("the new catalogue: %v\n%s", err, data)
	}
}

// TestReviewRoundTripKeepsTheCatalogue: a reviewer marks a current
// translation fuzzy ("Needs editing"), the file is imported, exported
// again, the flag cleared and imported: the catalogue is byte for byte as
// it was, its hash line back in its place and its comment kept.
func TestReviewRoundTripKeepsTheCatalogue(t *testing.T) {
	for _, id := range []string{"title", "published"} {
		root := project(t)
		syncAll(t, root)
		toml := filepath.Join(root, "locales", "b.km.toml")
		start, err := os.ReadFile(toml)
		if err != nil {
			t.Fatal(err)
		}
		out := export(t, root, "po")
		file := filepath.Join(out, "km", "b.po")
		ctxt := fmt.Sprintf("msgctxt %q", id)
		edit(t, file, ctxt, "#, fuzzy\n"+ctxt)
		importOK(t, root, file)
		flagged, _ := os.ReadFile(toml)
		if string(flagged) == string(start) {
			t.Fatalf("%s: the review flag changed nothing", id)
		}
		export(t, root, "po")
		edit(t, file, "#, fuzzy\n"+ctxt, ctxt)
		importOK(t, root, file)
		if end, _ := os.ReadFile(toml); string(end) != string(start) {
			t.Errorf("%s: after the round trip:\n%s\nwant:\n%s", id, end, start)
		}
	}
}

// TestMsgcatConflictRefused: msgcat joins two translators' files and
// writes both versions of a message they translate differently into one
// fuzzy msgstr, between its #-#-#-#-# lines. Import refuses the file at
// that entry rather than print both versions in place of the reviewed
// translation.
func TestMsgcatConflictRefused(t *testing.T) {
	msgcat := need(t, "msgcat", "gettext")
	root, first, second := twoTitles(t)
	run(t, msgcat, first, second, "-o", first)
	if data, _ := os.ReadFile(first); !strings.Contains(string(data), "#-#-#-#-#") {
		t.Fatalf("msgcat wrote no conflict block:\n%s", data)
	}
	before := snapshot(t, root)
	res, ds := Import(root, first)
	if !ds.HasErrors() || !positioned(ds, CodeImportFormat, `"title"`) || res != nil && res.Written {
		t.Errorf("%+v %v; want an error at the title's msgstr", res, ds)
	}
	if after := snapshot(t, root); after["b.km.toml"] != before["b.km.toml"] {
		t.Errorf("the merged file changed the catalogue:\n%s", after["b.km.toml"])
	}
}

// TestMsgmergeGuessLeftOut: Poedit's "Update from POT", or msgmerge
// without --previous, fills a message whose English changed with a
// similar message's translation, fuzzy, and writes no "#|" line to say
// so. Import leaves it out, as it does a guess that says so, rather than
// put the other message's translation in place of this one's.
func TestMsgmergeGuessLeftOut(t *testing.T) {
	root := project(t)
	path := msgmergeGuess(t, root, func() { syncAll(t, root) })
	before := snapshot(t, root)["b.km.toml"]
	res, ds := Import(root, path)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if !positioned(ds, CodeImportDraft, `"p1"`, `"published"`) {
		t.Errorf("%+v %v; want the guess for p1 left out, naming \"published\"", res, ds)
	}
	if after := snapshot(t, root)["b.km.toml"]; strings.Count(after, "បោះពុម្ពផ្សាយ {{.Date}}") != strings.Count(before, "បោះពុម្ពផ្សាយ {{.Date}}") {
		t.Errorf("the guess was written:\n%s", after)
	}
}

// TestImportWithoutRecordWarns: a file export wrote (it has its work sum)
// whose record is gone (deleted, or older than the record keeps) cannot
// tell the translator's changes from the catalogue's fixes since; where it
// replaces a current translation, import says so.
func TestImportWithoutRecordWarns(t *testing.T) {
	root := project(t)
	syncAll(t, root)
	out := export(t, root, "po")
	path := filepath.Join(out, "km", "b.po")
	edit(t, path, `msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr "ការងារក្នុងតំបន់"`)
	warned := func(ds diag.List) bool {
		for _, d := range ds {
			if d.Code == CodeImportUnrecorded && strings.Contains(d.Msg, "no export record") {
				return true
			}
		}
		return false
	}
	res, ds := Import(root, path)
	if ds.HasErrors() || !res.Written || warned(ds) {
		t.Fatalf("with its record: %+v %v", res, ds)
	}
	// Again from the same export, its record deleted: the title the
	// first import wrote is current now, and the file replaces it.
	edit(t, path, `msgstr "ការងារក្នុងតំបន់"`, `msgstr "ការងារនៅតំបន់"`)
	if err := os.Remove(filepath.Join(out, ExportedName)); err != nil {
		t.Fatal(err)
	}
	res, ds = Import(root, path)
	if ds.HasErrors() || !res.Written || !warned(ds) {
		t.Errorf("without its record: %+v %v; want it imported with a warning", res, ds)
	}
}

// TestRenamedMessageLeftOut: a message renamed in the English since the
// export leaves the file's entry for the old ID without a message. That
// entry is left out with its text in a warning; the rest of the file, the
// translator's other work, is imported.
func TestRenamedMessageLeftOut(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, `msgstr "កម្មករភាគច្រើនជាស្ត្រី។"`, `msgstr "កម្មករភាគច្រើនគឺជាស្ត្រី។"`,
		`msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr "ការងារក្នុងតំបន់"`)
	edit(t, filepath.Join(root, "briefs", "b", "brief.toml"), `msg = "p1"`, `msg = "lead"`)
	edit(t, filepath.Join(root, "locales", "b.en.toml"), `["p1"]`, `["lead"]`)
	res, ds := Import(root, path)
	if ds.HasErrors() || !res.Written {
		t.Fatalf("%+v %v; want the file imported", res, ds)
	}
	if !positioned(ds, CodeImportSource, `"p1"`, "កម្មករភាគច្រើនគឺជាស្ត្រី។") {
		t.Errorf("%v; want a warning at p1 that gives its translation", ds)
	}
	if toml := snapshot(t, root)["b.km.toml"]; !strings.Contains(toml, "ការងារក្នុងតំបន់") || strings.Contains(toml, "គឺជា") {
		t.Errorf("want the title written and p1 left out:\n%s", toml)
	}
	// The file is the one place that keeps p1's translation: export
	// does not replace it.
	cat, briefs := load(t, root)
	_, err := Export(root, cat, briefs, Select{}, "po", filepath.Dir(filepath.Dir(path)))
	var refused *Unimported
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "p1 (a message the catalogue no longer has") {
		t.Errorf("export over the file with p1's translation: %v; want it refused, naming p1", err)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "កម្មករភាគច្រើនគឺជាស្ត្រី។") {
		t.Error("export replaced the file that holds p1's translation")
	}
}

// renamedTitle is a Khmer export whose translator changed the title, after
// which the editor renamed the message title to heading (brief.toml and
// the English) and ran sync.
func renamedTitle(t *testing.T) (root, path string) {
	t.Helper()
	root, path = khmerExport(t)
	edit(t, path, `msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr "ការងារក្នុងតំបន់"`)
	edit(t, filepath.Join(root, "briefs", "b", "brief.toml"), `msg = "title"`, `msg = "heading"`)
	edit(t, filepath.Join(root, "locales", "b.en.toml"), `["title"]`, `["heading"]`)
	syncAll(t, root)
	return root, path
}

// TestRenamedMessageFollowed: a finished translation of a message that
// was renamed since the export (in brief.toml and the English, then
// sync) is taken for the new ID, whose English is the same and which has
// no translation yet, with a warning that names both.
func TestRenamedMessageFollowed(t *testing.T) {
	root, path := renamedTitle(t)
	res, ds := Import(root, path)
	if ds.HasErrors() || !res.Written {
		t.Fatalf("%+v %v; want the file imported", res, ds)
	}
	if !positioned(ds, CodeImportRenamed, `"title"`, `"heading"`) {
		t.Errorf("%v; want a warning naming title and heading", ds)
	}
	cat, _ := load(t, root)
	km, _ := cat.File("b", "km")
	if m := km.Message("heading"); m == nil || m.Other() != "ការងារក្នុងតំបន់" || m.Hash == "" {
		t.Errorf("heading: %+v; want the translator's title, current", m)
	}
}

// TestRenamedMessageFollowedAgain: the translator works on after the
// import that moved their entry to the renamed message, and imports the
// file again: the new text goes to the new ID too, since the translation
// there is the one this file's last import made.
func TestRenamedMessageFollowedAgain(t *testing.T) {
	root, path := renamedTitle(t)
	importOK(t, root, path)
	edit(t, path, `msgstr "ការងារក្នុងតំបន់"`, `msgstr "ការងារក្នុងតំបន់ថ្មី"`)
	if _, ds := Import(root, path); !positioned(ds, CodeImportRenamed, `"title"`, `"heading"`) {
		t.Errorf("%v; want the entry taken for heading again", ds)
	}
	cat, _ := load(t, root)
	km, _ := cat.File("b", "km")
	if m := km.Message("heading"); m == nil || m.Other() != "ការងារក្នុងតំបន់ថ្មី" {
		t.Errorf("heading: %+v; want the translator's second text", m)
	}
}

// TestFindingsNameTheProjectsFiles: a finding import's check makes about
// another catalogue (one English, two translations: memory) names that
// catalogue in the project, not in the copy import checks and deletes.
func TestFindingsNameTheProjectsFiles(t *testing.T) {
	root, path := khmerExport(t)
	rewrite(t, path, func(s string) string {
		return strings.Replace(s, "#, fuzzy\nmsgctxt \"edition.name\"\nmsgid \"Cambodia edition\"\nmsgstr \"បោះពុម្ពកម្ពុជា\"", "msgctxt \"edition.name\"\nmsgid \"Cambodia edition\"\nmsgstr \"ការបោះពុម្ពកម្ពុជា\"", 1)
	})
	_, ds := Import(root, path)
	var memory bool
	for _, d := range ds {
		if strings.Contains(d.Pos.File+d.Msg+d.Hint, "briefs-import-") {
			t.Errorf("finding names the deleted copy: %v", d)
		}
		if d.Code == check.CodeMemory {
			memory = true
			if !strings.HasPrefix(d.Pos.File, root) {
				t.Errorf("memory finding at %s, want a file of the project %s", d.Pos.File, root)
			}
		}
	}
	if !memory {
		t.Fatalf("no memory finding in %v", ds)
	}
}

// TestSameFileAgainSaysSo: the file a translator sends again after its
// import is untouched since that import, not since the export: import says
// which (AsImported), where it told of a file "as briefs export wrote it"
// that holds the translator's edits.
func TestSameFileAgainSaysSo(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, `msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr "ការងារក្នុងតំបន់"`)
	importOK(t, root, path)
	res, ds := Import(root, path)
	if ds.HasErrors() || !res.AsExported || !res.AsImported {
		t.Errorf("the same file again: %+v %v; want it unchanged as its last import took it", res, ds)
	}
}

// TestCopyOfAnotherLanguagesExport: the Khmer export saved as Vietnamese
// (its Language header changed, as a PO copied from km/ into vi/ and
// fixed up) is refused as the wrong language, where it read as changed
// everywhere since the export, or as bringing nothing.
func TestCopyOfAnotherLanguagesExport(t *testing.T) {
	root, path := khmerExport(t)
	vi := filepath.Join(root, "elsewhere", "b.po")
	data, _ := os.ReadFile(path)
	if err := os.MkdirAll(filepath.Dir(vi), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(vi, []byte(strings.Replace(string(data), `"Language: km\n"`, `"Language: vi\n"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res, ds := Import(root, vi)
	if !ds.HasErrors() || res.Written || !positioned(ds, "import-language", "km export", `"vi"`) {
		t.Errorf("%+v %v; want it refused as the km export", res, ds)
	}
}

// TestDeclaredCharset: a PO file that names another charset than UTF-8 is
// read as the UTF-8 it is, with a warning at its Content-Type; one really
// in that charset is refused with a hint that names it and msgconv.
func TestDeclaredCharset(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, "charset=UTF-8", "charset=ISO-8859-1")
	_, ds := Import(root, path)
	if ds.HasErrors() || !positioned(ds, CodeImportFormat, "ISO-8859-1") {
		t.Errorf("%v; want the file read, with a warning at its charset", ds)
	}
	edit(t, path, `msgstr "ការងារនៅក្នុងតំបន់"`, "msgstr \"Vi\xea\xf2t\"") // windows-1258 bytes
	_, ds = Import(root, path)
	var hinted bool
	for _, d := range ds {
		hinted = hinted || d.Code == "utf8" && strings.Contains(d.Hint, "ISO-8859-1") && strings.Contains(d.Hint, "msgconv")
	}
	if !ds.HasErrors() || !hinted {
		t.Errorf("%v; want the file refused with a hint naming its charset", ds)
	}
}

// TestUnwrapped: a target a tool put on lines of its own loses the line
// breaks and indent at its ends, and nothing else.
func TestUnwrapped(t *testing.T) {
	for in, want := range map[string]string{
		"\n      SEZ តាក់ XL\n    ": "SEZ តាក់ XL",
		" two  spaces ":             " two  spaces ", // a translator's own, warned by check
		"a\nb":                      "a\nb",
		"\r\n\tx":                   "x",
	} {
		if got := unwrapped(in); got != want {
			t.Errorf("unwrapped(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPofilterNotesAreNotTheTranslators: pofilter's report comments do not
// come into the catalogue; a translator's comment beside them does.
func TestPofilterNotesAreNotTheTranslators(t *testing.T) {
	got, lines := withoutToolNotes([]string{"(pofilter) endpunc: Different punctuation at the end", "check the name with Sokha", " (pofilter) xmltags: tags differ"}, []int{4, 5, 6})
	if len(got) != 1 || got[0] != "check the name with Sokha" || len(lines) != 1 || lines[0] != 5 {
		t.Errorf("notes %q at lines %v", got, lines)
	}
}

// TestRecordOfTwoLanguagesWithOneSum: two languages' exports with the same
// entries (both untranslated) have one work sum; the record found for a
// file is its own language's, every time, not one of the two at random
// (which refused the file as the other language's export).
func TestRecordOfTwoLanguagesWithOneSum(t *testing.T) {
	dir := t.TempDir()
	rec := `{"version": 1, "files": {"km/b.po": {"sum": "s1", "entries": {}}, "th/b.po": {"sum": "s1", "entries": {}}, "vi/b.po": {"sum": "s1", "entries": {}}}}`
	if err := os.WriteFile(filepath.Join(dir, ExportedName), []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"km", "th", "vi", "km", "th", "vi", "km", "th", "vi"} {
		_, at, ok := recordOf(dir, filepath.Join(dir, lang, "b.po"), "s1", lang+"/b.")
		if !ok || at.file != lang+"/b.po" {
			t.Errorf("%s/b.po: record %q, %v", lang, at.file, ok)
		}
	}
}

// TestMarkupHintNamesThePOFile: a PO file's broken markup is explained for
// the PO file the translator has, whose strings escape a backslash as
// TOML does, not for the TOML file they never see.
func TestMarkupHintNamesThePOFile(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, `msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr "**ការងារនៅក្នុងតំបន់"`)
	_, ds := Import(root, path)
	for _, d := range ds {
		if d.Code == "markup" {
			if !strings.Contains(d.Hint, "in the PO file") || strings.Contains(d.Hint, "TOML") {
				t.Errorf("hint %q; want the PO file named", d.Hint)
			}
			return
		}
	}
	t.Errorf("no markup finding in %v", ds)
}

// TestObsoleteWorkIsToldOf: a translation msgmerge set aside as an obsolete
// entry (#~), which the catalogue holds under no message, is named in a
// warning though the rest of the file brings nothing; one the catalogue
// has already is not.
func TestObsoleteWorkIsToldOf(t *testing.T) {
	root, path := khmerExport(t)
	rewrite(t, path, func(s string) string {
		return s + "\n#~ msgctxt \"old.p\"\n#~ msgid \"An old paragraph\"\n#~ msgstr \"កថាខណ្ឌចាស់\"\n\n#~ msgctxt \"old.t\"\n#~ msgid \"Jobs in zones\"\n#~ msgstr \"ការងារនៅក្នុងតំបន់\"\n"
	})
	_, ds := Import(root, path)
	var told []string
	for _, d := range ds {
		if strings.Contains(d.Msg, "obsolete entry") {
			told = append(told, d.Msg)
		}
	}
	if len(told) != 1 || !strings.Contains(told[0], "កថាខណ្ឌចាស់") {
		t.Errorf("obsolete findings %q; want one, for old.p's translation", told)
	}
	// Copied into a live entry by the translator, it is this import's.
	edit(t, path, `msgstr "កម្មករភាគច្រើនជាស្ត្រី។"`, `msgstr "កថាខណ្ឌចាស់"`)
	_, ds = Import(root, path)
	for _, d := range ds {
		if strings.Contains(d.Msg, "obsolete entry") {
			t.Errorf("told of an obsolete entry whose text the file's live entry brings: %s", d.Msg)
		}
	}
}

// TestUndoneImportIsTakenAgain: an import undone in the catalogue (git
// checkout of locales/) leaves the translator's file as that import took
// it; the export over it is refused, as the catalogue lacks its work,
// and the file imported again brings the work back.
func TestUndoneImportIsTakenAgain(t *testing.T) {
	root, path := khmerExport(t)
	target := filepath.Join(root, "locales", "b.km.toml")
	before, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, path, `msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr "ការងារក្នុងតំបន់"`)
	importOK(t, root, path)
	if err := os.WriteFile(target, before, 0o644); err != nil { // the import undone
		t.Fatal(err)
	}
	cat, briefs := load(t, root)
	var u *Unimported
	if _, err := Export(root, cat, briefs, Select{}, "po", filepath.Join(root, "out")); !errors.As(err, &u) {
		t.Errorf("export over the file: %v; want it refused, its work not in the catalogue", err)
	}
	res := importOK(t, root, path)
	if res.AsImported || res.Stamped != 1 {
		t.Errorf("import again: %+v; want the title taken again", res)
	}
	cat, _ = load(t, root)
	km, _ := cat.File("b", "km")
	if m := km.Message("title"); m == nil || m.Other() != "ការងារក្នុងតំបន់" {
		t.Errorf("title: %+v; want the translator's text back", m)
	}
}

// TestImportsAtOnceKeepBoth: two translators' files of one export, each
// changing another message, imported at the same time: both changes are
// in the catalogue (each import reads and writes it alone), not the one
// written last.
func TestImportsAtOnceKeepBoth(t *testing.T) {
	for range 5 {
		root := project(t)
		first, second := twoTranslators(t, root)
		edit(t, first, title("ការងារនៅក្នុងតំបន់"), title("ការងារក្នុងតំបន់"))
		edit(t, second, `msgstr "កម្មករភាគច្រើនជាស្ត្រី។"`, `msgstr "កម្មករភាគច្រើនគឺជាស្ត្រី។"`)
		var wg sync.WaitGroup
		for _, p := range []string{first, second} {
			wg.Go(func() {
				if _, ds := Import(root, p); ds.HasErrors() {
					t.Errorf("import %s: %v", p, ds)
				}
			})
		}
		wg.Wait()
		cat, _ := load(t, root)
		km, _ := cat.File("b", "km")
		if got := km.Message("title").Other() + " / " + km.Message("p1").Other(); got != "ការងារក្នុងតំបន់ / កម្មករភាគច្រើនគឺជាស្ត្រី។" {
			t.Fatalf("after two imports at once: %s; want both translators' changes", got)
		}
	}
}

// TestAnotherBriefsFileIsRefused: brief b's PO file saved as brief c's,
// its header lost, is refused as b's, not read as c's file of messages
// all removed or changed (some forty warnings and exit 0).
func TestAnotherBriefsFileIsRefused(t *testing.T) {
	root, path := khmerExport(t)
	os.MkdirAll(filepath.Join(root, "briefs", "c"), 0o755)
	os.WriteFile(filepath.Join(root, "briefs", "c", "brief.toml"),
		[]byte("id = \"c\"\ndate = 2019-07-01\n\n[[edition]]\ncountry = \"kh\"\nlanguages = [\"en\", \"km\"]\n\n[[block]]\ntype = \"title\"\nmsg = \"title\"\n"), 0o644)
	os.WriteFile(filepath.Join(root, "locales", "c.en.toml"), []byte("[\"title\"]\ndescription = \"Title\"\nother = \"Care work\"\n"), 0o644)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if !strings.HasPrefix(l, `"X-Briefs`) {
			kept = append(kept, l)
		}
	}
	wrong := filepath.Join(t.TempDir(), "km", "c.po")
	os.MkdirAll(filepath.Dir(wrong), 0o755)
	os.WriteFile(wrong, []byte(strings.Join(kept, "")), 0o644)
	_, ds := Import(root, wrong)
	if !ds.HasErrors() || !strings.Contains(ds.Error(), "holds the messages of b") {
		t.Errorf("import of b's file as c's: %v; want it refused as b's", ds)
	}
	// A file that names its catalogue is that one's, whatever its name.
	named := filepath.Join(filepath.Dir(wrong), "c-copy.po")
	os.WriteFile(named, data, 0o644)
	if _, ds := Import(root, named); strings.Contains(ds.Error(), "holds the messages of") {
		t.Errorf("a file with its header refused as another's: %v", ds)
	}
}

// TestOwnedNoteIsToldAtItsLine: a translator's comment that begins as
// briefs's own ("en: …") is told of at its line, not at the entry's.
func TestOwnedNoteIsToldAtItsLine(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, path, "msgctxt \"title\"", "# en: my note\nmsgctxt \"title\"")
	data, _ := os.ReadFile(path)
	want := 1 + strings.Count(string(data[:strings.Index(string(data), "# en: my note")]), "\n")
	_, ds := Import(root, path)
	for _, d := range ds {
		if strings.Contains(d.Msg, "en: my note") {
			if d.Pos.Line != want {
				t.Errorf("told at line %d, want %d, the comment's", d.Pos.Line, want)
			}
			return
		}
	}
	t.Errorf("no finding of the comment in %v", ds)
}

// TestCommentOverAnEditorsFix: after the export an editor fixed a
// translation in the catalogue; the translator's file leaves that entry's
// text as exported and only adds a comment to it. The file changes
// nothing of the fixed text: no conflict, the fix stands, the comment
// arrives.
func TestCommentOverAnEditorsFix(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		root := project(t)
		out := export(t, root, format)
		ext := map[string]string{"po": ".po", "xliff": ".xlf"}[format]
		path := filepath.Join(out, "km", "b"+ext)
		toml := filepath.Join(root, "locales", "b.km.toml")
		edit(t, toml, `other = "ការងារនៅក្នុងតំបន់"`, `other = "ការងារក្នុងតំបន់"`)
		if format == "po" {
			edit(t, path, "msgctxt \"title\"", "# Vanna: is the register right?\nmsgctxt \"title\"")
		} else {
			edit(t, path, `resname="title" approved="yes" xml:space="preserve">`, `resname="title" approved="yes" xml:space="preserve"><note from="translator">Vanna: is the register right?</note>`)
		}
		res, ds := Import(root, path)
		if ds.HasErrors() {
			t.Fatalf("%s: refused: %v", format, ds)
		}
		got := snapshot(t, root)["b.km.toml"]
		if !strings.Contains(got, `"ការងារក្នុងតំបន់"`) || strings.Contains(got, `"ការងារនៅក្នុងតំបន់"`) {
			t.Errorf("%s: the editor's fix did not stand:\n%s", format, got)
		}
		if !strings.Contains(got, "Vanna: is the register right?") || res.Notes != 1 {
			t.Errorf("%s: the translator's comment did not arrive (%+v):\n%s", format, res, got)
		}
	}
}

// TestLocationsAreNoMessageID: xliff2po gives an entry whose English is
// another's too a msgctxt of source locations; it names no message, so it
// is found by its English like an entry without msgctxt, never taken for
// a renamed message.
func TestLocationsAreNoMessageID(t *testing.T) {
	for ctx, want := range map[string]bool{
		"briefs/jobs-in-sezs/brief.toml:65 locales/jobs-in-sezs.en.toml:71": true,
		"locales/b.en.toml:3": true,
		"table.cambodia":      false,
		"intro.p1":            false,
		"note: see 3":         false,
		"":                    false,
	} {
		if got := locationsOnly(ctx); got != want {
			t.Errorf("locationsOnly(%q) = %v, want %v", ctx, got, want)
		}
	}
}
