package pdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strconv"
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
	// Digits 0-9 (glyphs 19-28 in Noto Sans) share one width; codes
	// follow first use.
	for g := uint16(19); g <= 28; g++ {
		f.mappedCode(g, string(rune('0'+g-19)), f.width(g))
	}
	f.mappedCode(36, "A", f.width(36))
	f.mappedCode(37, "B", f.width(37))
	f.mappedCode(60, "Y", f.width(60))
	got := f.widths()
	want := "[1 10 572 11 [639 650 566]]"
	if got != want {
		t.Errorf("W = %s, want %s", got, want)
	}
}

// TestShare checks how a cluster's text is shared among its glyphs on
// real shaping output: read in drawing order, the glyphs' texts spell the
// cluster, drawing order is visual order, and each glyph has text or is a
// surplus glyph.
func TestShare(t *testing.T) {
	var w objWriter
	fs := newFontSet()
	for _, ph := range append(phrases, phrase{"km", "លើកោះ ក្រុមហ៊ុន"}, phrase{"th", "สำนักงาน"}, phrase{"en", "office fifty"}) {
		run := shapeRun(t, ph.lang, ph.text, fonts.Regular, 10, 0, 0)
		f, err := fs.use(&w, run.Face)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := clusters(&run, new(planScratch))
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, c := range cs {
			order, texts := share(run.Glyphs[c.start:c.end], c.text, f.nominal)
			for k, i := range order {
				if k > 0 && i < order[k-1] {
					t.Errorf("%s %q: drawing order %v is not visual order", ph.lang, c.text, order)
				}
				all.WriteString(texts[i])
			}
		}
		if all.String() != ph.text {
			t.Errorf("%s: glyph texts spell %q, want %q", ph.lang, all.String(), ph.text)
		}
	}
	// A ligature maps to its whole string.
	run := shapeRun(t, "en", "fi", fonts.Regular, 10, 0, 0)
	f, _ := fs.use(&w, run.Face)
	if _, texts := share(run.Glyphs, run.Text, f.nominal); len(run.Glyphs) != 1 || texts[0] != "fi" {
		t.Errorf("fi: %d glyphs, texts %q", len(run.Glyphs), texts)
	}
}

