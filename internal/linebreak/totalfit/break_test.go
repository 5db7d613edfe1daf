package totalfit

import (
	"math"
	"slices"
	"testing"
)

// The classic case: first fit fills line 1 exactly and leaves line 2 very
// loose; total fit moves a word down and sets both lines at ratio 2.
func TestTotalFitBalancesClassic(t *testing.T) {
	items := words(10, 20, 30, 10, 40, 10, 40)
	lw := constWidth(100)
	tf, ok := Break(items, lw, DefaultParams())
	if !ok {
		t.Fatal("ok = false")
	}
	checkLines(t, items, tf, lw)
	ff := newPara(items, lw).firstFit()
	checkLines(t, items, ff, lw)
	if len(tf) != 3 || len(ff) != 3 {
		t.Fatalf("got %d total-fit and %d first-fit lines", len(tf), len(ff))
	}
	if ff[1].Ratio < 5 {
		t.Fatalf("first fit should leave a very loose line, got %+v", ff)
	}
	if tf[0].Ratio != 2 || tf[1].Ratio != 2 {
		t.Fatalf("total fit ratios %v %v, want 2 2", tf[0].Ratio, tf[1].Ratio)
	}
	if a, b := sumSquares(tf), sumSquares(ff); a >= b {
		t.Fatalf("total fit Σr² = %v, first fit %v", a, b)
	}
}

func TestEmpty(t *testing.T) {
	for _, items := range [][]Item{nil, {}, {GlueItem(3, 1, 1)}, {GlueItem(3, 1, 1), PenaltyItem(0, 0, false)}} {
		lines, ok := Break(items, constWidth(100), DefaultParams())
		if len(lines) != 0 || !ok {
			t.Fatalf("Break(%v) = %v, %v", items, lines, ok)
		}
	}
	// Finish alone: one empty line ending at the forced break.
	items := Finish(nil)
	lines, ok := Break(items, constWidth(100), DefaultParams())
	if !ok || len(lines) != 1 || lines[0].End != 2 || lines[0].Width != 0 {
		t.Fatalf("Break(Finish(nil)) = %+v, %v", lines, ok)
	}
}

func TestForcedBreaks(t *testing.T) {
	var items []Item
	items = append(items, BoxItem(20))
	items = append(items, JustifiedSpace(10, 5, 3)...)
	items = append(items, BoxItem(20))
	forcedAt := len(items)
	items = append(items, PenaltyItem(0, -Infinity, false))
	items = append(items, JustifiedSpace(10, 5, 3)...) // discarded after the break
	items = append(items, BoxItem(30))
	items = append(items, JustifiedSpace(10, 5, 3)...)
	items = append(items, BoxItem(30))
	lw := constWidth(100)
	for _, in := range [][]Item{items, Finish(items)} {
		lines, ok := Break(in, lw, DefaultParams())
		if !ok || len(lines) != 2 {
			t.Fatalf("lines %+v ok %v", lines, ok)
		}
		checkLines(t, in, lines, lw)
		if lines[0].End != forcedAt || lines[0].Ratio != 0 || lines[0].Width != 50 {
			t.Fatalf("first line %+v, want end %d at natural width", lines[0], forcedAt)
		}
		if lines[1].Start != forcedAt+2 || lines[1].Ratio != 0 {
			t.Fatalf("second line %+v", lines[1])
		}
	}
	// Two forced breaks in a row give an empty line.
	two := Finish([]Item{BoxItem(10), PenaltyItem(0, -Infinity, false),
		PenaltyItem(0, -Infinity, false), BoxItem(10)})
	lines, ok := Break(two, lw, DefaultParams())
	if !ok || len(lines) != 3 || lines[1].Start != lines[1].End {
		t.Fatalf("lines %+v", lines)
	}
}

