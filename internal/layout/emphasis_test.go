package layout

import (
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
		wantBody := "NotoLoopedThai-Regular"
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

// TestShortListsStayTogether slides a three-item list down the page, a
// line at a time: wherever it falls, its items are on one page. A
// long list may still break between items.
func TestShortListsStayTogether(t *testing.T) {
	short := manuscript.Block{Kind: manuscript.List, MsgID: "l", Labels: []string{"1.", "2.", "3."},
		Items: [][]manuscript.Span{{{Text: "Ratify the conventions."}}, {{Text: "Register every worker."}}, {{Text: "Publish the data."}}}}
	long := manuscript.Block{Kind: manuscript.List, MsgID: "l"}
	for range 30 {
		long.Items = append(long.Items, []manuscript.Span{{Text: sampleText["en"][:80]}})
		long.Labels = append(long.Labels, "•")
	}
	split := false
	for n := 30; n <= 50; n++ {
		var blocks []manuscript.Block
		for range n {
			blocks = append(blocks, para("One line."))
		}
		out, _, err := engine(t).Layout(doc("en", append(blocks, short, long)...))
		if err != nil {
			t.Fatal(err)
		}
		pagesOf := map[string]map[int]bool{"short": {}, "long": {}}
		for pi, pg := range out.Pages {
			for _, r := range pg.Runs {
				if r.Role != pages.RoleListBody {
					continue
				}
				which := "long"
				if !strings.HasPrefix(r.Text, sampleText["en"][:20]) {
					which = "short"
				}
				pagesOf[which][pi] = true
			}
		}
		if len(pagesOf["short"]) != 1 {
			t.Errorf("after %d paragraphs: the three-item list is on pages %v", n, pagesOf["short"])
		}
		split = split || len(pagesOf["long"]) > 1
	}
	if !split {
		t.Error("the 30-item list was never split")
	}
}

// TestSubsectionsPassAWaitingFloat sets a table that waits for the next
// page, then a subsection and a section: the subsection fills the page
// before the table, as the table stays within its section; the section
// heading comes after the table.
func TestSubsectionsPassAWaitingFloat(t *testing.T) {
	var blocks []manuscript.Block
	for range 9 {
		blocks = append(blocks, para(sampleText["en"]))
	}
	tbl := manuscript.Block{Kind: manuscript.Table, MsgID: "t", Header: [][]manuscript.Span{cell("Site"), cell("Respondents")}}
	for range 10 {
		tbl.Rows = append(tbl.Rows, [][]manuscript.Span{cell("Thilawa"), cell("200")})
	}
	sub := heading("Subsection")
	sub.Level = 2
	blocks = append(blocks, tbl, sub, para("A short paragraph in the subsection."), heading("Next section"))
	out, _, err := engine(t).Layout(doc("en", blocks...))
	if err != nil {
		t.Fatal(err)
	}
	page, y := map[string]int{}, map[string]float64{}
	for pi, pg := range out.Pages {
		for _, r := range pg.Runs {
			if _, ok := page[r.Text]; !ok {
				page[r.Text], y[r.Text] = pi, r.Y
			}
		}
	}
	if page["Subsection"] != 0 || page["Site"] != 1 {
		t.Errorf("subsection on page %d, table on page %d; want 1 and 2", page["Subsection"]+1, page["Site"]+1)
	}
	if page["Next section"] != 1 || y["Next section"] <= y["Site"] {
		t.Errorf("the section heading passed the table")
	}
}
