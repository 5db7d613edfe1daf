package source

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/diag"
)

const goodBrief = `id = "b"
date = 2019-07-01
source_lang = "en"

[[edition]]
country = "region"
languages = ["en", "km"]

[[edition]]
country = "kh"
languages = ["en", "km"]
native_digits = ["km"]

[[block]]
type = "title"
msg = "title"

[[block]]
type = "paragraph"
msg = "kh.only"
editions = ["kh"]

[[block]]
type = "table"
columns = ["c1", "c2"]
rows = [["r1", "r2"]]
`

// write puts a brief.toml in a folder named b and returns its path.
func write(t *testing.T, body string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "b")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, "brief.toml")
	os.WriteFile(path, []byte(body), 0o644)
	return path
}

func TestLoadGoodBrief(t *testing.T) {
	b, ds := Load(write(t, goodBrief))
	if b == nil || len(ds) != 0 {
		t.Fatalf("Load: %v", ds)
	}
	if got := b.MessageIDs("region"); strings.Join(got, ",") != "edition.region,title,c1,c2,r1,r2" {
		t.Errorf("region messages = %v", got)
	}
	if got := b.MessageIDs("kh"); strings.Join(got, ",") != "edition.kh,title,kh.only,c1,c2,r1,r2" {
		t.Errorf("kh messages = %v", got)
	}
	e, _ := b.Edition("kh")
	if !e.UsesNativeDigits("km") || e.UsesNativeDigits("en") {
		t.Errorf("native digits of kh edition: %v", e.NativeDigits)
	}
	if b.Date.Year() != 2019 || b.Date.Month() != 7 {
		t.Errorf("date = %v", b.Date)
	}
}

// TestBadBriefs checks that each kind of bad input gets a diagnostic with
// its code, its line and column, and a hint.
func TestBadBriefs(t *testing.T) {
	for _, tc := range []struct {
		name, body, code string
		line, col        int
		hint             string
	}{
		{"broken TOML", "id = \"b\"\n[[edition]\ncountry = \"th\"\n", "toml-syntax", 2, 10, "close the table name"},
		{"invalid UTF-8", "id = \"b\"\n# caf\xe9\n", "utf8", 2, 6, "UTF-8"},
		{"unknown key", strings.Replace(goodBrief, `msg = "title"`, "msg = \"title\"\ncolour = \"red\"", 1), "unknown-key", 17, 1, "briefs man"},
		{"country code as language", strings.Replace(goodBrief, `["en", "km"]`, `["en", "kh"]`, 1), "unknown-language", 7, 1, `"km"`},
		{"unknown block type", strings.Replace(goodBrief, `type = "title"`, `type = "sidebar"`, 1), "block-type", 15, 1, "paragraph"},
		{"unknown edition", strings.Replace(goodBrief, `editions = ["kh"]`, `editions = ["la"]`, 1), "block-edition", 21, 1, "region, kh"},
		{"ragged table", strings.Replace(goodBrief, `[["r1", "r2"]]`, `[["r1"]]`, 1), "table-shape", 26, 9, "cell"}, // at the row
		{"wrong id", strings.Replace(goodBrief, `id = "b"`, `id = "c"`, 1), "brief-id", 1, 1, `id = "b"`},
		{"type error in the first of several blocks", strings.Replace(goodBrief, `msg = "title"`, "msg = 42", 1), "toml-type", 16, 1, "briefs man"},
		{"table where an array belongs", strings.Replace(goodBrief, `languages = ["en", "km"]`, "languages = { my = true }", 1), "toml-type", 7, 1, "briefs man"},
		{"text in a series' values", goodBrief + "\n[[block]]\ntype = \"chart\"\ncaption = \"c1\"\ncategories = [\"c1\", \"c2\"]\n[[block.series]]\nname = \"r1\"\nvalues = [\"NaN\", 3]\n", "toml-type", 28, 1, "briefs man"},
		{"a time, not a date", strings.Replace(goodBrief, "date = 2019-07-01", "date = 00:30:00", 1), "brief-date", 2, 1, "date = 2019-07-01"},
		{"a date with a time", strings.Replace(goodBrief, "date = 2019-07-01", "date = 2019-07-01T00:30:00+07:00", 1), "brief-date", 2, 1, "date = 2019-07-01"},
		{"a contact e-mail that is not an address", goodBrief + "\n[[block]]\ntype = \"contact\"\nname = \"c.name\"\nemail = \"info at example.org\"\n", "block-field", 31, 1, `email = "info@example.org"`},
		{"a NUL in a contact e-mail", goodBrief + "\n[[block]]\ntype = \"contact\"\nname = \"c.name\"\nemail = \"info@example.org\\u0000\"\n", "block-field", 31, 1, "alone"},
		{"alt on a table", strings.Replace(goodBrief, `columns = ["c1", "c2"]`, "alt = \"t.alt\"\ncolumns = [\"c1\", \"c2\"]", 1), "block-key", 25, 1, "figure and chart blocks"},
		{"a nested list", goodBrief + "\n[[block]]\ntype = \"list\"\nitems = [\"a\", [\"b\"]]\n", "toml-type", 30, 15, "lists do not nest"},
		{"width on a paragraph", strings.Replace(goodBrief, `msg = "kh.only"`, "msg = \"kh.only\"\nwidth = 0.5", 1), "block-key", 21, 1, "figure blocks"},
		{"key in upper case", strings.Replace(goodBrief, `msg = "title"`, "msg = \"title\"\nMSG = \"p1\"", 1), "unknown-key", 17, 1, `"msg" in lower case`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, ds := Load(write(t, tc.body))
			if b != nil {
				t.Errorf("Load accepted the brief")
			}
			for _, d := range ds {
				if d.Code == tc.code {
					if d.Pos.Line != tc.line || d.Pos.Col != tc.col {
						t.Errorf("%s at %d:%d, want %d:%d", tc.code, d.Pos.Line, d.Pos.Col, tc.line, tc.col)
					}
					if !strings.Contains(d.Hint, tc.hint) {
						t.Errorf("hint %q lacks %q", d.Hint, tc.hint)
					}
					return
				}
			}
			t.Errorf("no %s diagnostic in %v", tc.code, ds)
		})
	}
}