// Zero-stretch spaces make every non-final line infeasible unless exact:
// the result falls back without overflowing.
func TestInfeasibleFallsBack(t *testing.T) {
	var items []Item
	for i := 0; i < 30; i++ {
		if i > 0 {
			items = append(items, JustifiedSpace(5, 0, 0)...)
		}
		items = append(items, BoxItem(float64(7+i%5*3)))
	}
	items = Finish(items)
	lw := constWidth(97)
	lines, ok := Break(items, lw, DefaultParams())
	if ok {
		t.Fatal("ok = true for an infeasible paragraph")
	}
	if len(lines) < 2 {
		t.Fatalf("lines %+v", lines)
	}
	checkLines(t, items, lines, lw)
	for i, ln := range lines {
		if ln.Overfull {
			t.Fatalf("line %d overfull", i)
		}
	}

	// Feasible only beyond the tolerance: the retry still balances lines.
	loose := words(10, 20, 30, 10, 40, 10, 40)
	p := DefaultParams()
	p.Tolerance = 1
	lines, ok = Break(loose, constWidth(100), p)
	if ok || len(lines) != 3 || lines[0].Ratio != 2 || lines[1].Ratio != 2 {
		t.Fatalf("retry: %+v ok=%v", lines, ok)
	}
}

func TestOverlongBox(t *testing.T) {
	items := words(30, 20, 250, 20, 30, 40)
	lw := constWidth(100)
	lines, ok := Break(items, lw, DefaultParams())
	if ok {
		t.Fatal("ok = true")
	}
	checkLines(t, items, lines, lw)
	n := 0
	for _, ln := range lines {
		if ln.Overfull {
			n++
			if ln.End-ln.Start != 1 || items[ln.Start].Width != 250 {
				t.Fatalf("overfull line %+v is not the long box", ln)
			}
		}
	}
	if n != 1 {
		t.Fatalf("%d overfull lines in %+v", n, lines)
	}
	// A lone overlong box.
	lines, _ = Break(Finish([]Item{BoxItem(500)}), lw, DefaultParams())
	if len(lines) != 1 || !lines[0].Overfull {
		t.Fatalf("lone box: %+v", lines)
	}
}

// A hanging label makes line 0 narrower; each line must fit its own
// measure, and nodes on line 0 must not be merged with later lines.
func TestVaryingWidths(t *testing.T) {
	ws := []float64{10, 20, 30, 10, 40, 10, 40, 25, 15, 35, 20, 10, 30, 20}
	items := words(ws...)
	narrow := func(i int) float64 {
		if i == 0 {
			return 60
		}
		return 100
	}
	p := DefaultParams()
	p.Tolerance = 5
	lines, ok := Break(items, narrow, p)
	if !ok {
		t.Fatal("ok = false")
	}
	checkLines(t, items, lines, narrow)
	wide, _ := Break(items, constWidth(100), p)
	if lines[0].End == wide[0].End {
		t.Fatalf("narrow first line ends where the wide one does: %+v vs %+v", lines[0], wide[0])
	}
	// The optimum agrees with brute force.
	if got, want := solutionDemerits(items, lines, narrow, p), bruteForce(items, narrow, p, p.Tolerance); math.Abs(got-want.demerits) > 1e-6*math.Abs(want.demerits) {
		t.Fatalf("demerits %v, brute force %v", got, want.demerits)
	}
}

func TestLooseness(t *testing.T) {
	ws := []float64{10, 20, 30, 10, 40, 10, 40, 25, 15, 35, 20, 10, 30, 20, 15, 25}
	items := words(ws...)
	lw := constWidth(100)
	p := DefaultParams()
	p.Tolerance = 10
	base, _ := Break(items, lw, p)
	p.Looseness = 1
	more, ok := Break(items, lw, p)
	if !ok || len(more) != len(base)+1 {
		t.Fatalf("looseness +1: %d lines, base %d", len(more), len(base))
	}
	checkLines(t, items, more, lw)
	p.Looseness = -1
	fewer, ok := Break(items, lw, p)
	if !ok || len(fewer) > len(base) {
		t.Fatalf("looseness -1: %d lines, base %d", len(fewer), len(base))
	}
}

