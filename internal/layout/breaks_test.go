package layout

import (
	"testing"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// TestPageBreakCauses paginates plain boxes: lines that fill most of a
// page, then a run that must stay together and does not fit, then a float
// that does not fit followed by lines that fill the gap before it. The
// first page ends for the keep, with the run's height; the second for the
// float, after the lines passed it.
func TestPageBreakCauses(t *testing.T) {
	lines := func(n int) []element {
		out := make([]element, n)
		for i := range out {
			out[i] = element{height: 10, breakable: true, draw: func(*pages.Page, float64) {}}
		}
		return out
	}
	kept := lines(13)
	for i := range kept[:12] {
		kept[i].keepNext = true
	}
	float := element{height: 300, breakable: true, float: true, draw: func(*pages.Page, float64) {}}
	var els []element
	els = append(els, lines(60)...) // 600 of 722
	els = append(els, kept...)      // 130 more do not fit
	els = append(els, lines(50)...) // page 2: 630 of 722
	els = append(els, float)        // does not fit, waits
	els = append(els, lines(5)...)  // and these fill the gap before it
	pgs, _, breaks := paginate(els, marginTop, pageHeight-marginBot, func() *pages.Page { return &pages.Page{} })
	if len(pgs) != 3 || len(breaks) != 2 {
		t.Fatalf("%d pages, breaks %+v; want 3 pages, 2 breaks", len(pgs), breaks)
	}
	if b := breaks[0]; b.page != 0 || b.cause != breakForKeep || b.need != 130 {
		t.Errorf("first break %+v, want page 0 for a 130 pt keep", b)
	}
	if b := breaks[1]; b.page != 1 || b.cause != breakForFloat || b.need != 300 {
		t.Errorf("second break %+v, want page 1 for the 300 pt float", b)
	}
}
