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
