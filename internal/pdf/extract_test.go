package pdf

import (
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// TestNoSpaceAfterTrailingMark sets words whose last cluster ends with a
// mark drawn back over its base (Khmer ៍, ញ after a subscript), each
// followed directly by another run, as a link or a style change makes it.
// pdftotext must not read the mark's short advance as a space.
func TestNoSpaceAfterTrailingMark(t *testing.T) {
	p := pages.Page{Width: a4W, Height: a4H}
	y := 80.0
	var want []string
	for _, pair := range [][2]string{{"របាយការណ៍", "។"}, {"បណ្ដា", "ញ"}, {"ស្ត្រី", "ៗ"}} {
		a := shapeRun(t, "km", pair[0], fonts.Regular, 12, 56, y)
		x := a.X
		for _, g := range a.Glyphs {
			x += g.XAdvance
		}
		b := shapeRun(t, "km", pair[1], fonts.Bold, 12, x, y)
		p.Runs = append(p.Runs, a, b)
		want = append(want, pair[0]+pair[1])
		y += 30
	}
	path := writeTemp(t, &pages.Document{Lang: "km", Pages: []pages.Page{p}}, "marks.pdf")
	got := nonEmptyLines(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for i, w := range want {
		if i >= len(got) || strings.TrimSpace(got[i]) != w {
			t.Errorf("line %d: pdftotext gives %q, want %q", i+1, at(got, i), w)
		}
	}
}
