package pdf

import (
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// drawRuns draws runs into one page's content stream, as writePage does,
// through plans when share is set, and returns the stream and the codes
// of the last run.
func drawRuns(t *testing.T, share bool, runs ...pages.GlyphRun) (string, []uint16) {
	t.Helper()
	w := objWriter{share: share}
	fs, c := newFontSet(), newContent(a4H)
	var used []*fontRes
	for i := range runs {
		if err := drawRun(&w, c, &runs[i], fs, &used); err != nil {
			t.Fatal(err)
		}
	}
	f := used[len(used)-1]
	return c.b.String(), slices.Clone(f.scratch.codes)
}

// TestSharedPlansDrawTheSame: a run drawn through plans, whether its plan
// is made, found, or found by a document that gives its glyphs other
// codes, comes out as the run planned on its own does; a run that differs
// in one advance does not find the other's plan.
func TestSharedPlansDrawTheSame(t *testing.T) {
	run := shapeRun(t, "km", "ស្រុក និង ក្នុង ឆ្នាំ វិទ្យា", fonts.Regular, 11.2, 56, 80)
	first := shapeRun(t, "km", "ក ខ គ ង", fonts.Regular, 11.2, 56, 60) // no marks: the text rise stays 0
	want, wantCodes := drawRuns(t, false, run)
	wantAfter, afterCodes := drawRuns(t, false, first, run)
	if slices.Equal(wantCodes, afterCodes) {
		t.Fatal("the first run does not change the codes: the test needs another")
	}
	for i := range 2 { // made, then found
		if got, _ := drawRuns(t, true, run); got != want {
			t.Errorf("draw %d through plans:\n%s\nwant\n%s", i, got, want)
		}
	}
	if got, _ := drawRuns(t, true, first, run); got != wantAfter {
		t.Errorf("with other codes:\n%s\nwant\n%s", got, wantAfter)
	}
	if got, _ := drawRuns(t, true, run); got != want {
		t.Errorf("back to the first codes:\n%s\nwant\n%s", got, want)
	}

	var w objWriter
	f, err := newFontSet().use(&w, run.Face)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := f.sharedPlan(&run, true)
	b, _ := f.sharedPlan(&run, true)
	if a != b {
		t.Error("the same run was planned twice")
	}
	moved := run
	moved.Glyphs = slices.Clone(run.Glyphs)
	moved.Glyphs[3].XAdvance += 0.5
	if c, _ := f.sharedPlan(&moved, true); c == a {
		t.Error("a run with another advance found the first run's plan")
	}
	moved.Glyphs[3].XAdvance -= 0.5
	if c, _ := f.sharedPlan(&moved, true); c != a {
		t.Error("a copy of the run did not find its plan")
	}
}

// TestRunThatGoesOnDrawsTheSame: a run that starts where the last one
// ended, in its face and on its baseline (the next word after a ZERO
// WIDTH SPACE), gets no text position of its own, and comes out the same
// whether the first run's bytes are drawn anew or found in the plans.
func TestRunThatGoesOnDrawsTheSame(t *testing.T) {
	first := shapeRun(t, "km", "ស្ត្រី", fonts.Regular, 11.2, 56, 80)
	end := first.X
	for _, g := range first.Glyphs {
		end += g.XAdvance
	}
	next := shapeRun(t, "km", "វ័យក្មេង", fonts.Regular, 11.2, end, 80)
	want, _ := drawRuns(t, false, first, next)
	if n := strings.Count(want, " Tm"); n != 1 {
		t.Errorf("%d text positions, want the first run's only:\n%s", n, want)
	}
	for i := range 2 { // the first run's bytes made, then found
		if got, _ := drawRuns(t, true, first, next); got != want {
			t.Errorf("through plans, %d:\n%s\nwant\n%s", i, got, want)
		}
	}
	apart := shapeRun(t, "km", "វ័យក្មេង", fonts.Regular, 11.2, end+3, 80)
	if got, _ := drawRuns(t, false, first, apart); strings.Count(got, " Tm") != 2 {
		t.Errorf("a run 3 pt on got no position of its own:\n%s", got)
	}
}
