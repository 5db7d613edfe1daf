package msgmerge

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
)

// TestGoi18nMergeMustNotRun records why README.md says never to run
// `goi18n merge` (go-i18n v2.7.0, built from the module this project
// already requires): it keeps a translation only when its hash is
// description + "other" (so briefs' Hash agrees for one-form messages),
// discards a plural translation carrying briefs' SourceHash and a stale
// one, pre-filling English in their place, and drops every comment.
func TestGoi18nMergeMustNotRun(t *testing.T) {
	goi18n := filepath.Join(t.TempDir(), "goi18n")
	if out, err := exec.Command("go", "build", "-o", goi18n, "github.com/nicksnyder/go-i18n/v2/goi18n").CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("go build goi18n: %v\n%s", err, out)
		}
		t.Skipf("cannot build goi18n: %v", err)
	}
	dir := t.TempDir()
	en := "[\"title\"]\ndescription = \"Title\"\nother = \"Jobs\"\n\n[\"p1\"]\nother = \"Most were women.\"\n\n" +
		"[\"pages\"]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n"
	plural := &catalog.Message{Forms: map[string]string{"one": "{{.Count}} page", "other": "{{.Count}} pages"}}
	vi := "# Vietnamese, by Lan.\n[\"title\"]\nhash = \"" + catalog.Hash("Title", "Jobs") + "\"  # checked\nother = \"Việc làm\"\n\n" +
		"[\"p1\"]\nhash = \"" + catalog.Hash("", "Most workers were women.") + "\"\nother = \"Phần lớn là phụ nữ.\"\n\n" +
		"[\"pages\"]\nhash = \"" + plural.SourceHash() + "\"\none = \"{{.Count}} trang\"\nother = \"{{.Count}} trang\"\n"
	os.WriteFile(filepath.Join(dir, "active.en.toml"), []byte(en), 0o644)
	os.WriteFile(filepath.Join(dir, "active.vi.toml"), []byte(vi), 0o644)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	cmd := exec.Command(goi18n, "merge", "-sourceLanguage", "en", "-outdir", out, "active.en.toml", "active.vi.toml")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("goi18n merge: %v\n%s", err, b)
	}
	active, _ := os.ReadFile(filepath.Join(out, "active.vi.toml"))
	translate, _ := os.ReadFile(filepath.Join(out, "translate.vi.toml"))
	if !strings.Contains(string(active), "Việc làm") {
		t.Errorf("goi18n no longer keeps a one-form translation with briefs' hash:\n%s", active)
	}
	for _, lost := range []string{"Phần lớn", "{{.Count}} trang", "# Vietnamese", "# checked"} {
		if strings.Contains(string(active), lost) {
			t.Errorf("goi18n now keeps %q: revisit README.md, goi18n", lost)
		}
	}
	if !strings.Contains(string(translate), "{{.Count}} pages") || !strings.Contains(string(translate), "Most were women.") {
		t.Errorf("goi18n no longer pre-fills English:\n%s", translate)
	}
	// Two briefs with the same message ID, as locales/ has: goi18n stops.
	os.WriteFile(filepath.Join(dir, "a.en.toml"), []byte(en), 0o644)
	os.WriteFile(filepath.Join(dir, "b.en.toml"), []byte(en), 0o644)
	cmd = exec.Command(goi18n, "merge", "-sourceLanguage", "en", "-outdir", out, "a.en.toml", "b.en.toml")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(b), "multiple source translations") {
		t.Errorf("goi18n merge now accepts two catalogues with one ID: %v\n%s", err, b)
	}
}