// TestEveryTypeErrorAtOnce: a brief with several values of the wrong
// type has each reported at its key in one run, not one per run.
func TestEveryTypeErrorAtOnce(t *testing.T) {
	body := strings.Replace(goodBrief, `languages = ["en", "km"]`, `languages = "en"`, 1)
	body = strings.Replace(body, `native_digits = ["km"]`, `native_digits = "km"`, 1)
	body = strings.Replace(body, `msg = "kh.only"`, `msg = 7`, 1)
	_, ds := Load(write(t, body))
	var at []int
	for _, d := range ds {
		if d.Code == "toml-type" {
			at = append(at, d.Pos.Line)
		}
	}
	if want := []int{7, 12, 20}; !slices.Equal(at, want) {
		t.Errorf("type errors at lines %v, want %v: %v", at, want, ds)
	}
}

// TestBadFigure checks that a damaged image and one with the wrong
// extension are errors at the figure's src.
func TestBadFigure(t *testing.T) {
	body := goodBrief + "\n[[block]]\ntype = \"figure\"\nsrc = \"chart.png\"\nalt = \"a\"\n"
	var jpg bytes.Buffer
	jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 4, 4)), nil)
	for name, data := range map[string][]byte{
		"damaged":         []byte("not an image"),
		"jpeg named .png": jpg.Bytes(),
	} {
		path := write(t, body)
		os.WriteFile(filepath.Join(filepath.Dir(path), "chart.png"), data, 0o644)
		b, ds := Load(path)
		if b != nil || len(ds) == 0 || ds[0].Code != "figure-format" || ds[0].Pos.Line != 30 {
			t.Errorf("%s: brief %v, diagnostics %v; want figure-format at line 30", name, b != nil, ds)
		}
	}
}

func TestTOMLHints(t *testing.T) {
	_, ds := Load(write(t, "id = \"b\nother = 1\n"))
	if len(ds) != 1 || !strings.Contains(ds[0].Hint, "string is not closed") || ds[0].Pos.Line != 1 {
		t.Errorf("unclosed string: %v", ds)
	}
}

