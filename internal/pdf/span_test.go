package pdf

import (
	"strings"
	"testing"
	"unicode"

	"github.com/mekong-briefs/briefs/fonts"
)

// TestPlanSpans checks, on real shaping output, what the viewer matrix
// (test/viewers) measured each client to need of a cluster drawn in a
// span: read in drawing order, the glyphs' texts spell the span's
// ActualText, and the run's texts spell the run; the first glyph has text
// without a nonspacing mark when the cluster has more than one glyph
// (pdf.js); glyphs without text come last (MuPDF); widths never go
// negative.
func TestPlanSpans(t *testing.T) {
	var w objWriter
	fs := newFontSet()
	spans := 0
	for _, ph := range append(phrases,
		phrase{"km", "ស្រុក និង ក្នុង ឆ្នាំ វិទ្យា ស្ពឺ ប្រាក់ បណ្ដាញ ពុម្ព"},
		phrase{"my", "ပြီး တွေ့ ဖြစ် ခေါ် ကြည့်"},
		phrase{"th", "ที่ เคลื่อน ผู้หญิง น้ำ"}) {
		pl := planOf(t, fs, &w, ph.lang, ph.text)
		var all strings.Builder
		at := 0
		for _, d := range pl.clusters {
			texts, widths := pl.texts[at:at+d.n], pl.widths[at:at+d.n]
			at += d.n
			var span strings.Builder
			textless := false
			for k, text := range texts {
				if widths[k] < 0 {
					t.Errorf("%s %s: glyph %d has width %g", ph.lang, d.span, k, widths[k])
				}
				if text == "\u200B" {
					textless = true
					continue
				}
				if textless && d.span != "" {
					t.Errorf("%s %s: a glyph with text %q follows one without", ph.lang, d.span, text)
				}
				span.WriteString(text)
			}
			all.WriteString(span.String())
			if d.span == "" {
				continue
			}
			spans++
			if textString(span.String()) != d.span {
				t.Errorf("%s: span texts spell %q, ActualText is %s", ph.lang, span.String(), d.span)
			}
			if first := texts[0]; len(texts) > 1 && strings.IndexFunc(first, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) >= 0 {
				t.Errorf("%s %s: the first glyph's text %q holds a nonspacing mark", ph.lang, d.span, first)
			}
		}
		if all.String() != ph.text {
			t.Errorf("%s: glyph texts spell %q, want %q", ph.lang, all.String(), ph.text)
		}
	}
	if spans < 10 {
		t.Errorf("only %d spans: the phrases no longer exercise them", spans)
	}
}

// TestSpaceThatEndsARunEndsItsSpan: a run that ends in a space after a
// span (the words before an emphasised one) draws the space inside that
// span, whose ActualText ends with it (spaceAfter): shown alone, PDFium
// dropped it and Chrome read the two words as one. A space before a
// span still begins that span (spaceBefore).
func TestSpaceThatEndsARunEndsItsSpan(t *testing.T) {
	var w objWriter
	fs := newFontSet()
	for _, text := range []string{"အလုပ်အကိုင်များသည် ", "ပြီး တွေ့ "} {
		pl := planOf(t, fs, &w, "my", text)
		last := pl.clusters[len(pl.clusters)-1]
		if last.span == "" || last.n < 2 || pl.texts[len(pl.texts)-1] != " " {
			t.Fatalf("%q: the last cluster is %+v with texts %q; want a span that ends with the space", text, last, pl.texts)
		}
		if !strings.HasSuffix(last.span, "0020>") { // UTF-16BE hex of the space, then the string's end
			t.Errorf("%q: the last span's ActualText %s does not end with the space", text, last.span)
		}
		at := 0
		for _, d := range pl.clusters {
			if d.span == "" && d.n == 1 && pl.texts[at] == " " {
				t.Errorf("%q: a space is drawn alone, outside the spans: %+v", text, pl.clusters)
			}
			at += d.n
		}
	}
}

// planOf shapes text in lang at 11.2 pt and plans its run as the writer
// draws it.
func planOf(t *testing.T, fs *fontSet, w *objWriter, lang, text string) planned {
	t.Helper()
	run := shapeRun(t, lang, text, fonts.Regular, 11.2, 0, 0)
	f, err := fs.use(w, run.Face)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := f.plan(&run)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}
