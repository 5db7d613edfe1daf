package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultsWithoutFile(t *testing.T) {
	s, ds := Load(t.TempDir())
	if len(ds) != 0 || s != Default() {
		t.Errorf("settings %+v, diagnostics %v", s, ds)
	}
}

func TestSettingsAndUnknownKey(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte("# project\norganisation = \"Mekong Migration Network\"\n\nsite_titel = \"Briefs\"\nout = \"public\"\n"), 0o644)
	s, ds := Load(dir)
	if s.Organisation != "Mekong Migration Network" || s.Out != "public" || s.SiteTitle != Default().SiteTitle {
		t.Errorf("settings %+v", s)
	}
	if len(ds) != 1 || ds[0].Code != "unknown-key" || ds[0].Pos.Line != 4 || !strings.Contains(ds[0].Hint, "site_title") {
		t.Errorf("diagnostics %v, want unknown-key at line 4 suggesting site_title", ds)
	}
}

func TestOutStaysInsideTheProject(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte("out = \"../elsewhere\"\n"), 0o644)
	s, ds := Load(dir)
	if s.Out != "dist" || len(ds) != 1 || ds[0].Pos.Line != 1 {
		t.Errorf("settings %+v, diagnostics %v", s, ds)
	}
}

func TestBrokenFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte("organisation = \n"), 0o644)
	if _, ds := Load(dir); len(ds) != 1 || ds[0].Code != "toml-syntax" || ds[0].Pos.Line != 1 {
		t.Errorf("diagnostics %v", ds)
	}
}
