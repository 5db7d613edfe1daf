package layout

import (
	"math"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// TestPageAndMarginsMoveTheFrame sets the same document on the house A4
// page, on Letter and on A5 with other margins, and checks that every
// page has the chosen size, that text starts at the left margin and stays
// inside the frame, that the footer sits under the frame, and that a
// smaller frame takes more pages.
func TestPageAndMarginsMoveTheFrame(t *testing.T) {
	mm := 72 / 25.4
	long := strings.Repeat(sampleText["en"]+" ", 3)
	blocks := []manuscript.Block{heading("Heading")}
	for range 8 {
		blocks = append(blocks, para(long))
	}
	pagesOf := map[string]int{}
	for _, tc := range []struct {
		name string
		page Page
	}{
		{"A4", Page{}},
		{"Letter", Page{Width: 612, Height: 792, Top: 20 * mm, Right: 20 * mm, Bottom: 20 * mm, Left: 20 * mm}},
		{"A5", Page{Width: 419.528, Height: 595.276, Top: 15 * mm, Right: 12 * mm, Bottom: 18 * mm, Left: 16 * mm}},
	} {
		e := engine(t)
		e.Page = tc.page
		want := tc.page
		if want == (Page{}) {
			want = A4
		}
		out, _, err := e.Layout(doc("en", blocks...))
		if err != nil {
			t.Fatal(err)
		}
		pagesOf[tc.name] = len(out.Pages)
		left := math.Inf(1)
		for pi, pg := range out.Pages {
			if pg.Width != want.Width || pg.Height != want.Height {
				t.Errorf("%s page %d is %.1f×%.1f, want %.1f×%.1f", tc.name, pi+1, pg.Width, pg.Height, want.Width, want.Height)
			}
			for _, r := range pg.Runs {
				if r.X < want.Left-0.01 || r.X+runWidth(r) > want.Width-want.Right+0.01 {
					t.Errorf("%s page %d: %q spans %.1f..%.1f, frame %.1f..%.1f", tc.name, pi+1, r.Text, r.X, r.X+runWidth(r), want.Left, want.Width-want.Right)
				}
				if r.Role == pages.RoleFooter {
					if r.Y < want.Height-want.Bottom || r.Y > want.Height-6 {
						t.Errorf("%s page %d: footer at y=%.1f, want under the frame (%.1f) and on the page", tc.name, pi+1, r.Y, want.Height-want.Bottom)
					}
				} else if r.Y > want.Height-want.Bottom+0.01 || r.Y < want.Top {
					t.Errorf("%s page %d: %q at y=%.1f, outside the frame %.1f..%.1f", tc.name, pi+1, r.Text, r.Y, want.Top, want.Height-want.Bottom)
				}
				left = math.Min(left, r.X)
			}
		}
		if math.Abs(left-want.Left) > 0.01 {
			t.Errorf("%s: text starts at x=%.2f, want the left margin %.2f", tc.name, left, want.Left)
		}
	}
	if pagesOf["A5"] <= pagesOf["A4"] {
		t.Errorf("pages: %v; the A5 frame is smaller and must take more pages than A4", pagesOf)
	}
}

// TestAccentColour checks that the project's accent colours titles,
// first-level headings and links, and that ink stays ink.
func TestAccentColour(t *testing.T) {
	e := engine(t)
	e.Accent = &pages.Color{R: 0.5, G: 0.1, B: 0.2}
	link := manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p", Spans: []manuscript.Span{{Text: "see "}, {Text: "the report", Link: "https://example.org"}}}
	out, _, err := e.Layout(doc("en", heading("Heading"), para(sampleText["en"]), link))
	if err != nil {
		t.Fatal(err)
	}
	colours := map[string]pages.Color{}
	for _, r := range out.Pages[0].Runs {
		colours[r.Text] = r.Color
	}
	for text, want := range map[string]pages.Color{"Heading": *e.Accent, "the report": *e.Accent, "see ": ink} {
		if got, ok := colours[text]; !ok || got != want {
			t.Errorf("%q is in %v, want %v (runs %v)", text, got, want, colours)
		}
	}
}

// TestLanguageChoices sets Thai with the loopless face for body text and
// the looped one for headings (the reverse of the house choice), and a
// larger body size.
func TestLanguageChoices(t *testing.T) {
	e := engine(t)
	e.Langs = map[string]LangStyle{"th": {BodyFace: "NotoSansThai", HeadingFace: "NotoSerifThai", BodySize: 12}}
	out, _, err := e.Layout(doc("th", heading("หัวข้อเรื่อง"), para(sampleText["th"])))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, r := range out.Pages[0].Runs {
		if r.Role == pages.RoleFooter || !strings.ContainsFunc(r.Text, func(c rune) bool { return c >= 0x0E00 && c <= 0x0E7F }) {
			continue
		}
		want, size := "NotoSansThai-Regular", 12.0
		if r.Role == pages.RoleHeading {
			want, size = "NotoSerifThai-Bold", heading1Style.size*12/bodyStyle.size
		}
		if r.Face.Name != want || math.Abs(r.Size-size) > 0.01 {
			t.Errorf("%s %q: %s at %.2f pt, want %s at %.2f pt", r.Role, r.Text, r.Face.Name, r.Size, want, size)
		}
		seen++
	}
	if seen == 0 {
		t.Fatal("no Thai runs")
	}
}
