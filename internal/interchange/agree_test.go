package interchange

import (
	"errors"
	"fmt"
	"github.com/mekong-briefs/briefs/internal/check"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Import, export and the export record must judge an entry alike: where
// they disagree, a translator's file is refused as a conflict it is not,
// or export refuses to replace a file import has taken in full, and CI
// stays red with nothing a person can do. Each test below failed before
// the rule it names was shared.

// TestVietnamesePluralEditIsNoConflict: a Vietnamese plural whose TOML
// holds only "other" (all CLDR asks of Vietnamese) travels in PO as one
// form, and the record digests it as PO carries it. A translator's edit
// of it is no conflict: the catalogue has not changed since the export.
func TestVietnamesePluralEditIsNoConflict(t *testing.T) {
	root := project(t)
	edit(t, filepath.Join(root, "locales", "shared.vi.toml"), "one = \"{{.Count}} trang\"\n", "")
	syncAll(t, root)
	path := filepath.Join(export(t, root, "po"), "vi", "shared.po")
	edit(t, path, `msgstr[0] "{{.Count}} trang"`, `msgstr[0] "{{.Count}} trang PDF"`)
	res, ds := Import(root, path)
	if ds.HasErrors() || !res.Written {
		t.Fatalf("%+v %v; want the edit imported", res, ds)
	}
	if toml := snapshot(t, root)["shared.vi.toml"]; !strings.Contains(toml, `other = "{{.Count}} trang PDF"`) {
		t.Errorf("the edit is not in the catalogue:\n%s", toml)
	}
}

// TestGuessFromAnOrphanLeavesExportFree: msgmerge fills a changed
// message with the translation of a message the brief no longer uses
// (still in the catalogue, an orphan). Import leaves the guess out; an
// export over that file is then not refused, as it would be if export
// looked for borrowed texts only among the messages it exports.
func TestGuessFromAnOrphanLeavesExportFree(t *testing.T) {
	root := project(t)
	// "published" leaves the brief; p1's English becomes like it.
	path := msgmergeGuess(t, root, func() {
		edit(t, filepath.Join(root, "briefs", "b", "brief.toml"), "[[block]]\ntype = \"published\"\nmsg = \"published\"\n", "")
	})
	out := filepath.Dir(filepath.Dir(path))
	if !strings.Contains(snapshot(t, root)["b.km.toml"], "បោះពុម្ពផ្សាយ {{.Date}}") {
		t.Fatal("the orphan's translation is not in the catalogue")
	}
	res, ds := Import(root, path)
	if ds.HasErrors() || !positioned(ds, CodeImportDraft, `"p1"`, `"published"`) {
		t.Fatalf("%+v %v; want the guess for p1 left out, naming \"published\"", res, ds)
	}
	cat, briefs := load(t, root)
	if _, err := Export(root, cat, briefs, Select{}, "po", out); err != nil {
		t.Errorf("export over the imported file: %v; want it replaced", err)
	}
}

// TestOutdatedWithoutRecordIsNoWork: a translator's file of an older
// export, imported, its record gone since, holds the catalogue's former translation of English that
// has changed since; the catalogue has a current one. Without a record
// nothing shows the translator wrote it (git has it), so export replaces
// the file. With the record, an entry the translator did change is kept
// (TestOlderFileKeepsNewerTranslation).
func TestOutdatedWithoutRecordIsNoWork(t *testing.T) {
	root, path := khmerExport(t)
	out := filepath.Dir(filepath.Dir(path))
	// The translator's work on p2 is imported: the file is theirs now,
	// not as export wrote it.
	edit(t, path, "msgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\"",
		"msgid \"Read more at [our site](https://example.org).\"\nmsgstr \"អានបន្ថែមនៅ [គេហទំព័ររបស់យើង](https://example.org)។\"")
	importOK(t, root, path)
	if err := os.Remove(filepath.Join(out, ExportedName)); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(root, "locales", "b.en.toml"), `other = "Jobs in zones"`, `other = "Jobs in economic zones"`)
	syncAll(t, root)
	// The new translation arrives by another translator's file.
	cat, briefs := load(t, root)
	other := t.TempDir()
	if _, err := Export(root, cat, briefs, Select{}, "po", other); err != nil {
		t.Fatal(err)
	}
	now := filepath.Join(other, "km", "b.po")
	edit(t, now, "#, fuzzy\n#| msgid \"Jobs in zones\"\nmsgctxt \"title\"\nmsgid \"Jobs in economic zones\"\nmsgstr \"ការងារនៅក្នុងតំបន់\"",
		"msgctxt \"title\"\nmsgid \"Jobs in economic zones\"\nmsgstr \"ការងារនៅក្នុងតំបន់សេដ្ឋកិច្ច\"")
	if res := importOK(t, root, now); res.Stamped != 1 {
		t.Fatalf("the new translation was not made current: %+v", res)
	}
	err := exportOver(t, root, path, "po")
	var refused *Unimported
	if errors.As(err, &refused) || err != nil {
		t.Fatalf("export over the older, untouched file: %v; want it replaced", err)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "ការងារនៅក្នុងតំបន់សេដ្ឋកិច្ច") {
		t.Errorf("the file was not replaced:\n%s", data)
	}
}

