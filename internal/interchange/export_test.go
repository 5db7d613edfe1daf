package interchange

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

func TestExportPO(t *testing.T) {
	root := project(t)
	out := export(t, root, "po")
	km, _ := os.ReadFile(filepath.Join(out, "km", "b.po"))
	for _, want := range []string{
		"\"Language: km\\n\"", "\"Plural-Forms: nplurals=1; plural=0;\\n\"",
		"#. First paragraph\n#: briefs/b/brief.toml:18\n#: locales/b.en.toml:7\n#, fuzzy\n#| msgid \"Most workers were women.\"\nmsgctxt \"p1\"\nmsgid \"Most of the *workers* were women.\"\nmsgstr \"កម្មករភាគច្រើនជាស្ត្រី។\"",
		"msgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\"",
		// Translation memory: the shared catalogue's Khmer for the same English, fuzzy.
		"#, fuzzy\nmsgctxt \"edition.name\"\nmsgid \"Cambodia edition\"\nmsgstr \"បោះពុម្ពកម្ពុជា\"",
	} {
		if !strings.Contains(string(km), want) {
			t.Errorf("km/b.po has no\n%s\nin\n%s", want, km)
		}
	}
	pot, _ := os.ReadFile(filepath.Join(out, "b.pot"))
	if !strings.Contains(string(pot), "msgctxt \"title\"\nmsgid \"Jobs in zones\"\nmsgstr \"\"\n") {
		t.Errorf("b.pot:\n%s", pot)
	}
	// No wall clock: a second export is byte-identical.
	again := export(t, root, "po")
	if second, _ := os.ReadFile(filepath.Join(again, "km", "b.po")); string(second) != string(km) {
		t.Error("two exports differ")
	}
	vi, _ := os.ReadFile(filepath.Join(out, "vi", "shared.po"))
	if !strings.Contains(string(vi), "msgid \"{{.Count}} page\"\nmsgid_plural \"{{.Count}} pages\"\nmsgstr[0] \"{{.Count}} trang\"\n") ||
		strings.Contains(string(vi), "msgstr[1]") {
		t.Errorf("Vietnamese plural is not one form:\n%s", vi)
	}
}

// TestExportPOTools runs gettext and translate-toolkit on every exported PO file.
func TestExportPOTools(t *testing.T) {
	msgfmt := need(t, "msgfmt", "gettext")
	pocount := need(t, "pocount", "translate-toolkit")
	pofilter := need(t, "pofilter", "translate-toolkit")
	po2xliff := need(t, "po2xliff", "translate-toolkit")
	xliff2po := need(t, "xliff2po", "translate-toolkit")
	out := export(t, project(t), "po")
	files, _ := filepath.Glob(filepath.Join(out, "*", "*.po"))
	if len(files) != 4 {
		t.Fatalf("exported %v", files)
	}
	pots, _ := filepath.Glob(filepath.Join(out, "*.pot"))
	for _, f := range pots {
		run(t, msgfmt, "--check-format", "--check-domain", "-o", os.DevNull, f)
		run(t, pocount, f)
	}
	for _, f := range files {
		run(t, msgfmt, "--check", "--check-format", "--check-header", "--check-domain", "-o", os.DevNull, f)
		t.Logf("msgfmt --check %s: ok", filepath.Base(f))
		if got := run(t, pocount, "--csv", f); !strings.Contains(got, filepath.Base(f)) {
			t.Errorf("pocount: %s", got)
		}
		// pofilter tests that apply to these files: placeholders and
		// markup kept, no doubled words or spaces, ends kept.
		rep := filepath.Join(t.TempDir(), "report.po")
		run(t, pofilter, "--nofuzzy", "-t", "variables", "-t", "doublespacing", "-t", "doublewords",
			"-t", "endwhitespace", "-t", "startwhitespace", "-t", "brackets", "-t", "urls", "-t", "emails", f, rep)
		if data, _ := os.ReadFile(rep); strings.Contains(string(data), "(pofilter)") {
			t.Errorf("pofilter finds problems in %s:\n%s", f, data)
		}
		xlf := filepath.Join(t.TempDir(), "x.xlf")
		run(t, po2xliff, f, xlf)
		back := filepath.Join(t.TempDir(), "back.po")
		run(t, xliff2po, xlf, back)
		if data, _ := os.ReadFile(back); !strings.Contains(string(data), "msgctxt") && !strings.Contains(string(data), "msgid") {
			t.Errorf("po2xliff/xliff2po lost the entries of %s", f)
		}
	}
}

