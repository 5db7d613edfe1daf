package catalog

import (
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestLoadOnlyDefers checks that a catalogue keep declines is not read at
// once but is found when asked for, the built-in shared one included,
// and that a declined file with errors is as missing.
func TestLoadOnlyDefers(t *testing.T) {
	root := t.TempDir()
	testkit.WriteTree(t, root, map[string]string{
		"b.en.toml":      "[title]\nother = \"Title\"\n",
		"b.km.toml":      "[title]\nother = \"ចំណងជើង\"\n",
		"b.vi.toml":      "[title\nother = \"broken\"\n",
		"shared.en.toml": "[\"index.pages\"]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n",
	})
	c, ds := LoadOnly(root, func(domain, lang string) bool { return lang == "en" })
	if ds.HasErrors() {
		t.Fatalf("errors of declined files reported: %v", ds)
	}
	for _, f := range c.Files {
		if f.Lang != "en" {
			t.Errorf("%s read at once", f.Path)
		}
	}
	if m, ok := c.Lookup("b", "km", "title"); !ok || m.Other() != "ចំណងជើង" {
		t.Errorf("b.km title: %v %v", m, ok)
	}
	if f, ok := c.File(Shared, "km"); !ok || !f.Builtin {
		t.Errorf("shared.km: want the built-in one, got %v %v", f, ok)
	}
	if _, ok := c.File("b", "vi"); ok {
		t.Error("b.vi.toml has errors and was found")
	}
	if _, err := c.Localizer("b", "km"); err != nil {
		t.Error(err)
	}
}

// TestMisnames: the names a catalogue is saved under by mistake are
// known for what they are, and another brief's or language's are not.
func TestMisnames(t *testing.T) {
	for name, want := range map[string]bool{
		"jobs.km.toml.txt": true, "jobs.km.TOML": true, "jobs.km-KH.toml": true, "jobs.km_KH.toml": true,
		"jobs_km.toml": true, "jobs.kh.toml": true,
		"jobs.km.toml": false, "jobs.th.toml": false, "jobs-2.km.toml": false, "other_km.toml": false, "jobs.toml": false,
	} {
		if got := misnames(name, "jobs", "km"); got != want {
			t.Errorf("misnames(%q) = %v, want %v", name, got, want)
		}
	}
}