// TestReimportOfOwnFile: a translator imports their file, works on and
// imports it again. Their second change of a message is no conflict (the
// catalogue changed since the export by their own import), an editor's
// fix of another message since the first import is kept (the entry is
// as that import took it), and a second translator's copy of the same
// export is still refused where it changes what the first wrote.
func TestReimportOfOwnFile(t *testing.T) {
	root, first, second := twoTitles(t)
	importOK(t, root, first)
	edit(t, first, title("ការងារក្នុងតំបន់"), title("ការងារក្នុងតំបន់សេដ្ឋកិច្ច"),
		`msgstr "កម្មករភាគច្រើនជាស្ត្រី។"`, `msgstr "កម្មករភាគច្រើនគឺជាស្ត្រី។"`)
	importOK(t, root, first)
	km := filepath.Join(root, "locales", "b.km.toml")
	edit(t, km, "កម្មករភាគច្រើនគឺជាស្ត្រី។", "កម្មករភាគច្រើនគឺជាស្ត្រីៗ") // an editor's fix
	edit(t, first, title("ការងារក្នុងតំបន់សេដ្ឋកិច្ច"), title("ការងារនៅតំបន់សេដ្ឋកិច្ច"))
	res, ds := Import(root, first)
	if ds.HasErrors() || !res.Written {
		t.Fatalf("third import of the translator's own file: %+v %v; want it written", res, ds)
	}
	toml := snapshot(t, root)["b.km.toml"]
	if !strings.Contains(toml, "ការងារនៅតំបន់សេដ្ឋកិច្ច") || !strings.Contains(toml, "ស្ត្រីៗ") {
		t.Errorf("want the file's title and the editor's fix of p1:\n%s", toml)
	}
	res, ds = Import(root, second)
	if !positioned(ds, CodeImportConflict, `"title"`) || res.Written {
		t.Errorf("the second translator's copy: written %v, findings %v; want an import-conflict at its title", res.Written, ds)
	}
	// Export over the first file: what it holds is imported.
	cat, briefs := load(t, root)
	if _, err := Export(root, cat, briefs, Select{}, "po", filepath.Dir(filepath.Dir(first))); err != nil {
		t.Errorf("export over the imported file: %v", err)
	}
}

// TestTemplateOnlyCopyImports: a message of template actions alone
// ("{{.Title}} · {{.Edition}}") is translated by copying it, as check's
// untranslated rule allows; import takes that copy rather than leave it
// out as import-copied, which would keep the message untranslated.
func TestTemplateOnlyCopyImports(t *testing.T) {
	root := project(t)
	en := filepath.Join(root, "locales", "shared.en.toml")
	rewrite(t, en, func(s string) string {
		return s + "\n[\"footer.running\"]\ndescription = \"Running footer\"\nother = \"{{.Title}} · {{.Edition}}\"\n"
	})
	syncAll(t, root)
	path := filepath.Join(export(t, root, "po"), "km", "shared.po")
	edit(t, path, "msgid \"{{.Title}} · {{.Edition}}\"\nmsgstr \"\"", "msgid \"{{.Title}} · {{.Edition}}\"\nmsgstr \"{{.Title}} · {{.Edition}}\"")
	res, ds := Import(root, path)
	if ds.HasErrors() || res.Copied != 0 || !res.Written {
		t.Fatalf("%+v %v; want the copy imported", res, ds)
	}
	toml := snapshot(t, root)["shared.km.toml"]
	if _, after, _ := strings.Cut(toml, `["footer.running"]`); !strings.Contains(after, `other = "{{.Title}} · {{.Edition}}"`) {
		t.Errorf("footer.running not written:\n%s", toml)
	}
}

