package msgmerge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

const syncBrief = `id = "b"
date = 2019-07-01

[[edition]]
country = "kh"
languages = ["en", "km"]

[[block]]
type = "title"
msg = "title"

[[block]]
type = "paragraph"
msg = "p1"
`

func syncFixture(t *testing.T, files map[string]string) (string, []*source.Brief) {
	t.Helper()
	root := t.TempDir()
	files["briefs/b/brief.toml"] = syncBrief
	testkit.WriteTree(t, root, files)
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	if len(briefs) != 1 {
		t.Fatalf("brief: %v", ds)
	}
	return root, briefs
}

func runSync(t *testing.T, root string, briefs []*source.Brief, opts Options) []Result {
	t.Helper()
	cat, ds := catalog.Load(filepath.Join(root, "locales"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	res, err := Sync(cat, briefs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

const syncEN = `["title"]
description = "Title"
other = "Jobs"

["p1"]
description = "First paragraph"
other = "Most were \"women\"."
`

func TestSyncAddsEmptyEntries(t *testing.T) {
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN})
	res := runSync(t, root, briefs, Options{})
	if len(res) != 1 || !res[0].Changed || res[0].Added != 2 {
		t.Fatalf("results %+v", res)
	}
	got, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	want := `# Catalogue "b" in km. Written by briefs sync: translate each entry
# that has no other text; the English is in the "# en:" comment above it.

["title"]
# description: Title
# en: Jobs
hash = "` + catalog.Hash("Title", "Jobs") + `"

["p1"]
# description: First paragraph
# en: Most were "women".
hash = "` + catalog.Hash("First paragraph", `Most were "women".`) + `"
`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Never pre-filled: go-i18n loads the entries with no text.
	cat, _ := catalog.Load(filepath.Join(root, "locales"))
	m, _ := cat.Lookup("b", "km", "title")
	if len(m.Forms) != 0 {
		t.Errorf("empty entry has forms %v", m.Forms)
	}
	// Idempotent.
	if res := runSync(t, root, briefs, Options{}); res[0].Changed {
		t.Errorf("second sync changed the file")
	}
}

// TestSyncRehashesAnUntranslatedEntry: an entry with no text takes the
// hash of the English it now shows in its # en: comment, so a translation
// written there is current, not stale at once.
func TestSyncRehashesAnUntranslatedEntry(t *testing.T) {
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN})
	runSync(t, root, briefs, Options{})
	en := filepath.Join(root, "locales", "b.en.toml")
	data, _ := os.ReadFile(en)
	if err := os.WriteFile(en, []byte(strings.Replace(string(data), `other = "Jobs"`, `other = "Jobs in zones"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := runSync(t, root, briefs, Options{}); res[0].Rehashed != 1 || res[0].Stale != 0 {
		t.Errorf("results %+v; want the untranslated title rehashed", res)
	}
	got, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if !strings.Contains(string(got), "# en: Jobs in zones\nhash = \""+catalog.Hash("Title", "Jobs in zones")+"\"") {
		t.Errorf("title's entry:\n%s", got)
	}
}

// TestSyncSuggestsARenamedMessagesTranslation: renamed in the brief and
// the English with its text and description kept, a message's old
// translation, an orphan now, is offered under the new ID.
func TestSyncSuggestsARenamedMessagesTranslation(t *testing.T) {
	km := "[\"title\"]\nhash = \"" + catalog.Hash("Title", "Jobs") + "\"\nother = \"ការងារ\"\n"
	root, _ := syncFixture(t, map[string]string{"locales/b.en.toml": strings.Replace(syncEN, `["title"]`, `["heading"]`, 1), "locales/b.km.toml": km})
	brief := filepath.Join(root, "briefs", "b", "brief.toml")
	data, _ := os.ReadFile(brief)
	if err := os.WriteFile(brief, []byte(strings.Replace(string(data), `msg = "title"`, `msg = "heading"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	briefs, _ := source.LoadAll(filepath.Join(root, "briefs"))
	if res := runSync(t, root, briefs, Options{}); res[0].Suggested != 1 {
		t.Errorf("results %+v; want heading given a suggestion", res)
	}
	got, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if !strings.Contains(string(got), `message "title"`) || !strings.Contains(string(got), "# suggestion: ការងារ") {
		t.Errorf("no suggestion from title:\n%s", got)
	}
}

func TestSyncKeepsMarksStaleAndAccepts(t *testing.T) {
	old := catalog.Hash("Title", "Old jobs")
	km := `# Khmer, by hand.

["p1"]
other = "ភាគច្រើនជាស្ត្រី។"

["title"]
hash = "` + old + `"
other = "ការងារ"

["gone"]
other = "ចាស់"
`
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN, "locales/b.km.toml": km})
	res := runSync(t, root, briefs, Options{})
	if res[0].Stale != 1 || res[0].Orphans != 1 || res[0].Added != 0 {
		t.Fatalf("results %+v", res)
	}
	got, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	want := `# Khmer, by hand.

["p1"]
# description: First paragraph
# en: Most were "women".
other = "ភាគច្រើនជាស្ត្រី។"

["title"]
# description: Title
# en: Jobs
# stale: the English changed after this was translated; update it, then run briefs sync --accept --lang km --id title
hash = "` + old + `"
other = "ការងារ"

["gone"]
# orphan: b.en.toml has no message "gone"
other = "ចាស់"
`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	res = runSync(t, root, briefs, Options{Accept: true})
	if res[0].Stamped != 2 {
		t.Fatalf("accept: %+v", res)
	}
	cat, _ := catalog.Load(filepath.Join(root, "locales"))
	for _, id := range []string{"title", "p1"} {
		m, _ := cat.Lookup("b", "km", id)
		en, _ := cat.Lookup("b", "en", id)
		if m.Hash != catalog.Hash(en.Description, en.Other()) {
			t.Errorf("%s: hash %q not current", id, m.Hash)
		}
	}
	got, _ = os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if strings.Contains(string(got), "# stale") {
		t.Errorf("accepted file still marks stale:\n%s", got)
	}
}

func TestSyncNeverOverwritesBrokenFile(t *testing.T) {
	broken := "[\"title\"\nother = \"x\"\n"
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN, "locales/b.km.toml": broken})
	cat, _ := catalog.Load(filepath.Join(root, "locales"))
	if _, err := Sync(cat, briefs, Options{}); err == nil {
		t.Fatal("no error for a catalogue that did not load")
	}
	got, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if string(got) != broken {
		t.Errorf("broken file was rewritten")
	}
}

