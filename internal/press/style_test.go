package press

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/settings"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestSettingsReachThePDF writes a briefs.toml into a copy of the samples,
// builds the Thai edition of a brief in the house style and in the
// project's, and reads the PDFs back: the page box is Letter, the accent
// is the fill colour operator of the title, the loopless body face chosen
// replaces the looped one, and the house values are gone. (Thai headings
// are in the loopless face in both.)
func TestSettingsReachThePDF(t *testing.T) {
	root := testkit.Samples(t)
	toml := "page_size = \"Letter\"\nmargins = \"20mm\"\naccent = \"#1f5c99\"\n\n[lang.th]\nbody_face = \"NotoSansThai\"\n"
	_, style := projectStyle(t, root, toml)
	house := pdfText(t, typesetSample(t, root, Style{}))
	project := pdfText(t, typesetSample(t, root, style))
	for _, c := range []struct{ what, in, out string }{
		{"the page box", "/MediaBox [0 0 612 792]", "/MediaBox [0 0 595.276 841.89]"},
		{"the accent", "0.122 0.361 0.6 rg", "0.05 0.33 0.47 rg"},
		{"the body face", "+NotoSansThai-Regular", "+NotoSerifThai-Regular"},
	} {
		if !strings.Contains(project, c.in) || strings.Contains(project, c.out) {
			t.Errorf("%s: the project's PDF must have %q and not %q", c.what, c.in, c.out)
		}
		if !strings.Contains(house, c.out) {
			t.Errorf("%s: the house PDF must have %q", c.what, c.out)
		}
	}
	if style.Digest() == (Style{}).Digest() {
		t.Error("the style does not change the cache key")
	}
}

// typesetSample typesets the Thai edition of jobs-in-sezs in a style.
func typesetSample(t *testing.T, root string, style Style) []byte {
	t.Helper()
	briefs, cat := loadProject(t, root)
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, br := range briefs {
		if br.ID != "jobs-in-sezs" {
			continue
		}
		doc, eds := content.Evaluate(br, cat, "th", "th")
		if eds.HasErrors() {
			t.Fatal(eds)
		}
		eng := NewEngine(set, linebreak.New(), false)
		style.Apply(eng)
		data, _, _, err := Typeset(eng, doc)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	t.Fatal("no brief jobs-in-sezs in the samples")
	return nil
}

var streamRE = regexp.MustCompile(`(?s)/FlateDecode[^>]*/Length (\d+)>>\nstream\n`)

// pdfText is the PDF with every Flate stream inflated in place: the page
// dictionaries and fonts are in object streams, the operators in content
// streams.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	var out strings.Builder
	rest := data
	for {
		m := streamRE.FindSubmatchIndex(rest)
		if m == nil {
			out.Write(rest)
			return out.String()
		}
		out.Write(rest[:m[1]])
		n := 0
		for _, c := range rest[m[2]:m[3]] {
			n = n*10 + int(c-'0')
		}
		z, err := zlib.NewReader(bytes.NewReader(rest[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(plain)
		rest = rest[m[1]+n:]
	}
}

// TestSettingsReachTheManuscript checks that native_digits and the logo
// of briefs.toml reach the evaluated document: the page numbers of a Thai
// edition in Thai digits, and the logo's bytes for the title block.
func TestSettingsReachTheManuscript(t *testing.T) {
	root := testkit.Samples(t)
	logo := filepath.Join(root, "briefs", "jobs-in-sezs")
	pngs, _ := filepath.Glob(filepath.Join(logo, "*.png"))
	if len(pngs) == 0 {
		t.Fatal("no PNG in the sample brief to use as a logo")
	}
	rel, _ := filepath.Rel(root, pngs[0])
	toml := "logo = \"" + filepath.ToSlash(rel) + "\"\n\n[lang.th]\nnative_digits = true\n"
	s, style := projectStyle(t, root, toml)
	briefs, _ := source.LoadAll(filepath.Join(root, "briefs"))
	cat, _ := catalog.Load(filepath.Join(root, "locales"))
	want, _ := os.ReadFile(pngs[0])
	for _, br := range briefs {
		if br.ID != "jobs-in-sezs" {
			continue
		}
		for _, lang := range []string{"th", "en"} {
			for _, st := range []Style{{}, style} {
				b := &Builder{Catalog: cat, Style: st}
				if st.NativeDigits != nil {
					b.Logo = filepath.Join(root, filepath.FromSlash(s.Logo))
				}
				plain := *br // without the fixture's own [masthead]
				plain.Masthead = nil
				doc, eds := b.evaluate(Job{Brief: &plain, Edition: "th", Lang: lang})
				if eds.HasErrors() {
					t.Fatal(eds)
				}
				folio := doc.Folio.Format(3, 5)
				native := st.NativeDigits != nil && lang == "th"
				if strings.Contains(folio, "๓") != native {
					t.Errorf("%s, native digits %v: page 3 is %q", lang, native, folio)
				}
				m := doc.Masthead
				if hasLogo := m != nil && m.Logo != nil && bytes.Equal(m.Logo.Data, want) && m.Logo.Format == "png"; hasLogo != (b.Logo != "") {
					t.Errorf("%s: logo in the masthead %v, want %v", lang, hasLogo, b.Logo != "")
				}
			}
		}
		return
	}
	t.Fatal("no brief jobs-in-sezs in the samples")
}

// projectStyle writes briefs.toml into root and loads it, failing on any
// finding, with the style it gives.
func projectStyle(t *testing.T, root, toml string) (settings.Settings, Style) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(root, settings.FileName), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	s, ds := settings.Load(root)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	return s, StyleOf(s)
}