// TestReviewAfterMsgmergeIsTaken: Poedit's "Update from POT" (msgmerge)
// keeps the old file's header, its work sum included, and puts the new
// English beside the old translation, fuzzy. A translator who finds the
// old translation still right clears the flag: the entry's translation is
// as exported, only its English is not. That review is taken, not left
// out as an entry nobody touched (nor the file as one still as exported).
func TestReviewAfterMsgmergeIsTaken(t *testing.T) {
	msgmerge := need(t, "msgmerge", "gettext")
	root, path := khmerExport(t)
	old := filepath.Join(t.TempDir(), "old.po")
	run(t, "cp", path, old)
	edit(t, filepath.Join(root, "locales", "b.en.toml"), `other = "Jobs in zones"`, `other = "Jobs in the zones"`)
	syncAll(t, root)
	out := export(t, root, "po")
	run(t, msgmerge, "-q", old, filepath.Join(out, "b.pot"), "-o", path)
	edit(t, path, "#, fuzzy\nmsgctxt \"title\"", "msgctxt \"title\"") // reviewed: the translation stands
	res, ds := Import(root, path)
	if ds.HasErrors() || res.Stamped != 1 || !res.Written {
		t.Fatalf("%+v %v; want the reviewed title made current", res, ds)
	}
	for _, d := range findings(t, root, check.CodeStale) {
		if strings.HasSuffix(d.Pos.File, "b.km.toml") && strings.Contains(d.Msg, `"title"`) {
			t.Errorf("check after the review: %v", d)
		}
	}
}

// TestUnstatedXLIFFTargetIsKept: a tool that fills a target without
// setting its state (OmegaT with Okapi's filter, Okapi Tikal: the export's
// state="needs-translation" stays) has translated the message all the
// same. Import takes it to review with a warning, rather than leave it out
// as a draft that the next export would overwrite; a suggestion
// (needs-review-translation) is still left out.
func TestUnstatedXLIFFTargetIsKept(t *testing.T) {
	root := project(t)
	path := filepath.Join(export(t, root, "xliff"), "km", "b.xlf")
	edit(t, path, `<target state="needs-translation"></target>`, `<target state="needs-translation">អានបន្ថែមនៅ [គេហទំព័ររបស់យើង](https://example.org)។</target>`)
	res, ds := Import(root, path)
	if ds.HasErrors() || res.Unreviewed != 1 || !positioned(ds, CodeImportUnstated, `"p2"`) {
		t.Fatalf("%+v %v; want p2 taken to review, with a warning", res, ds)
	}
	toml := snapshot(t, root)["b.km.toml"]
	if _, p2, _ := strings.Cut(toml, `["p2"]`); !strings.Contains(p2, "អានបន្ថែមនៅ") {
		t.Fatalf("p2 not in the catalogue:\n%s", toml)
	}
	// The next export writes it back: nothing was lost.
	path = filepath.Join(export(t, root, "xliff"), "km", "b.xlf")
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "អានបន្ថែមនៅ") {
		t.Errorf("the export dropped p2's translation:\n%s", data)
	}
}

// TestWeblateDraftIsADraft: Weblate's "Needs editing" (translate-toolkit
// writes approved="no" and leaves state="needs-translation") is a draft,
// as a fuzzy PO entry is: left out of a message with no translation, so
// that it never prints; a tool that filled the target and said nothing
// (TestUnstatedXLIFFTargetIsKept) has no approved attribute.
func TestWeblateDraftIsADraft(t *testing.T) {
	root := project(t)
	path := filepath.Join(export(t, root, "xliff"), "km", "b.xlf")
	edit(t, path, `resname="p2" xml:space`, `resname="p2" approved="no" xml:space`)
	edit(t, path, `<target state="needs-translation"></target>`, `<target state="needs-translation">អានបន្ថែម (MT)</target>`)
	res, ds := Import(root, path)
	if ds.HasErrors() || res.Fuzzy != 1 || res.Unreviewed != 0 || !positioned(ds, CodeImportDraft, `"p2"`) {
		t.Fatalf("%+v %v; want p2 left out as a draft", res, ds)
	}
	if strings.Contains(snapshot(t, root)["b.km.toml"], "(MT)") {
		t.Error("the draft reached the catalogue")
	}
}