// TestExportXLIFFSchema validates every exported XLIFF file against the
// OASIS XLIFF 1.2 strict schema and opens it with translate-toolkit.
func TestExportXLIFFSchema(t *testing.T) {
	xmllint := need(t, "xmllint", "libxml2-utils")
	out := export(t, project(t), "xliff")
	files, _ := filepath.Glob(filepath.Join(out, "*", "*.xlf"))
	schema := filepath.Join("..", "xliff", "testdata", "schema", "xliff-core-1.2-strict.xsd")
	if len(files) != 4 {
		t.Fatalf("exported %v", files)
	}
	for _, f := range files {
		t.Logf("%s", run(t, xmllint, "--noout", "--nonet", "--schema", schema, f))
	}
	km, _ := os.ReadFile(filepath.Join(out, "km", "b.xlf"))
	for _, want := range []string{
		`<trans-unit id="published" resname="published" approved="yes" xml:space="preserve">`,
		`<trans-unit id="p1" resname="p1" xml:space="preserve">`, // stale: not approved
		`<source>Published <ph id="1" ctype="x-template">{{.Date}}</ph></source>`,
		`<target state="needs-review-translation">កម្មករភាគច្រើនជាស្ត្រី។</target>`,
		`<note from="briefs">Translated from older English: Most workers were women.</note>`,
		`<target state="needs-translation"></target>`,
	} {
		if !strings.Contains(string(km), want) {
			t.Errorf("km/b.xlf has no %s:\n%s", want, km)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "vi", "shared.xlf")); err != nil {
		t.Fatal(err)
	}
	// translate-toolkit reads a unit without approved="yes" as one to
	// review: the current translations must come out of it not fuzzy.
	xliff2po := need(t, "xliff2po", "translate-toolkit")
	po := filepath.Join(t.TempDir(), "b.po")
	run(t, xliff2po, filepath.Join(out, "km", "b.xlf"), po)
	if data, _ := os.ReadFile(po); !strings.Contains(string(data), "#: title\nmsgid \"Jobs in zones\"") {
		t.Errorf("xliff2po made the current title fuzzy:\n%s", data)
	}
}

// TestExportXLIFFPluralStaleNote: the stale note of a plural message names
// the old forms that changed, as PO's #| lines show them. With only the
// English one form changed, it gave the old other, which is the source.
func TestExportXLIFFPluralStaleNote(t *testing.T) {
	for _, c := range []struct{ name, one, other, note string }{
		{"one", "{{.Count}} page only", "{{.Count}} pages", "one: {{.Count}} page"},
		{"both", "{{.Count}} PDF page", "{{.Count}} PDF pages", "one: {{.Count}} page | other: {{.Count}} pages"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := project(t)
			syncAll(t, root)
			edit(t, filepath.Join(root, "locales", "shared.en.toml"),
				`one = "{{.Count}} page"`, `one = "`+c.one+`"`, `other = "{{.Count}} pages"`, `other = "`+c.other+`"`)
			syncAll(t, root)
			vi, _ := os.ReadFile(filepath.Join(export(t, root, "xliff"), "vi", "shared.xlf"))
			want := `<note from="briefs">Translated from older English: ` + c.note + `</note>`
			if !strings.Contains(string(vi), want) {
				t.Errorf("vi/shared.xlf has no %s:\n%s", want, vi)
			}
			po, _ := os.ReadFile(filepath.Join(export(t, root, "po"), "vi", "shared.po"))
			if !strings.Contains(string(po), "#| msgid \"{{.Count}} page\"\n#| msgid_plural \"{{.Count}} pages\"\n") {
				t.Errorf("vi/shared.po does not show the old forms:\n%s", po)
			}
		})
	}
}

