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
		run := shapeRun(t, ph.lang, ph.text, fonts.Regular, 11.2, 0, 0)
		f, err := fs.use(&w, run.Face)
		if err != nil {
			t.Fatal(err)
		}
		drawn, err := f.plan(&run)
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, d := range drawn {
			var span strings.Builder
			textless := false
			for k, text := range d.texts {
				if d.widths[k] < 0 {
					t.Errorf("%s %q: glyph %d has width %g", ph.lang, d.actual, k, d.widths[k])
				}
				if text == "\u200B" {
					textless = true
					continue
				}
				if textless && d.actual != "" {
					t.Errorf("%s %q: a glyph with text %q follows one without", ph.lang, d.actual, text)
				}
				span.WriteString(text)
			}
			all.WriteString(span.String())
			if d.actual == "" {
				continue
			}
			spans++
			if span.String() != d.actual {
				t.Errorf("%s: span texts spell %q, ActualText is %q", ph.lang, span.String(), d.actual)
			}
			if first := d.texts[0]; len(d.texts) > 1 && strings.IndexFunc(first, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) >= 0 {
				t.Errorf("%s %q: the first glyph's text %q holds a nonspacing mark", ph.lang, d.actual, first)
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