// TestXLIFFWithoutResnames: memoQ's and Okapi's re-exports renumber the
// trans-unit ids and drop resname; each unit is found by its English, as a
// PO entry without its msgctxt is, and the translation arrives.
func TestXLIFFWithoutResnames(t *testing.T) {
	root := project(t)
	path := filepath.Join(export(t, root, "xliff"), "km", "b.xlf")
	n := 0
	rewrite(t, path, func(s string) string {
		return regexp.MustCompile(`<trans-unit id="[^"]+" resname="[^"]+"`).ReplaceAllStringFunc(s, func(string) string {
			n++
			return fmt.Sprintf(`<trans-unit id="tu%d"`, n)
		})
	})
	edit(t, path, `>ការងារនៅក្នុងតំបន់</target>`, `>ការងារក្នុងតំបន់</target>`)
	res, ds := Import(root, path)
	if ds.HasErrors() || res.Stamped != 1 || n < 4 {
		t.Fatalf("%d units renumbered; import %+v %v; want the title taken by its English", n, res, ds)
	}
	if !strings.Contains(snapshot(t, root)["b.km.toml"], "ការងារក្នុងតំបន់") {
		t.Error("the title did not arrive")
	}
	// Export judges the file as import did: all of it is in the
	// catalogue now, so export replaces it.
	if err := exportOver(t, root, path, "xliff"); err != nil {
		t.Errorf("export over the imported file: %v", err)
	}
}

// TestXLIFFUnitOfARemovedMessage: a unit without resname whose id names
// a message removed since the export, and whose English no message has
// now, is left out with its text, as with its resname; the rest of the
// file is imported.
func TestXLIFFUnitOfARemovedMessage(t *testing.T) {
	root := project(t)
	path := filepath.Join(export(t, root, "xliff"), "km", "b.xlf")
	rewrite(t, path, func(s string) string {
		return regexp.MustCompile(` resname="[^"]+"`).ReplaceAllString(s, "")
	})
	edit(t, path, `>ការងារនៅក្នុងតំបន់</target>`, `>ការងារក្នុងតំបន់</target>`,
		`>កម្មករភាគច្រើនជាស្ត្រី។</target>`, `>កម្មករភាគច្រើនគឺជាស្ត្រី។</target>`)
	edit(t, filepath.Join(root, "briefs", "b", "brief.toml"), `msg = "p1"`, `msg = "lead"`)
	edit(t, filepath.Join(root, "locales", "b.en.toml"), "[\"p1\"]\ndescription = \"First paragraph\"\nother = \"Most of the *workers* were women.\"",
		"[\"lead\"]\ndescription = \"First paragraph\"\nother = \"Most workers were women.\"")
	res, ds := Import(root, path)
	if ds.HasErrors() || !res.Written || !positioned(ds, CodeImportSource, `"p1"`) {
		t.Fatalf("%+v %v; want the file imported and p1 left out with its text", res, ds)
	}
}

// TestToolRenamedNotesAreBriefs: Weblate and translate-toolkit write the
// notes of a unit as from="developer", and some tools drop from. The
// notes export wrote (the description, "Used at …") are still not the
// translator's: import puts none of them in the TOML, and an export after
// it is not refused for translator comments.
func TestToolRenamedNotesAreBriefs(t *testing.T) {
	for _, from := range []string{` from="developer"`, ``} {
		root := project(t)
		path := filepath.Join(export(t, root, "xliff"), "km", "b.xlf")
		rewrite(t, path, func(s string) string {
			s = strings.ReplaceAll(s, `<note from="description">`, `<note`+from+`>`)
			return strings.ReplaceAll(s, `<note from="briefs">`, `<note`+from+`>`)
		})
		edit(t, path, `>ការងារនៅក្នុងតំបន់</target>`, `>ការងារក្នុងតំបន់</target>`)
		res, ds := Import(root, path)
		if ds.HasErrors() || res.Notes != 0 || !res.Written {
			t.Fatalf("from %q: %+v %v; want the title written, no notes", from, res, ds)
		}
		after := snapshot(t, root)["b.km.toml"]
		if strings.Contains(after, "Used at") || strings.Contains(after, "\n# Title of the brief\n") {
			t.Errorf("from %q: notes in the TOML:\n%s", from, after)
		}
		if err := exportOver(t, root, path, "xliff"); err != nil {
			t.Errorf("from %q: export over the imported file: %v", from, err)
		}
	}
}