// TestExportDescriptionOnlyChange: a translation stale because only the
// description changed is fuzzy, with the old description and no #| msgid.
func TestExportDescriptionOnlyChange(t *testing.T) {
	root := project(t)
	syncAll(t, root)
	edit(t, filepath.Join(root, "locales", "b.en.toml"), `"Publication line; Date is the brief's date"`, `"Publication line at the end; Date is the brief's date"`)
	syncAll(t, root)
	out := export(t, root, "po")
	km, _ := os.ReadFile(filepath.Join(out, "km", "b.po"))
	want := "#. Publication line at the end; Date is the brief's date\n" +
		"#. The description changed since this was translated; it was: Publication line; Date is the brief's date\n" +
		"#: briefs/b/brief.toml:25\n#: locales/b.en.toml:15\n#, fuzzy\nmsgctxt \"published\"\n"
	if !strings.Contains(string(km), want) {
		t.Errorf("no\n%s\nin\n%s", want, km)
	}
}

// TestExportKeepsUnimportedWork: a translator's file in the export folder
// with work the catalogue lacks and import would take is not replaced: a
// reviewed change, translator comments, a change marked fuzzy ("Needs
// editing"), a translation made from English that changed since the file
// was exported (import writes it stale). Once imported, the export goes
// ahead.
func TestExportKeepsUnimportedWork(t *testing.T) {
	const p2 = "msgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\""
	for _, c := range []struct {
		name    string
		english []string // changes of b.en.toml after the export, then synced
		edits   []string // the translator's
		names   string
	}{
		{"translation", nil, []string{"ការងារនៅក្នុងតំបន់", "ការងារក្នុងតំបន់"}, "title"},
		{"comments", nil, []string{"msgctxt \"title\"", "# Sok: check the ministry's term\nmsgctxt \"title\""}, "comments"},
		{"fuzzy change", nil, []string{"msgctxt \"title\"", "#, fuzzy\nmsgctxt \"title\"", "ការងារនៅក្នុងតំបន់", "ការងារក្នុងតំបន់"}, "title"},
		{"older English", []string{"Read more at", "Read more on"}, []string{p2, strings.TrimSuffix(p2, `""`) + `"អានបន្ថែមនៅលើ [គេហទំព័រ](https://example.org)។"`}, "p2"},
	} {
		root := project(t)
		syncAll(t, root)
		out := export(t, root, "po")
		path := filepath.Join(out, "km", "b.po")
		if c.english != nil {
			edit(t, filepath.Join(root, "locales", "b.en.toml"), c.english...)
			syncAll(t, root)
		}
		edit(t, path, c.edits...)
		edited, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cat, briefs := load(t, root)
		_, err = Export(root, cat, briefs, Select{}, "po", out)
		var kept *Unimported
		if !errors.As(err, &kept) || len(kept.Files) != 1 || !strings.Contains(kept.Files[0], path+":") || !strings.Contains(kept.Files[0], c.names) {
			t.Fatalf("%s: export: %v; want it refused, naming %s and %s", c.name, err, path, c.names)
		}
		if now, _ := os.ReadFile(path); string(now) != string(edited) {
			t.Errorf("%s: the translator's file was replaced", c.name)
		}
		importOK(t, root, path)
		cat, briefs = load(t, root)
		if _, err := Export(root, cat, briefs, Select{}, "po", out); err != nil {
			t.Errorf("%s: export after the import: %v", c.name, err)
		}
	}
}

// TestExportAfterACatalogueEdit: a translation edited in the TOML since
// the last export (by hand, check --fix, sync) is exported over the
// untouched file; the file holds no one's work (its X-Briefs-Sum says so).
func TestExportAfterACatalogueEdit(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		t.Run(format, func(t *testing.T) { exportAfterEdit(t, format) })
	}
}

