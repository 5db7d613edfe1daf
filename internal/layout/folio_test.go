package layout

import (
	"math"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// TestRunningFooter sets a three-page document: every page ends with its
// number flush right, and every page but the first names the brief and
// edition flush left, all of it artifacts.
func TestRunningFooter(t *testing.T) {
	d := doc("km")
	d.Folio.Running = "ការងារនៅក្នុងតំបន់សេដ្ឋកិច្ចពិសេស (SEZ) · ការបោះពុម្ពសម្រាប់ប្រទេសកម្ពុជា"
	for range 24 {
		d.Blocks = append(d.Blocks, para(sampleText["km"]+" "+sampleText["km"]))
	}
	out, _, err := engine(t).Layout(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Pages) < 3 {
		t.Fatalf("%d pages, want 3 or more", len(out.Pages))
	}
	for i, pg := range out.Pages {
		var running, number string
		for _, r := range pg.Runs {
			if r.Y < footerY-1 {
				continue
			}
			if r.Node != pages.Artifact {
				t.Errorf("page %d: footer run %q is tagged content", i+1, r.Text)
			}
			if math.Abs(r.X+runWidth(r)-(pageWidth-marginX)) < 0.01 {
				number += r.Text
			} else {
				running += r.Text
			}
		}
		if !strings.Contains(number, "/") {
			t.Errorf("page %d: no page number flush right (got %q)", i+1, number)
		}
		if i == 0 && running != "" {
			t.Errorf("page 1: running footer %q under the title block", running)
		}
		if i > 0 && !strings.Contains(running, "SEZ") {
			t.Errorf("page %d: running footer %q does not name the brief", i+1, running)
		}
	}
}

// TestTitleBlockOrder sets kicker, title and subtitle: they come in that
// order, and the rule lies under the subtitle, not between it and the
// title.
func TestTitleBlockOrder(t *testing.T) {
	span := func(s string) []manuscript.Span { return []manuscript.Span{{Text: s}} }
	d := doc("en",
		manuscript.Block{Kind: manuscript.EditionLabel, MsgID: "e", Spans: span("Cambodia edition")},
		manuscript.Block{Kind: manuscript.Title, MsgID: "t", Spans: span("Jobs in SEZs")},
		manuscript.Block{Kind: manuscript.Subtitle, MsgID: "s", Spans: span("Migrant garment workers")},
		para(sampleText["en"]))
	out, _, err := engine(t).Layout(d)
	if err != nil {
		t.Fatal(err)
	}
	pg := out.Pages[0]
	y := map[string]float64{}
	body := math.Inf(1) // the first line of text
	for _, r := range pg.Runs {
		if _, ok := y[r.Text]; !ok {
			y[r.Text] = r.Y
		}
		if r.Role == pages.RoleParagraph {
			body = math.Min(body, r.Y)
		}
	}
	if !(y["Cambodia edition"] < y["Jobs in SEZs"] && y["Jobs in SEZs"] < y["Migrant garment workers"]) {
		t.Errorf("title block out of order: %v", y)
	}
	ruleY := -1.0
	for _, r := range pg.Rects {
		if r.Y < footerY-20 && r.W == A4.measure() {
			ruleY = r.Y
		}
	}
	if ruleY < y["Migrant garment workers"] || ruleY > body {
		t.Errorf("rule at %.1f, want between the subtitle (%.1f) and the text", ruleY, y["Migrant garment workers"])
	}
}

// TestPageLabelsInNativeDigits: a folio in Khmer digits labels each page
// with its number as printed, for the viewers' page labels; ASCII digits
// give no labels.
func TestPageLabelsInNativeDigits(t *testing.T) {
	for _, digits := range []string{"០១២៣៤៥៦៧៨៩", ""} {
		d := doc("km")
		d.Folio.Digits = digits
		for range 24 {
			d.Blocks = append(d.Blocks, para(sampleText["km"]+" "+sampleText["km"]))
		}
		out, _, err := engine(t).Layout(d)
		if err != nil {
			t.Fatal(err)
		}
		for i, pg := range out.Pages {
			want := ""
			if digits != "" {
				want = []string{"១", "២", "៣", "៤", "៥", "៦"}[i]
			}
			if pg.Label != want {
				t.Errorf("digits %q, page %d: label %q, want %q", digits, i+1, pg.Label, want)
			}
		}
	}
}