// TestThreeLetterLanguageNamed: a CAT tool that writes the language as
// its three-letter code (khm, bur) gets the code briefs writes in the
// hint, as a country code (kh) does.
func TestThreeLetterLanguageNamed(t *testing.T) {
	for code, want := range map[string]string{
		"khm": `"khm" is the three-letter code of Khmer; briefs writes "km"`,
		"kh":  `"kh" is a country code; the language code is "km"`,
	} {
		root, path := khmerExport(t)
		moved := filepath.Join(t.TempDir(), "b.po") // not in km/, whose name would be the language
		data, _ := os.ReadFile(path)
		os.WriteFile(moved, []byte(strings.Replace(string(data), `"Language: km\n"`, `"Language: `+code+`\n"`, 1)), 0o644)
		_, ds := Import(root, moved)
		found := false
		for _, d := range ds {
			found = found || d.Code == "unknown-language" && strings.Contains(d.Hint, want) && d.Pos.Line > 1
		}
		if !found {
			t.Errorf("Language: %s: %v; want the hint %q at the header", code, ds, want)
		}
	}
}

// TestOlderBriefsSumIsReadByItsRule: a file an older briefs exported
// carries a work sum without the English (digestV1). Still as exported,
// it brings nothing, so an editor's fix of the TOML since stays, and
// export replaces it.
func TestOlderBriefsSumIsReadByItsRule(t *testing.T) {
	root, path := khmerExport(t)
	in, ds := Read(path)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	old := sumBy(digestV1, entryLineV1, in.Entries)
	edit(t, path, in.Sum, old) // as the older briefs wrote it
	if err := os.Remove(filepath.Join(filepath.Dir(filepath.Dir(path)), ExportedName)); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(root, "locales", "b.km.toml"), `other = "ការងារនៅក្នុងតំបន់"`, `other = "ការងារក្នុងតំបន់"`)
	res, ds := Import(root, path)
	if ds.HasErrors() || !res.AsExported || res.Written {
		t.Errorf("%+v %v; want the file seen as exported, nothing written", res, ds)
	}
	if err := exportOver(t, root, path, "po"); err != nil {
		t.Errorf("export over the older, untouched file: %v", err)
	}
}

// TestTranslatorNoteLikeBriefsIsKept: a translator's own note that begins
// with the words of one of briefs's ("Used at the foot of page 2") is the
// translator's: kept, and exported again.
func TestTranslatorNoteLikeBriefsIsKept(t *testing.T) {
	root := project(t)
	path := filepath.Join(export(t, root, "xliff"), "km", "b.xlf")
	edit(t, path, `>ការងារនៅក្នុងតំបន់</target>`, `>ការងារនៅក្នុងតំបន់</target>
    <note from="translator">Used at the foot of page 2 only; keep it short</note>`)
	res, ds := Import(root, path)
	if ds.HasErrors() || res.Notes != 1 {
		t.Fatalf("%+v %v; want the translator's note kept", res, ds)
	}
	if !strings.Contains(snapshot(t, root)["b.km.toml"], "Used at the foot of page 2 only") {
		t.Error("the note is not in the TOML")
	}
}