func exportAfterEdit(t *testing.T, format string) {
	root := project(t)
	syncAll(t, root)
	out := export(t, root, format)
	edit(t, filepath.Join(root, "locales", "b.km.toml"), `other = "ការងារនៅក្នុងតំបន់"`, `other = "ការងារក្នុងតំបន់"`)
	cat, briefs := load(t, root)
	if _, err := Export(root, cat, briefs, Select{}, format, out); err != nil {
		t.Fatalf("export after a catalogue edit: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(out, "km", map[string]string{"po": "b.po", "xliff": "b.xlf"}[format]))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `ការងារក្នុងតំបន់<`) && !strings.Contains(string(data), `msgstr "ការងារក្នុងតំបន់"`) || !strings.Contains(string(data), digestV2) {
		t.Errorf("the export did not write the edit, or no sum:\n%s", data)
	}
}

// TestReviewFlagExportsAsReview: a reviewer marks a current translation
// (the title)
// fuzzy (Poedit's "Needs work", Weblate's "Needs editing") and the file
// is imported; the next export asks for a review of it, and does not say
// that the English changed, which it did not.
func TestReviewFlagExportsAsReview(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		root := project(t)
		syncAll(t, root)
		out := export(t, root, format)
		file := filepath.Join(out, "km", map[string]string{"po": "b.po", "xliff": "b.xlf"}[format])
		if format == "po" {
			edit(t, file, "msgctxt \"title\"", "#, fuzzy\nmsgctxt \"title\"")
		} else {
			edit(t, file, `<target state="translated">ការងារនៅក្នុងតំបន់`, `<target state="needs-review-translation">ការងារនៅក្នុងតំបន់`)
		}
		importOK(t, root, file)
		export(t, root, format)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		entry := string(data)
		if i := strings.Index(entry, `"title"`); i >= 0 {
			entry = entry[max(0, i-300):min(len(entry), i+700)]
		}
		if !strings.Contains(entry, reviewNote) || strings.Contains(entry, "The English changed") {
			t.Errorf("%s: the flagged title exports as:\n%s", format, entry)
		}
	}
}

