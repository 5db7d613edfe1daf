package layout

import (
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
)

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

// TestPublicationLineNeverStandsAlone slides a paragraph and the
// publication line after it down the page, a line at a time: wherever the
// page ends, the publication line never starts a page of its own.
func TestPublicationLineNeverStandsAlone(t *testing.T) {
	published := manuscript.Block{Kind: manuscript.Published, MsgID: "published", Spans: []manuscript.Span{{Text: "Published in November 2026."}}}
	moved := false
	for n := 20; n <= 45; n++ {
		var blocks []manuscript.Block
		for range n {
			blocks = append(blocks, para("One line."))
		}
		out, _, err := engine(t).Layout(doc("en", append(blocks, para(sampleText["en"]), published)...))
		if err != nil {
			t.Fatal(err)
		}
		last := out.Pages[len(out.Pages)-1]
		body := 0
		for _, r := range last.Runs {
			if r.Role != pages.RoleFooter && r.Role != pages.RolePublished {
				body++
			}
		}
		if len(out.Pages) > 1 && body == 0 {
			t.Errorf("after %d lines: the publication line is alone on page %d", n, len(out.Pages))
		}
		moved = moved || len(out.Pages) > 1
	}
	if !moved {
		t.Error("the text never reached a second page")
	}
}
