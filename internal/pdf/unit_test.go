package pdf

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// TestBadInput checks that malformed documents give wrapped errors, never
// panics or broken files.
func TestBadInput(t *testing.T) {
	cases := map[string]func(d *pages.Document){
		"no pages":        func(d *pages.Document) { d.Pages = nil },
		"glyph too large": func(d *pages.Document) { d.Pages[0].Runs[0].Glyphs[0].ID = 0xFFFF },
		"cluster outside": func(d *pages.Document) { d.Pages[0].Runs[0].Glyphs[0].Cluster = 1000 },
		"cluster mid-rune": func(d *pages.Document) {
			d.Pages[0].Runs[0].Glyphs[1].Cluster = 1 // inside the first Khmer letter
		},
		"no face":        func(d *pages.Document) { d.Pages[0].Runs[0].Face = nil },
		"zero size":      func(d *pages.Document) { d.Pages[0].Runs[0].Size = 0 },
		"NaN offset":     func(d *pages.Document) { d.Pages[0].Runs[0].Glyphs[2].XOffset = math.NaN() },
		"bad png":        func(d *pages.Document) { d.Pages[0].Images[0].Data = []byte("not a png") },
		"bad jpeg":       func(d *pages.Document) { d.Pages[0].Images[1].Data = []byte{0xFF, 0xD8, 0} },
		"unknown format": func(d *pages.Document) { d.Pages[0].Images[0].Format = "gif" },
		"page size":      func(d *pages.Document) { d.Pages[1].Height = 0 },
		"heading page":   func(d *pages.Document) { d.Outline[0].Page = 7 },
		"empty link":     func(d *pages.Document) { d.Pages[0].Links[0].URI = "" },
		"broken font": func(d *pages.Document) {
			f := *d.Pages[0].Runs[0].Face
			f.Data = f.Data[:100]
			d.Pages[0].Runs[0].Face = &f
		},
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			d := sampleDoc(t)
			spoil(d)
			var b bytes.Buffer
			err := Write(&b, d)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "write pdf: ") {
				t.Errorf("error %q lacks the layer prefix", err)
			}
		})
	}
	if err := Write(&bytes.Buffer{}, nil); err == nil {
		t.Error("nil document accepted")
	}
}

func TestWriteErrorPropagates(t *testing.T) {
	want := errors.New("disk full")
	if err := Write(failWriter{want}, sampleDoc(t)); !errors.Is(err, want) {
		t.Errorf("got %v, want it to wrap %v", err, want)
	}
}

type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

func TestWidthsCompact(t *testing.T) {
	face := loadFonts(t).For(scripts["en"], fonts.Regular)
	var w objWriter
	fs := newFontSet()
	f, err := fs.use(&w, face)
	if err != nil {
		t.Fatal(err)
	}
	// Digits 0-9 (glyphs 19-28 in Noto Sans) share one width.
	var gids []uint16
	for g := uint16(19); g <= 28; g++ {
		gids = append(gids, g)
	}
	gids = append(gids, 36, 37, 60)
	got := f.widths(gids)
	want := "[19 28 572 36 [639 650] 60 [566]]"
	if got != want {
		t.Errorf("W = %s, want %s", got, want)
	}
}

// TestSpans checks the ActualText decision of DESIGN fact 4 on real
// shaping output.
func TestSpans(t *testing.T) {
	var w objWriter
	fs := newFontSet()
	spansOf := func(lang, text string) ([]span, *fontRes) {
		run := shapeRun(t, lang, text, fonts.Regular, 10, 0, 0)
		f, err := fs.use(&w, run.Face)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.spans(&run)
		if err != nil {
			t.Fatal(err)
		}
		return s, f
	}

	s, f := spansOf("en", "Jobs in SEZs")
	if len(s) != 1 || s[0].actual {
		t.Errorf("English needs no ActualText: %+v", s)
	}
	if len(f.unicode) != 10 { // J o b s space i n S E Z
		t.Errorf("ToUnicode has %d entries: %v", len(f.unicode), f.unicode)
	}

	s, _ = spansOf("km", "ស្ត្រី")
	if len(s) != 1 || !s[0].actual || s[0].text != "ស្ត្រី" {
		t.Errorf("Khmer stacked cluster: %+v", s)
	}

	// Thai: the marks of ที่ are positioned with offsets, so the cluster
	// needs ActualText although its glyphs are 1:1.
	s, _ = spansOf("th", "ที่")
	if len(s) != 1 || !s[0].actual {
		t.Errorf("Thai marks with offsets: %+v", s)
	}

	// Every byte of text is covered exactly once.
	for _, ph := range phrases {
		run := shapeRun(t, ph.lang, ph.text, fonts.Regular, 10, 0, 0)
		cs, err := clusters(&run)
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, c := range cs {
			all.WriteString(c.text)
		}
		if all.String() != ph.text {
			t.Errorf("%s clusters give %q", ph.lang, all.String())
		}
	}
}

func TestToUnicodeCMap(t *testing.T) {
	m := map[uint16]string{0x41: "b", 3: " ", 0x2000: "\U0001F600"}
	got := string(toUnicodeCMap(m))
	for _, want := range []string{"3 beginbfchar\n<0003> <0020>\n<0041> <0062>\n<2000> <D83DDE00>\nendbfchar"} {
		if !strings.Contains(got, want) {
			t.Errorf("CMap lacks %q:\n%s", want, got)
		}
	}
}

func TestNoDateWithoutDate(t *testing.T) {
	d := sampleDoc(t)
	d.Date = time.Time{}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Bytes(), []byte("Date")) {
		t.Error("dates written for a zero Date")
	}
}

func TestSyntax(t *testing.T) {
	for in, want := range map[float64]string{0: "0", -0.0001: "0", 1.5: "1.5", 841.89: "841.89", 2.0 / 3: "0.667", -12: "-12"} {
		if got := num(in, 3); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
	if got := textString("a(b)\\"); got != `(a\(b\)\\)` {
		t.Errorf("textString = %s", got)
	}
	if got := textString("ក"); got != "<FEFF1780>" {
		t.Errorf("textString = %s", got)
	}
	if got := pdfName("A B#(x)"); got != "/A#20B#23#28x#29" {
		t.Errorf("pdfName = %s", got)
	}
	utc := time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC)
	if got := date(utc); got != "D:20190301000000Z" {
		t.Errorf("date = %s", got)
	}
	if got := date(utc.In(time.FixedZone("", -(3*3600 + 30*60)))); got != "D:20190228203000-03'30'" {
		t.Errorf("date = %s", got)
	}
}

// TestClonedFacesShareOneFont checks that faces from fonts.Set.Clone, which
// share the font file, are embedded once.
func TestClonedFacesShareOneFont(t *testing.T) {
	d := sampleDoc(t)
	f := *d.Pages[0].Runs[0].Face // a copy, as Clone makes
	d.Pages[1].Runs[0] = d.Pages[0].Runs[0]
	d.Pages[1].Runs[0].Face = &f
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(objectsText(t, b.Bytes()), []byte("/Subtype /Type0")); n != 8 {
		t.Errorf("%d Type0 fonts, want 8", n)
	}
}