func TestToUnicodeCMap(t *testing.T) {
	got := string(toUnicodeCMap([]string{"", "b", " ", "\U0001F600"}))
	want := "3 beginbfchar\n<0001> <0062>\n<0002> <0020>\n<0003> <D83DDE00>\nendbfchar"
	if !strings.Contains(got, want) {
		t.Errorf("CMap lacks %q:\n%s", want, got)
	}
	if got := mappable("a\x00b\uFEFFc\uFFFE"); got != "ab\u2060c" {
		t.Errorf("mappable = %q", got)
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

// TestDatesAreUTC checks that the document's date is written with its
// calendar fields in UTC whatever its zone, and that SOURCE_DATE_EPOCH,
// when set, is the modification date, never one before the creation.
func TestDatesAreUTC(t *testing.T) {
	d := sampleDoc(t)
	d.Date = time.Date(2019, 7, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	t.Setenv("SOURCE_DATE_EPOCH", "")
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	raw := objectsText(t, b.Bytes())
	for _, want := range []string{"/CreationDate (D:20190701000000Z) /ModDate (D:20190701000000Z)",
		"<xmp:CreateDate>2019-07-01T00:00:00Z</xmp:CreateDate>"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1577836800") // 2020-01-01T00:00:00Z
	b.Reset()
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	raw = objectsText(t, b.Bytes())
	for _, want := range []string{"/ModDate (D:20200101000000Z)", "<xmp:ModifyDate>2020-01-01T00:00:00Z</xmp:ModifyDate>"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("with SOURCE_DATE_EPOCH, PDF lacks %s", want)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1500000000") // 2017-07-14, before the brief's date
	b.Reset()
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	if raw = objectsText(t, b.Bytes()); !bytes.Contains(raw, []byte("/CreationDate (D:20190701000000Z) /ModDate (D:20190701000000Z)")) {
		t.Error("with SOURCE_DATE_EPOCH before the brief's date, the PDF is not modified on the day it was created")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if err := Write(&b, d); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
		t.Errorf("a bad SOURCE_DATE_EPOCH gave %v", err)
	}
}

// TestXMPPacket checks the packet of the sample document: well-formed,
// with the identification schemas and the Info values.
func TestXMPPacket(t *testing.T) {
	d := sampleDoc(t)
	when, err := documentDates(d)
	if err != nil {
		t.Fatal(err)
	}
	p := xmpPacket(d, when)
	dec := xml.NewDecoder(bytes.NewReader(p))
	for {
		if _, err := dec.Token(); err != nil {
			if err != io.EOF {
				t.Fatalf("XMP is not well-formed: %v", err)
			}
			break
		}
	}
	for _, want := range []string{"<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>",
		"<pdfuaid:part>1</pdfuaid:part>", `<rdf:li xml:lang="x-default">` + d.Title, "<rdf:li>Mekong Migration Network</rdf:li>",
		"<pdf:Keywords>SEZ, migration</pdf:Keywords>", "<dc:language><rdf:Bag><rdf:li>km</rdf:li>"} {
		if !bytes.Contains(p, []byte(want)) {
			t.Errorf("XMP lacks %s", want)
		}
	}
}

// TestXMPTitleReadOnce reads dc:title as pdf.js does (the text of the
// whole element, MetadataParser), which Firefox's viewer shows in its
// title bar instead of Info's Title: it must be the title once, not once
// per language alternative.
func TestXMPTitleReadOnce(t *testing.T) {
	d := sampleDoc(t)
	when, err := documentDates(d)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(xmpPacket(d, when)))
	var title strings.Builder
	depth := 0 // inside dc:title
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth > 0 || tok.Name.Local == "title" {
				depth++
			}
		case xml.EndElement:
			if depth > 0 {
				depth--
			}
		case xml.CharData:
			if depth > 0 {
				title.Write(tok)
			}
		}
	}
	if got := strings.TrimSpace(title.String()); got != d.Title {
		t.Errorf("dc:title reads %q in pdf.js, want %q", got, d.Title)
	}
}

// TestPageLabels: pages labelled in native digits give one /PageLabels
// range each, the label as its prefix in UTF-16 (ISO 32000-1, 12.4.2);
// pages without labels give no entry.
func TestPageLabels(t *testing.T) {
	got := pageLabels([]pages.Page{{Label: "១"}, {Label: "២"}})
	if got != " /PageLabels <</Nums [0 <</P <FEFF17E1>>> 1 <</P <FEFF17E2>>>]>>" {
		t.Errorf("labels: %q", got)
	}
	if got := pageLabels([]pages.Page{{}, {}}); got != "" {
		t.Errorf("no labels: %q", got)
	}
}

// TestSourceDate: SOURCE_DATE_EPOCH is decimal digits alone, within the
// years a PDF date can hold (1970..9999); any other value is an error that
// names the variable and the value and says what to write.
func TestSourceDate(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want time.Time // zero: an error
	}{
		{"0", time.Unix(0, 0).UTC()},
		{"1577836800", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"253402300799", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)},
		{"abc", time.Time{}},
		{" 1700000000", time.Time{}},
		{"1700000000\n", time.Time{}},
		{"+1700000000", time.Time{}},
		{"1700000000.5", time.Time{}},
		{"-5", time.Time{}},
		{"253402300800", time.Time{}},
		{"99999999999999", time.Time{}},
		{"99999999999999999999999", time.Time{}},
	} {
		t.Setenv(SourceDateEpoch, tc.v)
		got, ok, err := SourceDate()
		if tc.want.IsZero() {
			if err == nil {
				t.Errorf("%q: accepted as %v", tc.v, got)
			} else if msg := err.Error(); !strings.Contains(msg, "SOURCE_DATE_EPOCH="+strconv.Quote(tc.v)) || !strings.Contains(msg, "9999") {
				t.Errorf("%q: error %q names neither the value nor the range", tc.v, msg)
			}
			continue
		}
		if err != nil || !ok || !got.Equal(tc.want) {
			t.Errorf("%q: got %v, %v, %v; want %v", tc.v, got, ok, err, tc.want)
		}
	}
	t.Setenv(SourceDateEpoch, "")
	if _, ok, err := SourceDate(); ok || err != nil {
		t.Errorf("empty: ok %v, err %v; want unset", ok, err)
	}
}

// TestWriteRefusesDatesPastYear9999: an epoch a PDF date cannot hold
// fails the writer instead of writing year 3170843 into /ModDate and XMP.
func TestWriteRefusesDatesPastYear9999(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "99999999999999")
	err := Write(&bytes.Buffer{}, sampleDoc(t))
	if err == nil || strings.Count(err.Error(), "write pdf: ") != 1 {
		t.Errorf("got %v, want one write pdf: error", err)
	}
}

// TestLinkDescription: a link annotation's /Contents gives its words and
// target, or the target alone where the words only repeat it.
func TestLinkDescription(t *testing.T) {
	for _, tc := range []struct{ text, uri, want string }{
		{"the report", "https://example.org/r", "the report (https://example.org/r)"},
		{"https://example.org/r", "https://example.org/r", "https://example.org/r"},
		{"example.org/r", "https://example.org/r", "https://example.org/r"},
		{"info@example.org", "mailto:info@example.org", "mailto:info@example.org"},
		{"", "https://example.org", "https://example.org"},
		{"  ILO  ", "https://ilo.org", "ILO (https://ilo.org)"},
	} {
		if got := linkDescription(pages.Link{Text: tc.text, URI: tc.uri}); got != tc.want {
			t.Errorf("%q → %q: %q, want %q", tc.text, tc.uri, got, tc.want)
		}
	}
}
