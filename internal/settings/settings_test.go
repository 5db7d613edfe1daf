package settings

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDefaultsWithoutFile(t *testing.T) {
	s, ds := Load(t.TempDir())
	if len(ds) != 0 || !reflect.DeepEqual(s, Default()) {
		t.Errorf("settings %+v, diagnostics %v", s, ds)
	}
	if s.Page.Name != "A4" || s.Accent != nil || s.Logo != "" {
		t.Errorf("defaults %+v: want A4, the house accent and no logo", s)
	}
}

func TestSettingsAndUnknownKey(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, FileName, "# project\norganisation = \"Mekong Migration Network\"\n\nsite_titel = \"Briefs\"\nout = \"public\"\n")
	s, ds := Load(dir)
	if s.Organisation != "Mekong Migration Network" || s.Out != "public" || s.SiteTitle != Default().SiteTitle {
		t.Errorf("settings %+v", s)
	}
	if len(ds) != 1 || ds[0].Code != "unknown-key" || ds[0].Pos.Line != 4 || !strings.Contains(ds[0].Hint, "site_title") {
		t.Errorf("diagnostics %v, want unknown-key at line 4 suggesting site_title", ds)
	}
}

// pixel is a 1×1 PNG, for the logo.
func pixel(t *testing.T) string {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestEverySetting(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "assets/logo.png", pixel(t))
	write(t, dir, FileName, `logo = "assets/logo.png"
accent = "#1f5c99"
page_size = "letter"
margins = { top = "0.75in", bottom = "25mm" }

[lang.th]
body_face = "NotoSansThai"
heading_face = "NotoSerifThai"
body_size = 11
native_digits = true

[lang.km]
body_size = 11.5
`)
	s, ds := Load(dir)
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if s.Logo != "assets/logo.png" || *s.Accent != (Color{0x1f, 0x5c, 0x99}) || s.Page.Name != "Letter" || s.Page.Width != 612 {
		t.Errorf("settings %+v (accent %v)", s, s.Accent)
	}
	want := Margins{Top: 54, Right: DefaultMargins.Right, Bottom: 25 * 72 / 25.4, Left: DefaultMargins.Left}
	if math.Abs(s.Margins.Bottom-want.Bottom) > 1e-9 || s.Margins.Top != want.Top || s.Margins.Left != want.Left {
		t.Errorf("margins %+v, want %+v", s.Margins, want)
	}
	th := Lang{BodyFace: "NotoSansThai", HeadingFace: "NotoSerifThai", BodySize: 11, NativeDigits: true}
	if s.Langs["th"] != th || s.Langs["km"] != (Lang{BodySize: 11.5}) {
		t.Errorf("languages %+v", s.Langs)
	}
}

func TestParseLengthAndColor(t *testing.T) {
	for in, want := range map[string]float64{"20mm": 20 * 72 / 25.4, "2cm": 20 * 72 / 25.4, "1in": 72, " 54 pt ": 54, "0.5in": 36} {
		if got, err := ParseLength(in); err != nil || math.Abs(got-want) > 1e-9 {
			t.Errorf("ParseLength(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"20", "mm", "-3mm", "20 px", "1e3mm"} {
		if _, err := ParseLength(bad); err == nil {
			t.Errorf("ParseLength(%q) succeeded", bad)
		}
	}
	if c, err := ParseColor("#1F5C99"); err != nil || c != (Color{0x1f, 0x5c, 0x99}) {
		t.Errorf("ParseColor: %v %v", c, err)
	}
	if c, err := ParseColor("#fa0"); err != nil || c != (Color{0xff, 0xaa, 0x00}) {
		t.Errorf("ParseColor short: %v %v", c, err)
	}
	for _, bad := range []string{"1f5c99", "#1f5c9", "#ggg", "blue", "#1f5c99aa"} {
		if _, err := ParseColor(bad); err == nil {
			t.Errorf("ParseColor(%q) succeeded", bad)
		}
	}
}

// TestBadSettings loads each testdata/*.txtar project (a briefs.toml
// with mistakes, and the files it names) and compares the diagnostics
// with the archive's want section, one per line. Every mistake must be
// placed at its line and keep its default. go test ./internal/settings
// -update rewrites the want sections.
func TestBadSettings(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			dir := t.TempDir()
			wantAt := -1
			for i, f := range a.Files {
				if f.Name == "want" {
					wantAt = i
					continue
				}
				write(t, dir, f.Name, string(f.Data))
			}
			s, ds := Load(dir)
			var got strings.Builder
			for _, d := range ds {
				got.WriteString(strings.ReplaceAll(d.String(), dir+string(filepath.Separator), "") + "\n")
				if d.Pos.Line < 1 || d.Pos.Col < 1 {
					t.Errorf("unplaced diagnostic %v", d)
				}
			}
			if len(ds) == 0 {
				t.Errorf("no diagnostics: the fixture must have a mistake")
			}
			if s.Page.Width == 0 || s.Margins.Top == 0 || s.Out == "" {
				t.Errorf("a mistake left no default: %+v", s)
			}
			if *update {
				if wantAt < 0 {
					a.Files = append(a.Files, txtar.File{Name: "want"})
					wantAt = len(a.Files) - 1
				}
				a.Files[wantAt].Data = []byte(got.String())
				if err := os.WriteFile(p, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantAt < 0 {
				t.Fatal("no want section; run go test ./internal/settings -update")
			}
			if want := string(a.Files[wantAt].Data); got.String() != want {
				t.Errorf("diagnostics differ (go test ./internal/settings -update to accept):\n--- got\n%s--- want\n%s", got.String(), want)
			}
		})
	}
}

// TestLogoLinkLeavingTheProject refuses a logo that is a symlink to a
// file outside the project.
func TestLogoLinkLeavingTheProject(t *testing.T) {
	outside, dir := t.TempDir(), t.TempDir()
	write(t, outside, "logo.png", pixel(t))
	if err := os.Symlink(filepath.Join(outside, "logo.png"), filepath.Join(dir, "logo.png")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	write(t, dir, FileName, "logo = \"logo.png\"\n")
	s, ds := Load(dir)
	if s.Logo != "" || len(ds) != 1 || !strings.Contains(ds[0].Msg, "outside the project") || ds[0].Pos.Line != 1 {
		t.Errorf("logo %q, diagnostics %v", s.Logo, ds)
	}
}

// TestOutThatIsAFile: out naming a file of the project (out =
// "briefs.toml") is a finding at the key, where check passed and build
// stopped with no position.
func TestOutThatIsAFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "briefs.toml", "organisation = \"MMN\"\nout = \"briefs.toml\"\n")
	s, ds := Load(dir)
	if len(ds) != 1 || ds[0].Pos.Line != 2 || !strings.Contains(ds[0].Msg, "is a file") || s.Out != Default().Out {
		t.Errorf("out = briefs.toml: %v, out %q; want one finding at line 2 and the default kept", ds, s.Out)
	}
}
