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

// TestLogo checks the masthead logo: a PNG or JPEG inside the project is
// kept; one outside it, of another format or missing is an error at its
// line, and the masthead goes without it.
func TestLogo(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	os.WriteFile(filepath.Join(dir, "assets", "logo.png"), []byte("a PNG's bytes are read at build"), 0o644)
	for body, want := range map[string]string{
		"logo = \"assets/logo.png\"\n":        "",
		"\nlogo = \"../logo.png\"\n":          "not a file inside the project",
		"\nlogo = \"assets/logo.gif\"\n":      "not PNG or JPEG",
		"\nlogo = \"assets/missing.png\"\n":   "cannot be found",
		"\nlogo = \"/etc/assets/logo.png\"\n": "not a file inside the project",
	} {
		os.WriteFile(filepath.Join(dir, FileName), []byte(body), 0o644)
		s, ds := Load(dir)
		switch {
		case want == "" && (len(ds) != 0 || s.Logo != "assets/logo.png"):
			t.Errorf("%q: settings %+v, diagnostics %v", body, s, ds)
		case want != "" && (len(ds) != 1 || !strings.Contains(ds[0].Msg, want) || ds[0].Pos.Line != 2 || s.Logo != ""):
			t.Errorf("%q: settings %+v, diagnostics %v, want %q at line 2", body, s, ds, want)
		}
	}
}