// TestDraftSurvivesExport: a translator marks a new translation fuzzy
// (Poedit's "Needs work", Weblate's "Needs editing"). Import leaves it out,
// so it never prints; the next export, which CI runs on every push, keeps
// it in the file as a draft instead of dropping it, and once the flag is
// cleared, import takes it.
func TestDraftSurvivesExport(t *testing.T) {
	root, path := khmerExport(t)
	draft := "អានបន្ថែមនៅ [គេហទំព័ររបស់យើង](https://example.org)។"
	edit(t, path, "msgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\"",
		"#, fuzzy\nmsgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \""+draft+"\"")
	res, ds := Import(root, path)
	if ds.HasErrors() || !positioned(ds, CodeImportDraft, `"p2"`) || strings.Contains(snapshot(t, root)["b.km.toml"], draft) {
		t.Fatalf("%+v %v; want the draft left out of the catalogue", res, ds)
	}
	out := filepath.Dir(filepath.Dir(path))
	cat, briefs := load(t, root)
	if _, err := Export(root, cat, briefs, Select{}, "po", out); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "#, fuzzy\nmsgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \""+draft+"\"") {
		t.Fatalf("the export dropped the draft:\n%s", data)
	}
	// Imported again as exported: nothing. Marked ready: taken.
	if res := importOK(t, root, path); !res.AsExported && res.Written {
		t.Errorf("the untouched draft was written: %+v", res)
	}
	edit(t, path, "#, fuzzy\nmsgctxt \"p2\"", "msgctxt \"p2\"")
	if res := importOK(t, root, path); res.Stamped != 1 || !strings.Contains(snapshot(t, root)["b.km.toml"], draft) {
		t.Errorf("the draft marked ready was not taken: %+v", res)
	}
}

// TestSuggestionIsNoDraft: a suggestion export wrote (the shared
// catalogue's translation of the same English), still as written, is not
// the translator's draft: when the suggestion changes, the next export
// offers the new one; and a translation deleted from the TOML since the
// export does not come back as a draft.
func TestSuggestionIsNoDraft(t *testing.T) {
	root, path := khmerExport(t)
	edit(t, filepath.Join(root, "locales", "shared.km.toml"), `other = "បោះពុម្ពកម្ពុជា"`, `other = "ការបោះពុម្ពកម្ពុជា"`)
	rewrite(t, filepath.Join(root, "locales", "b.km.toml"), func(s string) string {
		return regexp.MustCompile(`(?s)\["p1"\].*?\n\n`).ReplaceAllString(s, "")
	})
	out := filepath.Dir(filepath.Dir(path))
	cat, briefs := load(t, root)
	if _, err := Export(root, cat, briefs, Select{}, "po", out); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), noteDraft) || !strings.Contains(string(data), `msgstr "ការបោះពុម្ពកម្ពុជា"`) ||
		strings.Contains(string(data), "កម្មករភាគច្រើនជាស្ត្រី។") {
		t.Errorf("want the new suggestion and p1 untranslated, no draft:\n%s", data)
	}
}

// TestStaleDraftKeepsItsEnglish: a draft of English that changed since is
// kept with the English it was made from (#| msgid), as a stale
// translation is, in PO and in XLIFF.
func TestStaleDraftKeepsItsEnglish(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		root := project(t)
		syncAll(t, root)
		out := export(t, root, format)
		name := map[string]string{"po": "b.po", "xliff": "b.xlf"}[format]
		path := filepath.Join(out, "km", name)
		draft := "អានបន្ថែមនៅគេហទំព័រ [របស់យើង](https://example.org)។"
		if format == "po" {
			edit(t, path, "msgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\"",
				"msgid \"Read more at [our site](https://example.org).\"\nmsgstr \""+draft+"\"")
			edit(t, path, "msgctxt \"p2\"", "#, fuzzy\nmsgctxt \"p2\"")
		} else {
			edit(t, path, `<target state="needs-translation"></target>`, `<target state="needs-review-translation">`+draft+`</target>`)
		}
		importOK(t, root, path)
		edit(t, filepath.Join(root, "locales", "b.en.toml"), `other = "Read more at [our site](https://example.org)."`, `other = "Read more on [our site](https://example.org)."`)
		syncAll(t, root)
		export(t, root, format)
		data, _ := os.ReadFile(path)
		older := map[string]string{"po": "#| msgid \"Read more at [our site](https://example.org).\"", "xliff": noteOlder + "Read more at [our site](https://example.org)."}[format]
		if !strings.Contains(string(data), draft) || !strings.Contains(string(data), older) {
			t.Errorf("%s: the draft or its English is gone:\n%s", format, data)
		}
	}
}