// TestSyncKeepsTranslatorComments puts a comment above a message and one
// inside another, runs sync twice, and expects both kept, once each.
func TestSyncKeepsTranslatorComments(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.en.toml"), []byte("[a]\nother = \"A\"\n\n[b]\nother = \"B\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.km.toml"), []byte("# Khmer catalogue.\n\n[a]\nother = \"ក\"\n\n# TODO ask Sokha about this term\n[b]\n# keep the formal register\nother = \"ខ\"\n"), 0o644)
	briefs := []*source.Brief{{ID: "b", Editions: []source.Edition{{Country: "kh", Languages: []string{"km"}}},
		Blocks: []source.Block{{Kind: source.Paragraph, Msg: "a"}, {Kind: source.Paragraph, Msg: "b"}}}}
	for run := 0; run < 2; run++ {
		c, ds := catalog.Load(dir)
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		if _, err := Sync(c, briefs, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "b.km.toml"))
	got := string(data)
	for _, want := range []string{"# Khmer catalogue.", "# TODO ask Sokha about this term", "# keep the formal register"} {
		if strings.Count(got, want) != 1 {
			t.Errorf("%q appears %d times in:\n%s", want, strings.Count(got, want), got)
		}
	}
	if !strings.Contains(got, "# TODO ask Sokha about this term\n[b]\n") {
		t.Errorf("the comment above [b] moved away from it:\n%s", got)
	}
}

// TestAcceptOneID stamps the current hash on one reviewed translation and
// leaves the other stale one alone.
func TestAcceptOneID(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.en.toml"), []byte("[a]\nother = \"A2\"\n\n[b]\nother = \"B2\"\n"), 0o644)
	old := catalog.Hash("", "old")
	os.WriteFile(filepath.Join(dir, "b.km.toml"), []byte("[a]\nhash = \""+old+"\"\nother = \"ក\"\n\n[b]\nhash = \""+old+"\"\nother = \"ខ\"\n"), 0o644)
	briefs := []*source.Brief{{ID: "b", Editions: []source.Edition{{Country: "kh", Languages: []string{"km"}}},
		Blocks: []source.Block{{Kind: source.Paragraph, Msg: "a"}, {Kind: source.Paragraph, Msg: "b"}}}}
	c, _ := catalog.Load(dir)
	res, err := Sync(c, briefs, Options{Accept: true, IDs: []string{"a"}})
	if err != nil || len(res) == 0 || res[0].Stamped != 1 {
		t.Fatalf("results %+v, %v", res, err)
	}
	c, _ = catalog.Load(dir)
	a, _ := c.Lookup("b", "km", "a")
	b, _ := c.Lookup("b", "km", "b")
	if a.Hash != catalog.Hash("", "A2") || b.Hash != old {
		t.Errorf("hashes after accepting a: a=%s b=%s", a.Hash, b.Hash)
	}
}