// TestBriefWideNativeDigits checks that native_digits at the top of a
// brief applies to every edition.
func TestBriefWideNativeDigits(t *testing.T) {
	b, ds := Load(write(t, "native_digits = [\"km\"]\n"+goodBrief))
	if b == nil {
		t.Fatal(ds)
	}
	for _, e := range b.Editions {
		if !e.UsesNativeDigits("km") {
			t.Errorf("edition %s: Khmer digits not on", e.Country)
		}
	}
}

// TestMasthead checks the [masthead] table: its name counts among the
// messages an edition needs, and a table with nothing in it, a logo that
// is missing and an unknown key are errors at their own lines.
func TestMasthead(t *testing.T) {
	b, ds := Load(write(t, goodBrief+"\n[masthead]\nname = \"org\"\n"))
	if b == nil || len(ds) != 0 || b.Masthead == nil || b.Masthead.Name != "org" {
		t.Fatalf("Load: %v, masthead %+v", ds, b)
	}
	if got := b.MessageIDs("region"); len(got) < 2 || got[0] != "edition.region" || got[1] != "org" {
		t.Errorf("region messages = %v, want the edition's name, then the masthead's", got)
	}
	for body, want := range map[string]struct {
		code string
		line int
	}{
		"[masthead]\n\n":                                {"block-field", 1},
		"[masthead]\nlogo = \"missing.png\"\n":          {"figure-missing", 2},
		"[masthead]\nname = \"org\"\nlgo = \"x.png\"\n": {"unknown-key", 3},
	} {
		// The table comes after the brief's lines and a blank one.
		before := strings.Count(goodBrief, "\n") + 1
		_, ds := Load(write(t, goodBrief+"\n"+body))
		if len(ds) != 1 || ds[0].Code != want.code || ds[0].Pos.Line != before+want.line {
			t.Errorf("%q: diagnostics %v, want %s at line %d", body, ds, want.code, want.line)
		}
	}
}

// TestColumnStyles checks a table's column_styles: good ones are kept in
// column order; an unknown alignment, a width out of range, widths that
// leave no room and more styles than columns are errors at their keys.
func TestColumnStyles(t *testing.T) {
	table := "[[block]]\ntype = \"table\"\ncolumns = [\"c1\", \"c2\", \"c3\"]\nrows = [[\"a\", \"b\", \"c\"]]\n"
	b, ds := Load(write(t, goodBrief+"\n"+table+"column_styles = [{ width = 0.5 }, {}, { align = \"right\" }]\n"))
	if b == nil || len(ds) != 0 {
		t.Fatalf("Load: %v", ds)
	}
	got := b.Blocks[len(b.Blocks)-1].ColumnStyles
	if len(got) != 3 || got[0].Width != 0.5 || got[1] != (ColumnStyle{}) || got[2].Align != AlignRight {
		t.Errorf("column styles %+v", got)
	}
	before := strings.Count(goodBrief, "\n") + 1 + 4 // the brief, a blank line, the table's four lines
	for styles, want := range map[string]struct {
		code, msg string
		line      int
	}{
		"column_styles = [{ align = \"rigth\" }]\n":             {"block-field", `did you mean "right"?`, 1},
		"column_styles = [\n  {},\n  { width = 1.5 },\n]\n":     {"block-field", "out of range", 3},
		"column_styles = [{ width = 0.6 }, { width = 0.38 }]\n": {"block-field", "sum to 0.98", 1},
		"column_styles = [{}, {}, {}, {}]\n":                    {"table-shape", "4 column styles but 3 columns", 1},
		"column_styles = [{ align = \"left\", wdth = 0.2 }]\n":  {"unknown-key", `did you mean "width"?`, 1},
	} {
		_, ds := Load(write(t, goodBrief+"\n"+table+styles))
		if len(ds) != 1 || ds[0].Code != want.code || !strings.Contains(ds[0].Msg+ds[0].Hint, want.msg) || ds[0].Pos.Line != before+want.line {
			t.Errorf("%q: diagnostics %v, want %s %q at line %d", styles, ds, want.code, want.msg, before+want.line)
		}
	}
}