// TestExportAfterImportingAnEditedFile: a translator changes one entry,
// the file is imported, and the TOML is edited since the export; the next
// export replaces the file, whose other entries are as the last export
// wrote them (it refused, naming an entry the translator never touched,
// and import-then-export stayed stuck).
func TestExportAfterImportingAnEditedFile(t *testing.T) {
	root := project(t)
	syncAll(t, root)
	out := export(t, root, "po")
	path := filepath.Join(out, "km", "b.po")
	edit(t, filepath.Join(root, "locales", "b.km.toml"), `other = "ការងារនៅក្នុងតំបន់"`, `other = "ការងារក្នុងតំបន់"`)
	edit(t, path, "បោះពុម្ពផ្សាយ {{.Date}}", "បានបោះពុម្ពផ្សាយ {{.Date}}")
	importOK(t, root, path)
	cat, briefs := load(t, root)
	if _, err := Export(root, cat, briefs, Select{}, "po", out); err != nil {
		t.Fatalf("export after the import: %v", err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `msgstr "ការងារក្នុងតំបន់"`) || !strings.Contains(string(data), "បានបោះពុម្ពផ្សាយ") {
		t.Errorf("the export lacks the TOML's title or the imported line:\n%s", data)
	}
}

// TestTemplateIsTheWholeProjects: the POT, which Weblate updates every
// language from, holds every message some language needs whatever
// --lang chose and whichever translation failed to load: edition.name,
// which only the Cambodia edition's Khmer needs, stays in b.pot under
// --lang vi and while b.km.toml is broken.
func TestTemplateIsTheWholeProjects(t *testing.T) {
	const want = "msgctxt \"edition.name\"\n"
	root := project(t)
	cat, briefs := load(t, root)
	out := filepath.Join(root, "out")
	if _, err := Export(root, cat, briefs, Select{Langs: []string{"vi"}}, "po", out); err != nil {
		t.Fatal(err)
	}
	if pot, _ := os.ReadFile(filepath.Join(out, "b.pot")); !strings.Contains(string(pot), want) {
		t.Errorf("--lang vi: b.pot has no edition.name:\n%s", pot)
	}
	km := filepath.Join(root, "locales", "b.km.toml")
	if err := os.WriteFile(km, []byte("[\"title\"\nother = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	briefs, _ = source.LoadAll(filepath.Join(root, "briefs"))
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	if !cds.HasErrors() {
		t.Fatal("the broken Khmer catalogue loaded")
	}
	out = filepath.Join(root, "out2")
	if _, err := Export(root, cat, briefs, Select{}, "po", out); err != nil {
		t.Fatal(err)
	}
	if pot, _ := os.ReadFile(filepath.Join(out, "b.pot")); !strings.Contains(string(pot), want) {
		t.Errorf("Khmer broken: b.pot has no edition.name:\n%s", pot)
	}
}

// TestExportKeepsAFileItCannotRead: a translator's file that no longer
// reads (a quote lost in a hand edit, an unclosed XLIFF tag) may hold
// work: export refuses to replace it, as import refused to take it,
// naming where it fails, and leaves its bytes.
func TestExportKeepsAFileItCannotRead(t *testing.T) {
	for _, tc := range []struct{ format, ext, from, to string }{
		{"po", ".po", `msgstr "ការងារនៅក្នុងតំបន់"`, `msgstr "ការងារថ្មីនៅក្នុងតំបន់`},
		{"xliff", ".xlf", `</target>`, `</targe>`},
	} {
		root := project(t)
		out := export(t, root, tc.format)
		path := filepath.Join(out, "km", "b"+tc.ext)
		edit(t, path, tc.from, tc.to)
		before, _ := os.ReadFile(path)
		cat, briefs := load(t, root)
		_, err := Export(root, cat, briefs, Select{}, tc.format, out)
		var refused *Unimported
		if !errors.As(err, &refused) || !strings.Contains(err.Error(), "does not read as") {
			t.Errorf("%s: export over a file that does not read: %v; want it refused", tc.format, err)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s: export replaced the file it cannot read", tc.format)
		}
	}
}

// TestSharedTemplateKeptWhileABriefFails: while a brief does not load, the
// shared template may lack messages only that brief needs, so it is left
// as it was; the other briefs' templates are written.
func TestSharedTemplateKeptWhileABriefFails(t *testing.T) {
	root := project(t)
	cat, briefs := load(t, root)
	out := filepath.Join(root, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(out, "shared.pot")
	if err := os.WriteFile(shared, []byte("# the last full export\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(root, cat, briefs, Select{BriefsFailed: true}, "po", out); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(shared); string(data) != "# the last full export\n" {
		t.Errorf("shared.pot was rewritten while a brief failed:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(out, "b.pot")); err != nil {
		t.Errorf("b.pot: %v", err)
	}
}

// TestExportKeepsTheTranslatorsHeader: Weblate rewrites a PO file's
// header (who, when, the team, its generator) and commits it; the next
// export keeps those fields, so that a Weblate commit made meanwhile does
// not conflict with the CI job's in the header. briefs' own fields are
// written anew.
func TestExportKeepsTheTranslatorsHeader(t *testing.T) {
	root := project(t)
	path := filepath.Join(export(t, root, "po"), "km", "b.po")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	weblate := map[string]string{
		"Last-Translator":  "Sok Dara <dara@example.org>",
		"Language-Team":    "Khmer <https://hosted.weblate.org/projects/briefs/b/km/>",
		"PO-Revision-Date": "2026-11-30 10:12+0000",
	}
	s := string(data)
	for k, v := range weblate {
		i := strings.Index(s, `"`+k+": ")
		j := strings.Index(s[i:], `\n"`)
		if i < 0 || j < 0 {
			t.Fatalf("no %s in the header:\n%s", k, s)
		}
		s = s[:i] + `"` + k + ": " + v + s[i+j:]
	}
	s = strings.Replace(s, `"X-Briefs-Catalogue: b\n"`, `"X-Briefs-Catalogue: b\n"`+"\n"+`"X-Generator: Weblate 5.4\n"`, 1)
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exportOver(t, root, path, "po"); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(path)
	weblate["X-Generator"] = "Weblate 5.4"
	for k, v := range weblate {
		if !strings.Contains(string(again), `"`+k+": "+v+`\n"`) {
			t.Errorf("the export lost %s: %s:\n%s", k, v, again)
		}
	}
	if !strings.Contains(string(again), `"X-Briefs-Sum: `) || !strings.Contains(string(again), `"Language: km\n"`) {
		t.Errorf("briefs' own fields are gone:\n%s", again)
	}
}