// Flagged (hyphen) breaks on consecutive lines cost FlaggedDemerits.
func TestFlaggedDemerits(t *testing.T) {
	// Each "word" is two halves with a hyphenation point between them.
	var items []Item
	for i := 0; i < 12; i++ {
		if i > 0 {
			items = append(items, JustifiedSpace(10, 5, 3)...)
		}
		items = append(items, BoxItem(15), PenaltyItem(5, 50, true), BoxItem(float64(10+i%3*5)))
	}
	items = Finish(items)
	pairs := func(lines []Line) int {
		n := 0
		for i := 1; i < len(lines); i++ {
			if items[lines[i].End].Flagged && items[lines[i-1].End].Flagged {
				n++
			}
		}
		return n
	}
	improved := false
	for _, measure := range []float64{100, 110, 120} {
		lw := constWidth(measure)
		var count [2]int
		for k, fd := range []float64{0, 1e7} {
			p := DefaultParams()
			p.Tolerance = 3
			p.FlaggedDemerits = fd
			lines, ok := Break(items, lw, p)
			if !ok {
				t.Fatal("ok = false")
			}
			checkLines(t, items, lines, lw)
			want := bruteForce(items, lw, p, p.Tolerance)
			if got := solutionDemerits(items, lines, lw, p); math.Abs(got-want.demerits) > 1e-6*math.Abs(want.demerits) {
				t.Fatalf("measure %v FlaggedDemerits %v: demerits %v, brute force %v", measure, fd, got, want.demerits)
			}
			count[k] = pairs(lines)
		}
		if count[1] > count[0] {
			t.Fatalf("measure %v: more consecutive hyphens with FlaggedDemerits (%d > %d)", measure, count[1], count[0])
		}
		improved = improved || count[1] < count[0]
	}
	if !improved {
		t.Fatal("FlaggedDemerits never reduced consecutive hyphens: the test data checks nothing")
	}
}

func TestRaggedRight(t *testing.T) {
	var items []Item
	for i := 0; i < 40; i++ {
		if i > 0 {
			items = append(items, RaggedBreak(10, 60)...)
		}
		items = append(items, BoxItem(float64(15+(i*37)%40)))
	}
	items = Finish(items)
	lw := constWidth(200)
	lines, ok := Break(items, lw, DefaultParams())
	if !ok {
		t.Fatal("ok = false")
	}
	checkLines(t, items, lines, lw)
	for i, ln := range lines {
		if ln.End < len(items) && items[ln.End].Kind != Penalty {
			t.Fatalf("line %d ends at %v, want the ragged penalty", i, items[ln.End].Kind)
		}
		if items[ln.Start].Kind != Box {
			t.Fatalf("line %d starts with %v", i, items[ln.Start].Kind)
		}
		if ln.Width > 200 {
			t.Fatalf("line %d natural width %v > measure (ragged lines never shrink)", i, ln.Width)
		}
	}
}

// Thai-like text: boxes joined by NoSpaceBreak, justified.
func TestNoSpaceJustified(t *testing.T) {
	var items []Item
	for i := 0; i < 60; i++ {
		if i > 0 {
			items = append(items, NoSpaceBreak(0)...)
		}
		items = append(items, BoxItem(float64(12+(i*29)%30)))
	}
	items = Finish(items)
	lw := constWidth(250)
	lines, _ := Break(items, lw, DefaultParams())
	checkLines(t, items, lines, lw)
	for i, ln := range lines[:len(lines)-1] {
		if ln.Overfull || ln.Ratio < 0 {
			t.Fatalf("line %d: %+v", i, ln)
		}
	}
}

func TestNonFiniteInput(t *testing.T) {
	items := []Item{BoxItem(math.NaN()), GlueItem(math.Inf(1), math.NaN(), math.Inf(1)),
		BoxItem(10), PenaltyItem(math.NaN(), math.NaN(), false), BoxItem(math.Inf(1))}
	for _, lw := range []func(int) float64{constWidth(math.NaN()), constWidth(math.Inf(1)), constWidth(-5), constWidth(0)} {
		lines, _ := Break(items, lw, Params{Tolerance: math.NaN()})
		for _, ln := range lines {
			if math.IsNaN(ln.Ratio) || math.IsNaN(ln.Width) {
				t.Fatalf("NaN in %+v", ln)
			}
		}
	}
}

// TestFinishInPlaceIsFinish: handing the items over gives the items
// Finish gives, for a paragraph with trailing glue and penalties, one
// already finished, and none at all; and Finish leaves its input alone.
func TestFinishInPlaceIsFinish(t *testing.T) {
	for i, items := range [][]Item{
		{BoxItem(10), GlueItem(3, 1, 1), BoxItem(5), GlueItem(3, 1, 1), PenaltyItem(0, 50, false)},
		Finish([]Item{BoxItem(10)}),
		nil,
	} {
		kept := slices.Clone(items)
		want := Finish(items)
		if !slices.Equal(items, kept) {
			t.Fatalf("case %d: Finish changed its input", i)
		}
		if got := FinishInPlace(slices.Clone(items)); !slices.Equal(got, want) {
			t.Errorf("case %d: FinishInPlace gives %+v, Finish %+v", i, got, want)
		}
	}
}