// TestCarriedDraftOfARemovedMessage: a draft export kept is still the
// translator's: when its message is removed, export refuses to replace
// the file that holds it, as for a draft never exported.
func TestCarriedDraftOfARemovedMessage(t *testing.T) {
	root, path := keptDraft(t)
	edit(t, filepath.Join(root, "briefs", "b", "brief.toml"), "[[block]]\ntype = \"paragraph\"\nmsg = \"p2\"\n", "")
	err := exportOver(t, root, path, "po")
	var refused *Unimported
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "p2") {
		t.Errorf("export over the carried draft of a removed message: %v; want it refused, naming p2", err)
	}
}

// TestDraftOfANowTranslatedMessage: a draft export kept, whose message
// gains a translation by another route (the editor's TOML, another
// translator's file), does not make export refuse the file, which import
// says brings nothing: the CI job would fail on every push.
func TestDraftOfANowTranslatedMessage(t *testing.T) {
	root, path := keptDraft(t)
	// The editor translates p2 in the TOML.
	rewrite(t, filepath.Join(root, "locales", "b.km.toml"), func(s string) string {
		return regexp.MustCompile(`(\["p2"\]\n(?:#.*\n)*hash = "[^"]*"\n)`).ReplaceAllString(s, "${1}other = \"អានបន្ថែមនៅ [គេហទំព័រ](https://example.org)។\"\n")
	})
	if !strings.Contains(snapshot(t, root)["b.km.toml"], "អានបន្ថែមនៅ [គេហទំព័រ]") {
		t.Fatalf("the editor's translation is not in the TOML:\n%s", snapshot(t, root)["b.km.toml"])
	}
	if res := importOK(t, root, path); !res.AsExported {
		t.Fatalf("import of the file with the carried draft: %+v; want nothing taken", res)
	}
	if err := exportOver(t, root, path, "po"); err != nil {
		t.Errorf("export over the carried draft of a now translated message: %v; want it replaced", err)
	}
}

// TestDraftOverANewerTranslation: a translator's draft (fuzzy) of a
// message the editor has translated in the TOML since the export is left
// out with its text in a warning, not an import-conflict that refuses
// the file (and stops the CI job), and export then replaces the file.
func TestDraftOverANewerTranslation(t *testing.T) {
	root, path := khmerExport(t)
	rewrite(t, filepath.Join(root, "locales", "b.km.toml"), func(s string) string {
		return regexp.MustCompile(`(\["p2"\]\n(?:#.*\n)*hash = "[^"]*"\n)`).ReplaceAllString(s, "${1}other = \"អានបន្ថែមនៅ [គេហទំព័រ](https://example.org)។\"\n")
	})
	draft := "សេចក្ដីព្រាង [គេហទំព័រ](https://example.org)"
	edit(t, path, "msgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\"",
		"#, fuzzy\nmsgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \""+draft+"\"")
	res, ds := Import(root, path)
	if ds.HasErrors() || !positioned(ds, CodeImportDraft, `"p2"`, draft) || strings.Contains(snapshot(t, root)["b.km.toml"], draft) {
		t.Fatalf("%+v %v; want the draft left out with its text, no error", res, ds)
	}
	if err := exportOver(t, root, path, "po"); err != nil {
		t.Errorf("export over the file with the left-out draft: %v", err)
	}
}

// keptDraft exports the test project's Khmer PO file, marks a new
// translation of p2 fuzzy in it (a translator's draft), imports it and
// exports again over it, which keeps the draft: the root and the file.
func keptDraft(t *testing.T) (root, path string) {
	t.Helper()
	root, path = khmerExport(t)
	draft := "អានបន្ថែមនៅ [គេហទំព័ររបស់យើង](https://example.org)។"
	edit(t, path, "msgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \"\"",
		"#, fuzzy\nmsgctxt \"p2\"\nmsgid \"Read more at [our site](https://example.org).\"\nmsgstr \""+draft+"\"")
	importOK(t, root, path)
	if err := exportOver(t, root, path, "po"); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), draft) {
		t.Fatalf("the export did not keep the draft:\n%s", data)
	}
	return root, path
}
