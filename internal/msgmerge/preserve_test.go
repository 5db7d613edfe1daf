package msgmerge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
)

// withoutOwned drops the comment lines sync owns, leaving the bytes it
// must not change.
func withoutOwned(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if !catfile.IsOwned(l) {
			b.WriteString(l)
		}
	}
	return b.String()
}

// TestSyncPreservesBytes gives sync a read-only Khmer catalogue with a
// BOM, CRLF endings, end-of-line comments, comments above and inside
// tables and its own key order, and expects every line sync does not own
// back unchanged.
func TestSyncPreservesBytes(t *testing.T) {
	cur := catalog.Hash("First paragraph", `Most were "women".`)
	km := "\uFEFF# Khmer, by hand.\r\n\r\n# checked with Sok\r\n[\"p1\"] # paragraph\r\nhash = \"" + cur + "\"  # checked by Sok\r\n" +
		"other = \"ភាគច្រើនជាស្ត្រី។\" # formal\r\n\r\n[\"gone\"]\r\nother = 'ចាស់'\r\n"
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN, "locales/b.km.toml": km})
	path := filepath.Join(root, "locales", "b.km.toml")
	if err := os.Chmod(path, 0o440); err != nil {
		t.Fatal(err)
	}
	res := runSync(t, root, briefs, Options{})
	if !res[0].Changed || res[0].Added != 1 || res[0].Orphans != 1 {
		t.Fatalf("results %+v", res)
	}
	data, _ := os.ReadFile(path)
	got := string(data)
	if !strings.HasPrefix(got, "\uFEFF") {
		t.Error("BOM lost")
	}
	for i, l := range strings.SplitAfter(got, "\n") {
		if l != "" && !strings.HasSuffix(l, "\r\n") {
			t.Errorf("line %d is not CRLF: %q", i+1, l)
		}
	}
	// The new title entry comes before p1, as in the English; apart from
	// it and the owned comments, every byte is the translator's.
	want := strings.Replace(km, "# checked with Sok", "[\"title\"]\r\nhash = \""+catalog.Hash("Title", "Jobs")+"\"\r\n\r\n# checked with Sok", 1)
	if kept := withoutOwned(got); kept != want {
		t.Errorf("bytes sync does not own changed:\n%q\nwant\n%q", kept, want)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o440 {
		t.Errorf("mode %v, want 0440", st.Mode().Perm())
	}
	if res := runSync(t, root, briefs, Options{}); res[0].Changed {
		t.Error("second sync changed the file")
	}
}

// TestSyncKeepsWasAndTellsDescriptionChanges changes the English text of
// one message and only the description of another after a sync.
func TestSyncKeepsWasAndTellsDescriptionChanges(t *testing.T) {
	km := "[\"title\"]\nhash = \"" + catalog.Hash("Title", "Jobs") + "\"\nother = \"ការងារ\"\n\n" +
		"[\"p1\"]\nhash = \"" + catalog.Hash("First paragraph", `Most were "women".`) + "\"\nother = \"ភាគច្រើន\"\n"
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN, "locales/b.km.toml": km})
	runSync(t, root, briefs, Options{})
	en2 := strings.Replace(strings.Replace(syncEN, `"Jobs"`, `"Jobs now"`, 1), `"First paragraph"`, `"Opening paragraph"`, 1)
	os.WriteFile(filepath.Join(root, "locales", "b.en.toml"), []byte(en2), 0o644)
	res := runSync(t, root, briefs, Options{})
	if res[0].Stale != 2 || res[0].DescriptionOnly != 1 {
		t.Fatalf("results %+v", res)
	}
	data, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	got := string(data)
	for _, want := range []string{
		"# en: Jobs now\n# was: Jobs\n# stale: the English text changed",
		"# description: Opening paragraph\n# en: Most were \"women\".\n# was description: First paragraph\n# stale: only the description changed",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	// The English changes again: "was" still holds what was translated.
	os.WriteFile(filepath.Join(root, "locales", "b.en.toml"), []byte(strings.Replace(en2, `"Jobs now"`, `"Jobs later"`, 1)), 0o644)
	runSync(t, root, briefs, Options{})
	data, _ = os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if !strings.Contains(string(data), "# en: Jobs later\n# was: Jobs\n") {
		t.Errorf("was lost:\n%s", data)
	}
	runSync(t, root, briefs, Options{Accept: true})
	data, _ = os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if strings.Contains(string(data), "# was") || strings.Contains(string(data), "# stale") {
		t.Errorf("accepted file keeps was/stale:\n%s", data)
	}
}

// TestSyncSuggestsFromMemory offers the translation of the same English
// from the shared catalogue, as a comment only.
func TestSyncSuggestsFromMemory(t *testing.T) {
	shared := "[\"word.jobs\"]\ndescription = \"A word\"\nother = \"Jobs\"\n"
	sharedKM := "[\"word.jobs\"]\nhash = \"" + catalog.Hash("A word", "Jobs") + "\"\nother = \"ការងារ\"\n"
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN,
		"locales/shared.en.toml": shared, "locales/shared.km.toml": sharedKM})
	res := runSync(t, root, briefs, Options{})
	var r Result
	for _, x := range res {
		if x.Domain == "b" {
			r = x
		}
	}
	if r.Suggested != 1 {
		t.Fatalf("results %+v", res)
	}
	data, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml"))
	if !strings.Contains(string(data), "# suggestion other: ការងារ") && !strings.Contains(string(data), "# suggestion: ការងារ") {
		t.Errorf("no suggestion:\n%s", data)
	}
	cat, _ := catalog.Load(filepath.Join(root, "locales"))
	if m, _ := cat.Lookup("b", "km", "title"); len(m.Forms) != 0 {
		t.Errorf("suggestion became a translation: %v", m.Forms)
	}
}
