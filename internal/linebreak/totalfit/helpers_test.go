package totalfit

import (
	"math"
	"testing"
)

// words builds a justified paragraph from box widths, with TeX-like spaces
// (width 10, stretch 5, shrink 3), finished.
func words(widths ...float64) []Item {
	var items []Item
	for i, w := range widths {
		if i > 0 {
			items = append(items, JustifiedSpace(10, 5, 3)...)
		}
		items = append(items, BoxItem(w))
	}
	return Finish(items)
}

func constWidth(w float64) func(int) float64 { return func(int) float64 { return w } }

// lineTotals recomputes the natural width and shrink of a line from the
// items, independently of the package's prefix sums.
func lineTotals(items []Item, ln Line) (natural, shrink float64) {
	for i := ln.Start; i < ln.End && i < len(items); i++ {
		natural += items[i].Width
		if items[i].Kind == Glue {
			shrink += items[i].Shrink
		}
	}
	if ln.End < len(items) && items[ln.End].Kind == Penalty {
		natural += items[ln.End].Width
	}
	return natural, shrink
}

// checkLines verifies the structural invariants every result must satisfy.
func checkLines(t *testing.T, items []Item, lines []Line, lw func(int) float64) {
	t.Helper()
	prevEnd := -1
	for i, ln := range lines {
		if math.IsNaN(ln.Ratio) || math.IsInf(ln.Ratio, 0) || ln.Ratio < -1 {
			t.Fatalf("line %d: bad ratio %v", i, ln.Ratio)
		}
		if ln.Start > ln.End || ln.End > len(items) || ln.End <= prevEnd {
			t.Fatalf("line %d: bad range [%d,%d) after %d", i, ln.Start, ln.End, prevEnd)
		}
		// Everything skipped between lines is discardable.
		for j := prevEnd + 1; j < ln.Start; j++ {
			if it := items[j]; it.Kind == Box || it.forced() {
				t.Fatalf("line %d: item %d (%v) skipped", i, j, it.Kind)
			}
		}
		if ln.End < len(items) {
			it := items[ln.End]
			legal := (it.Kind == Penalty && it.Penalty < Infinity) ||
				(it.Kind == Glue && ln.End > 0 && items[ln.End-1].Kind == Box)
			if !legal {
				t.Fatalf("line %d: break at illegal item %d %+v", i, ln.End, it)
			}
		}
		nat, shr := lineTotals(items, ln)
		if math.Abs(nat-ln.Width) > 1e-6 {
			t.Fatalf("line %d: Width %v, want %v", i, ln.Width, nat)
		}
		fits := nat-shr <= lw(i)+1e-6
		if fits == ln.Overfull {
			t.Fatalf("line %d: natural %v shrink %v measure %v but Overfull=%v",
				i, nat, shr, lw(i), ln.Overfull)
		}
		if ln.Overfull {
			// Only an unbreakable run may overflow.
			for j := ln.Start + 1; j < ln.End; j++ {
				it := items[j]
				if (it.Kind == Penalty && it.Penalty < Infinity) ||
					(it.Kind == Glue && items[j-1].Kind == Box) {
					t.Fatalf("line %d: overfull but breakable at %d", i, j)
				}
			}
		}
		prevEnd = ln.End
	}
	// Nothing but discardable items may follow the last line.
	for j := prevEnd + 1; j < len(items); j++ {
		if items[j].Kind == Box {
			t.Fatalf("box %d after the last line is lost", j)
		}
	}
}

func sumSquares(lines []Line) float64 {
	s := 0.0
	for _, ln := range lines {
		s += ln.Ratio * ln.Ratio
	}
	return s
}

func TestFinish(t *testing.T) {
	in := []Item{BoxItem(5), GlueItem(3, 1, 1), BoxItem(5), GlueItem(3, 1, 1)}
	out := Finish(in)
	if len(out) != 6 || out[2].Kind != Box || out[3].Penalty != Infinity ||
		!math.IsInf(out[4].Stretch, 1) || !out[5].forced() {
		t.Fatalf("Finish = %+v", out)
	}
	if in[3].Kind != Glue || len(in) != 4 {
		t.Fatal("Finish modified its input")
	}
	if again := Finish(out); len(again) != len(out) {
		t.Fatalf("Finish not idempotent: %d items", len(again))
	}
	if got := Finish(nil); len(got) != 3 {
		t.Fatalf("Finish(nil) = %+v", got)
	}
}

func TestBuilders(t *testing.T) {
	r := RaggedBreak(4, 30)
	if len(r) != 4 || r[0].Penalty != Infinity || r[1].Stretch != 30 ||
		r[2].Kind != Penalty || r[2].Penalty != 0 || r[3].Width != 4 || r[3].Stretch != -30 {
		t.Fatalf("RaggedBreak = %+v", r)
	}
	if j := JustifiedSpace(3, 2, 1); len(j) != 1 || j[0] != GlueItem(3, 2, 1) {
		t.Fatalf("JustifiedSpace = %+v", j)
	}
	n := NoSpaceBreak(50)
	if len(n) != 2 || n[0].Penalty != 50 || n[1].Kind != Glue || n[1].Width != 0 ||
		n[1].Stretch != NoSpaceStretch || n[1].Shrink != 0 {
		t.Fatalf("NoSpaceBreak = %+v", n)
	}
}
