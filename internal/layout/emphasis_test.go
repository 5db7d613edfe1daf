package layout

import (
	"math"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// TestEmphasisPerScript sets a paragraph with emphasis and a link in every
// language. English and Vietnamese emphasis is italic; Khmer, Burmese and
// Thai emphasis, whose faces have no italic, is upright on a highlight
// band. Emphasis is never in the link colour; links are, and underlined.
func TestEmphasisPerScript(t *testing.T) {
	for lang, s := range sampleText {
		words := strings.Fields(s)
		spans := []manuscript.Span{{Text: words[0] + " "}, {Text: words[1], Emph: true}, {Text: " "},
			{Text: words[2], Link: "https://example.org"}, {Text: " " + strings.Join(words[3:], " ")}}
		out, _, err := engine(t).Layout(doc(lang, manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p", Spans: spans}))
		if err != nil {
			t.Fatal(err)
		}
		pg := out.Pages[0]
		italic := lang == "en" || lang == "vi"
		for _, r := range pg.Runs {
			switch {
			case r.Text == words[1]:
				if r.Face.Italic() != italic {
					t.Errorf("%s: emphasis in %s, italic want %v", lang, r.Face.Name, italic)
				}
				if r.Color == accent {
					t.Errorf("%s: emphasis in the link colour", lang)
				}
				if got := bandBehind(pg, r); got != !italic {
					t.Errorf("%s: highlight behind emphasis = %v, want %v", lang, got, !italic)
				}
			case r.Text == words[2]:
				if r.Color != accent || !underlined(pg, r) {
					t.Errorf("%s: link %q not in the accent colour with an underline", lang, r.Text)
				}
			}
		}
	}
}

// bandBehind reports whether a highlight rectangle covers the run's start
// on its baseline.
func bandBehind(pg pages.Page, r pages.GlyphRun) bool {
	for _, rc := range pg.Rects {
		if rc.Fill != nil && *rc.Fill == highlight && rc.X <= r.X+0.01 && rc.X+rc.W >= r.X+runWidth(r)-0.01 && rc.Y < r.Y && rc.Y+rc.H > r.Y {
			return true
		}
	}
	return false
}

// underlined reports whether a thin rule lies under the run, below its
// subscripts in Khmer, Burmese and Thai.
func underlined(pg pages.Page, r pages.GlyphRun) bool {
	for _, rc := range pg.Rects {
		if rc.H < 1 && rc.Y > r.Y && rc.Y < r.Y+r.Size*0.7 && rc.X <= r.X+0.01 && rc.X+rc.W >= r.X+runWidth(r)-0.01 {
			return true
		}
	}
	return false
}

// TestThaiBodyIsLooped checks that Thai body text is set in Noto Looped
// Thai and headings in the loopless Noto Sans Thai, unless the engine is
// told to keep loopless body text.
func TestThaiBodyIsLooped(t *testing.T) {
	for _, loopless := range []bool{false, true} {
		e := engine(t)
		e.LooplessThai = loopless
		out, _, err := e.Layout(doc("th", heading("เขตเศรษฐกิจพิเศษ"), para(sampleText["th"])))
		if err != nil {
			t.Fatal(err)
		}
		wantBody := "NotoSerifThai-Regular"
		if loopless {
			wantBody = "NotoSansThai-Regular"
		}
		for _, r := range out.Pages[0].Runs {
			if r.Face.Name == "NotoSans-Regular" || r.Face.Name == "NotoSans-Bold" {
				continue // Latin and digits inside Thai
			}
			switch r.Role {
			case pages.RoleParagraph:
				if r.Face.Name != wantBody {
					t.Errorf("loopless=%v: body run %q in %s, want %s", loopless, r.Text, r.Face.Name, wantBody)
				}
			case pages.RoleHeading:
				if r.Face.Name != "NotoSansThai-Bold" {
					t.Errorf("heading run %q in %s, want NotoSansThai-Bold", r.Text, r.Face.Name)
				}
			}
		}
	}
}

// TestKhmerBodyIsLarger checks that Khmer body text is set 0.5 to 1 pt
// larger than Latin body text.
func TestKhmerBodyIsLarger(t *testing.T) {
	size := func(lang string) float64 {
		out, _, err := engine(t).Layout(doc(lang, para(sampleText[lang])))
		if err != nil {
			t.Fatal(err)
		}
		return out.Pages[0].Runs[0].Size
	}
	if d := size("km") - size("en"); d < 0.5 || d > 1 {
		t.Errorf("Khmer body is %.2f pt larger than English, want 0.5–1", d)
	}
}

// TestEmphasisBandIsOneBand sets one emphasised phrase that mixes Khmer
// with subscripts, spaces and a Latin acronym: each is a run of its own,
// and each run's band once took its own depth (and the acronym's smaller
// size its own top), so the band stepped up under the space and the
// acronym and down again. A phrase's band on a line is one rectangle's
// height: as high and as deep as its highest and deepest run's.
func TestEmphasisBandIsOneBand(t *testing.T) {
	spans := []manuscript.Span{{Text: "ការ"}, {Text: "ក្នុង SEZ ស្ត្រី", Emph: true}, {Text: "។"}}
	out, _, err := engine(t).Layout(doc("km", manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p", Spans: spans}))
	if err != nil {
		t.Fatal(err)
	}
	var bands []pages.Rect
	for _, rc := range out.Pages[0].Rects {
		if rc.Fill != nil && *rc.Fill == highlight {
			bands = append(bands, rc)
		}
	}
	if len(bands) < 2 {
		t.Fatalf("%d highlight rectangles, want one per run of the phrase (Khmer, space, Latin)", len(bands))
	}
	for _, b := range bands[1:] {
		if math.Abs(b.Y-bands[0].Y) > 0.001 || math.Abs(b.H-bands[0].H) > 0.001 {
			t.Errorf("band from y %.2f, %.2f high; its first run's from y %.2f, %.2f high: the band steps", b.Y, b.H, bands[0].Y, bands[0].H)
		}
	}
}
