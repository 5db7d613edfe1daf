package msgmerge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSyncLeavesBuiltinSharedAlone: a project with no shared catalogues
// uses the built-in ones, and sync writes none into it.
func TestSyncLeavesBuiltinSharedAlone(t *testing.T) {
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN})
	runSync(t, root, briefs, Options{})
	if _, err := os.Stat(filepath.Join(root, "locales", "shared.km.toml")); err == nil {
		t.Error("sync wrote the built-in shared.km.toml into the project")
	}
	if _, err := os.Stat(filepath.Join(root, "locales", "b.km.toml")); err != nil {
		t.Errorf("sync did not create the brief's Khmer catalogue: %v", err)
	}
}

// TestSyncCarriesBuiltinTranslations: once a project replaces the shared
// English, sync writes the built-in Khmer into the project, marking the
// translation of the changed message stale and keeping the others.
func TestSyncCarriesBuiltinTranslations(t *testing.T) {
	en := "[\"footer.page\"]\ndescription = \"Page footer. Page is the current page number, Total the number of pages.\"\nother = \"Sheet {{.Page}} of {{.Total}}\"\n\n" +
		"[\"month.7\"]\ndescription = \"July\"\nother = \"July\"\n"
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN, "locales/shared.en.toml": en})
	runSync(t, root, briefs, Options{})
	data, err := os.ReadFile(filepath.Join(root, "locales", "shared.km.toml"))
	if err != nil {
		t.Fatalf("sync did not write shared.km.toml: %v", err)
	}
	s := string(data)
	if !strings.Contains(s, "ទំព័រ") {
		t.Errorf("the built-in Khmer footer was not carried over:\n%s", s)
	}
	if !strings.Contains(s, "# stale:") {
		t.Errorf("the footer, whose English changed, is not marked stale:\n%s", s)
	}
}

// TestSyncInheritsBuiltinMessages: a project's own shared.km.toml that
// translates one word differently keeps it, inherits the other built-in
// translations without sync copying them in, and gets a stub only for a
// message whose English the project changed.
func TestSyncInheritsBuiltinMessages(t *testing.T) {
	en := "[\"footer.page\"]\ndescription = \"Page footer. Page is the current page number, Total the number of pages.\"\nother = \"Sheet {{.Page}} of {{.Total}}\"\n"
	km := "[\"heading.contact\"]\nhash = \"sha1-a518090e21a9e898c26744de85762ff27cbcef29\"\nother = \"ទាក់ទង\"\n"
	root, briefs := syncFixture(t, map[string]string{"locales/b.en.toml": syncEN, "locales/shared.en.toml": en, "locales/shared.km.toml": km})
	runSync(t, root, briefs, Options{})
	data, err := os.ReadFile(filepath.Join(root, "locales", "shared.km.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.Contains(s, "other = \"ទាក់ទង\"") {
		t.Errorf("the project's own translation is gone:\n%s", s)
	}
	if !strings.Contains(s, "[\"footer.page\"]") {
		t.Errorf("no entry for the footer, whose English the project changed:\n%s", s)
	}
	if strings.Contains(s, "month.7") || strings.Contains(s, "ខែកក្កដា") {
		t.Errorf("sync copied inherited built-in messages into the project:\n%s", s)
	}
}