// TestFigureWidthZero: a figure's width = 0, written, is out of range like
// any width under 0.05; it meant "the measure's width" as if not given.
// Left out, the width is the measure's.
func TestFigureWidthZero(t *testing.T) {
	var photo bytes.Buffer
	if err := jpeg.Encode(&photo, image.NewGray(image.Rect(0, 0, 4, 4)), nil); err != nil {
		t.Fatal(err)
	}
	for extra, wantErr := range map[string]bool{"width = 0\n": true, "": false, "width = 0.5\n": false} {
		path := write(t, goodBrief+"\n[[block]]\ntype = \"figure\"\nsrc = \"photo.jpg\"\nalt = \"a\"\n"+extra)
		os.WriteFile(filepath.Join(filepath.Dir(path), "photo.jpg"), photo.Bytes(), 0o644)
		b, ds := Load(path)
		if got := ds.HasErrors(); got != wantErr {
			t.Errorf("%q: errors %v, want %v: %v", extra, got, wantErr, ds)
		}
		if !wantErr && b != nil && extra == "" && b.Blocks[len(b.Blocks)-1].Width != 1 {
			t.Errorf("no width: %g, want 1", b.Blocks[len(b.Blocks)-1].Width)
		}
	}
}

// TestOverResolvedFigure: a photo with far more pixels than its printed
// width shows (over 600 an inch) is warned with the size that prints the
// same; one at print resolution is not. Each PDF carries a figure whole.
func TestOverResolvedFigure(t *testing.T) {
	var photo bytes.Buffer
	if err := jpeg.Encode(&photo, image.NewGray(image.Rect(0, 0, 2400, 100)), nil); err != nil {
		t.Fatal(err)
	}
	for width, warned := range map[string]bool{"0.5": true, "1": false} {
		path := write(t, goodBrief+"\n[[block]]\ntype = \"figure\"\nsrc = \"photo.jpg\"\nalt = \"a\"\nwidth = "+width+"\n")
		os.WriteFile(filepath.Join(filepath.Dir(path), "photo.jpg"), photo.Bytes(), 0o644)
		_, ds := Load(path)
		got := false
		for _, d := range ds {
			got = got || d.Code == "figure-resolution" && d.Severity == diag.Warning && strings.Contains(d.Hint, "1125 pixels across") && d.Pos.Line > 1
		}
		if ds.HasErrors() || got != warned {
			t.Errorf("width %s: %v; want a warning %v", width, ds, warned)
		}
	}
}

// TestFolderRenamedToABadID: a brief's folder renamed to a name no ID may
// have (upper case) is to be renamed back, not the id set to it (which
// would warn of the id and lose the catalogues named after it).
func TestFolderRenamedToABadID(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Jobs-in-SEZs")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, "brief.toml")
	os.WriteFile(path, []byte(strings.Replace(goodBrief, `id = "b"`, `id = "jobs-in-sezs"`, 1)), 0o644)
	_, ds := Load(path)
	for _, d := range ds {
		if d.Code == "brief-id" {
			if !strings.Contains(d.Hint, "git mv briefs/Jobs-in-SEZs briefs/jobs-in-sezs") {
				t.Errorf("hint %q; want the folder renamed back", d.Hint)
			}
			return
		}
	}
	t.Errorf("no brief-id finding in %v", ds)
}

// TestFindIDSkipsTheType: a block whose message is named after its type
// (type = "title", msg = "title", as briefs new writes it) names the
// message on its msg line.
func TestFindIDSkipsTheType(t *testing.T) {
	lines := []string{"[[block]]", `type = "title"`, `msg = "title"`, "", "[[block]]", `type = "list"`, "items = [", `  "title",`, "]"}
	if i, at, ok := FindID(lines, 1, "title"); !ok || i != 2 || at != 6 {
		t.Errorf("FindID = %d, %d, %v; want line index 2 at byte 6", i, at, ok)
	}
	if i, _, ok := FindID(lines, 5, "title"); !ok || i != 7 {
		t.Errorf("FindID in the list = %d, %v; want line index 7", i, ok)
	}
}
