package pdf

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// phrase is a sample line in one language.
type phrase struct {
	lang string
	text string
}

var phrases = []phrase{
	{"km", "ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី"},
	{"my", "မြန်မာနိုင်ငံ ရွှေ့ပြောင်းလုပ်သား"},
	{"th", "แรงงานข้ามชาติ ที่นั่น"},
	{"vi", "Người lao động di cư"},
	{"en", "Jobs in SEZs"},
}

var scripts = map[string]language.Script{
	"km": language.Khmer, "my": language.Myanmar, "th": language.Thai,
	"vi": language.Latin, "en": language.Latin,
}

var (
	fontSetOnce sync.Once
	testFonts   *fonts.Set
	testFontErr error
)

func loadFonts(t testing.TB) *fonts.Set {
	t.Helper()
	fontSetOnce.Do(func() { testFonts, testFontErr = fonts.Load() })
	if testFontErr != nil {
		t.Fatal(testFontErr)
	}
	return testFonts
}

// shapeRun shapes text as the pipeline's shape stage would: at size = upem,
// then scaled to points, with rune cluster indices turned into byte offsets.
func shapeRun(t testing.TB, lang, text string, style fonts.Style, size, x, y float64) pages.GlyphRun {
	t.Helper()
	face := loadFonts(t).For(scripts[lang], style)
	runes := []rune(text)
	byteAt := make([]int, len(runes)+1)
	for i, r := range runes {
		byteAt[i+1] = byteAt[i] + len(string(r))
	}
	out := (&shaping.HarfbuzzShaper{}).Shape(shaping.Input{
		Text: runes, RunStart: 0, RunEnd: len(runes),
		Direction: di.DirectionLTR, Face: face.Font,
		Size:     fixed.I(int(face.Upem)),
		Script:   scripts[lang],
		Language: language.NewLanguage(lang),
	})
	unit := size / (64 * face.Upem)
	run := pages.GlyphRun{Face: face, Size: size, X: x, Y: y, Role: pages.RoleParagraph, Text: text}
	for _, g := range out.Glyphs {
		run.Glyphs = append(run.Glyphs, pages.Glyph{
			ID:       uint16(g.GlyphID),
			XAdvance: float64(g.Advance) * unit,
			XOffset:  float64(g.XOffset) * unit,
			YOffset:  float64(g.YOffset) * unit,
			Cluster:  byteAt[g.TextIndex()],
		})
	}
	return run
}

const a4W, a4H = 595.276, 841.89

// sampleDoc sets every phrase on a line of its own, in regular and then
// bold, with a table fill, a rule, two images, a link and an outline.
func sampleDoc(t testing.TB) *pages.Document {
	t.Helper()
	p := pages.Page{Width: a4W, Height: a4H}
	y := 80.0
	for _, style := range []fonts.Style{fonts.Regular, fonts.Bold} {
		for _, ph := range phrases {
			run := shapeRun(t, ph.lang, ph.text, style, 16, 56, y)
			run.Color = pages.Color{R: 0.1, G: 0.2, B: 0.45}
			p.Runs = append(p.Runs, run)
			y += 40
		}
	}
	p.Rects = []pages.Rect{
		{X: 50, Y: 50, W: 300, H: 20, Fill: &pages.Color{R: 0.9, G: 0.93, B: 0.97}},
		{X: 50, Y: y, W: 495, H: 0, Stroke: &pages.Color{R: 0.5, G: 0.5, B: 0.5}, LineWidth: 0.5},
	}
	p.Images = []pages.Image{
		{X: 56, Y: y + 20, W: 80, H: 60, Data: testPNG(t, true), Format: "png", Alt: "gradient"},
		{X: 150, Y: y + 20, W: 80, H: 60, Data: testJPEG(t), Format: "jpeg", Alt: "photo"},
		{X: 250, Y: y + 20, W: 80, H: 60, Data: testPNG(t, true), Format: "png", Alt: "same gradient"},
	}
	p.Links = []pages.Link{{X: 56, Y: 360, W: 120, H: 20, URI: "https://example.org/ព្រះ?a=(b)"}}

	p2 := pages.Page{Width: a4W, Height: a4H}
	p2.Runs = append(p2.Runs, shapeRun(t, "en", "Page two", fonts.Regular, 11, 56, 80))
	return &pages.Document{
		Lang:     "km",
		Title:    "ការងារនៅតំបន់សេដ្ឋកិច្ចពិសេស",
		Author:   "Mekong Migration Network",
		Subject:  "Jobs in SEZs",
		Keywords: "SEZ, migration",
		Date:     time.Date(2019, 3, 1, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600)),
		Pages:    []pages.Page{p, p2},
		Outline: []pages.Heading{
			{Title: "ព្រះរាជាណាចក្រកម្ពុជា", Level: 1, Page: 0, Y: 64},
			{Title: "Thai", Level: 2, Page: 0, Y: 144},
			{Title: "Page two", Level: 1, Page: 1, Y: 68},
		},
	}
}

func testPNG(t testing.TB, alpha bool) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 32, 24))
	for y := 0; y < 24; y++ {
		for x := 0; x < 32; x++ {
			a := uint8(255)
			if alpha {
				a = uint8(x * 8)
			}
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 8), uint8(y * 10), 128, a})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testJPEG(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for y := 0; y < 30; y++ {
		for x := 0; x < 40; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 6), 100, uint8(y * 8), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// writeTemp writes doc to a file in a temporary directory. With
// PDF_TEST_KEEP set to a directory, a copy is kept there for inspection.
func writeTemp(t *testing.T, doc *pages.Document, name string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("PDF_TEST_KEEP"); keep != "" {
		if err := os.WriteFile(filepath.Join(keep, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// tool returns the path of an external program, skipping the test when it
// is not installed.
func tool(t *testing.T, name string) string {
	t.Helper()
	return testkit.Need(t, name)
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func execOutput(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).CombinedOutput()
	return string(out), err
}

// inflateStreams returns the decoded data of every Flate stream in pdf.
func inflateStreams(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	re := regexp.MustCompile(`(?s)/FlateDecode[^>]*>>\nstream\n(.*?)\nendstream`)
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		z, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// objectsText returns the file with every Flate stream inflated after it,
// object streams included, so that tests can look for dictionary entries
// wherever the writer packs them.
func objectsText(t *testing.T, pdf []byte) []byte {
	t.Helper()
	return []byte(string(pdf) + "\n" + strings.Join(inflateStreams(t, pdf), "\n"))
}
