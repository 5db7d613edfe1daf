package totalfit

import (
	"math"
	"math/rand"
	"testing"
)

// This file checks Break against an independent exhaustive search that
// follows the documented rules directly, and checks invariants on random
// paragraphs.

type evalLine struct {
	r        float64
	feasible bool
}

// evalRatio recomputes the adjustment ratio of [s, b) from scratch.
func evalRatio(items []Item, s, b int, l float64, forced bool) evalLine {
	var nat, y, z float64
	fil := 0
	for i := s; i < b; i++ {
		it := items[i]
		nat += it.Width
		if it.Kind == Glue {
			if math.IsInf(it.Stretch, 1) {
				fil++
			} else if math.IsInf(it.Stretch, -1) {
				fil--
			} else {
				y += it.Stretch
			}
			z += it.Shrink
		}
	}
	if b < len(items) && items[b].Kind == Penalty {
		nat += items[b].Width
	}
	slack := l - nat
	switch {
	case slack > 1e-9:
		if fil > 0 || forced {
			return evalLine{0, true}
		}
		if y > 1e-9 {
			return evalLine{slack / y, true}
		}
		return evalLine{math.Inf(1), false}
	case slack < -1e-9:
		if z > 1e-9 && slack/z >= -1-1e-9 {
			return evalLine{math.Max(slack/z, -1), true}
		}
		return evalLine{math.Inf(-1), false}
	}
	return evalLine{0, true}
}

func fitClass(r float64) int {
	switch {
	case r < -0.5:
		return 0
	case r <= 0.5:
		return 1
	case r <= 1:
		return 2
	}
	return 3
}

// lineDemerits is the paper's formula for a line ending at break b.
func lineDemerits(items []Item, b int, r float64, prevFit int, prevFlagged bool, p Params) (d float64, fit int, flagged bool) {
	bad := 100 * math.Abs(r*r*r)
	d = (p.LinePenalty + bad) * (p.LinePenalty + bad)
	if b < len(items) && items[b].Kind == Penalty {
		it := items[b]
		switch {
		case it.Penalty <= -Infinity:
		case it.Penalty >= 0:
			d += it.Penalty * it.Penalty
		default:
			d -= it.Penalty * it.Penalty
		}
		flagged = it.Flagged
	}
	if flagged && prevFlagged {
		d += p.FlaggedDemerits
	}
	fit = fitClass(r)
	if fit-prevFit > 1 || prevFit-fit > 1 {
		d += p.FitnessDemerits
	}
	return d, fit, flagged
}

// legalBreaks lists legal breaks, with the implicit final break if any.
func legalBreaks(items []Item) (breaks []int, forced map[int]bool) {
	forced = map[int]bool{}
	boxAfter := false
	for i, it := range items {
		switch {
		case it.Kind == Box:
			boxAfter = true
		case it.Kind == Penalty && it.Penalty < Infinity:
			breaks = append(breaks, i)
			if it.Penalty <= -Infinity {
				forced[i] = true
				boxAfter = false
			}
		case it.Kind == Glue && i > 0 && items[i-1].Kind == Box:
			breaks = append(breaks, i)
		}
	}
	if boxAfter {
		breaks = append(breaks, len(items))
		forced[len(items)] = true
	}
	return breaks, forced
}

func discardFrom(items []Item, b int) int {
	i := b + 1
	for i < len(items) && items[i].Kind != Box && !items[i].forced() {
		i++
	}
	return i
}

type bruteResult struct {
	feasible bool
	demerits float64
	byLines  map[int]float64 // best demerits for each line count
}

// bruteForce enumerates every sequence of breaks that includes all forced
// breaks and ends at the last one.
func bruteForce(items []Item, lw func(int) float64, p Params, tol float64) bruteResult {
	breaks, forced := legalBreaks(items)
	res := bruteResult{demerits: math.Inf(1), byLines: map[int]float64{}}
	if len(breaks) == 0 {
		return res
	}
	last := breaks[len(breaks)-1]
	var rec func(start, from, line, fit int, flagged bool, total float64)
	rec = func(start, from, line, fit int, flagged bool, total float64) {
		for _, b := range breaks[from:] {
			if b < start {
				continue
			}
			e := evalRatio(items, start, b, lw(line), forced[b])
			if e.r < -1 && !forced[b] {
				return // overfull from here on
			}
			if e.feasible && e.r <= tol {
				d, f, fl := lineDemerits(items, b, e.r, fit, flagged, p)
				if b == last {
					res.feasible = true
					if total+d < res.demerits {
						res.demerits = total + d
					}
					if old, ok := res.byLines[line+1]; !ok || total+d < old {
						res.byLines[line+1] = total + d
					}
				} else {
					idx := 0
					for breaks[idx] != b {
						idx++
					}
					rec(discardFrom(items, b), idx+1, line+1, f, fl, total+d)
				}
			}
			if forced[b] {
				return // cannot skip a forced break
			}
		}
	}
	rec(0, 0, 0, 1, false, 0)
	return res
}

// solutionDemerits scores lines returned by Break with the same rules.
func solutionDemerits(items []Item, lines []Line, lw func(int) float64, p Params) float64 {
	_, forced := legalBreaks(items)
	total, fit, flagged := 0.0, 1, false
	for i, ln := range lines {
		e := evalRatio(items, ln.Start, ln.End, lw(i), forced[ln.End])
		var d float64
		d, fit, flagged = lineDemerits(items, ln.End, e.r, fit, flagged, p)
		total += d
	}
	return total
}

// randomParagraph mixes every kind of break opportunity the layout code
// emits, plus some hostile cases.
func randomParagraph(rng *rand.Rand, words int) []Item {
	var items []Item
	mode := rng.Intn(3) // 0 justified, 1 ragged, 2 no-space
	for i := 0; i < words; i++ {
		if i > 0 {
			switch k := rng.Intn(20); {
			case k == 0:
				items = append(items, PenaltyItem(0, -Infinity, false))
			case k == 1:
				items = append(items, PenaltyItem(0, Infinity, false), GlueItem(8, 3, 2)) // no-break space
			case k == 2:
				items = append(items, JustifiedSpace(6, 0, 0)...) // rigid
			case k == 3:
				// A space followed by a preferred break: the penalty lies in
				// the run discarded after a break at the glue.
				items = append(items, GlueItem(6, 3, 2), PenaltyItem(0, -rng.Float64()*300, false), GlueItem(0, 2, 0))
			case k == 4:
				// Centred fragment: fill glue that cancels out unless broken.
				items = append(items, PenaltyItem(0, Infinity, false), GlueItem(0, math.Inf(1), 0),
					PenaltyItem(0, 100, false), GlueItem(5, math.Inf(-1), 0))
			case mode == 0:
				items = append(items, JustifiedSpace(6+rng.Float64()*4, 3+rng.Float64()*2, 1+rng.Float64()*2)...)
			case mode == 1:
				items = append(items, RaggedBreak(7, 40)...)
			default:
				items = append(items, NoSpaceBreak(float64(rng.Intn(3)*50))...)
			}
		}
		w := 5 + rng.Float64()*45
		if rng.Intn(40) == 0 {
			w = 150 + rng.Float64()*100 // wider than most measures
		}
		if rng.Intn(6) == 0 { // hyphenatable word
			items = append(items, BoxItem(w/2), PenaltyItem(4, 50, true), BoxItem(w/2))
		} else {
			items = append(items, BoxItem(w))
		}
	}
	if rng.Intn(4) != 0 {
		items = Finish(items)
	}
	return items
}

func TestRandomParagraphs(t *testing.T) {
	rng := rand.New(rand.NewSource(20240601))
	var nOK, nFallback, nOverfull, nBrute, nRetry int
	defer func() {
		t.Logf("%d feasible, %d fallback (%d with overfull lines), %d checked by brute force, %d of them solved by the retry",
			nOK, nFallback, nOverfull, nBrute, nRetry)
		if nOK < 500 || nFallback < 100 || nOverfull < 20 || nBrute < 500 || nRetry < 50 {
			t.Error("random paragraphs do not cover every path")
		}
	}()
	for trial := 0; trial < 3000; trial++ {
		items := randomParagraph(rng, 1+rng.Intn(40))
		base := 60 + rng.Float64()*200
		first := base * (0.5 + rng.Float64()/2)
		lw := func(i int) float64 {
			if i == 0 {
				return first
			}
			return base
		}
		p := DefaultParams()
		p.Tolerance = []float64{0.5, 1, 2, 5, 10}[rng.Intn(5)]
		lines, ok := Break(items, lw, p)
		checkLines(t, items, lines, lw)
		if ok {
			nOK++
		} else {
			nFallback++
			for _, ln := range lines {
				if ln.Overfull {
					nOverfull++
					break
				}
			}
		}
		if ok {
			_, forced := legalBreaks(items)
			for i, ln := range lines {
				if !forced[ln.End] && ln.Ratio > p.Tolerance+1e-9 {
					t.Fatalf("trial %d line %d: ratio %v > tolerance %v", trial, i, ln.Ratio, p.Tolerance)
				}
			}
		}
		if breaks, _ := legalBreaks(items); len(breaks) > 22 {
			continue
		}
		want := bruteForce(items, lw, p, p.Tolerance)
		nBrute++
		if ok != want.feasible && len(lines) > 0 {
			t.Fatalf("trial %d: ok=%v, brute force feasible=%v\n%+v", trial, ok, want.feasible, lines)
		}
		if !ok {
			// The retry with unlimited tolerance must find the optimum too.
			want = bruteForce(items, lw, p, math.Inf(1))
			if want.feasible {
				nRetry++
			}
		}
		if want.feasible && len(lines) > 0 {
			got := solutionDemerits(items, lines, lw, p)
			if math.Abs(got-want.demerits) > 1e-7*math.Max(1, math.Abs(want.demerits)) {
				t.Fatalf("trial %d (ok=%v): demerits %v, optimum %v\n%+v", trial, ok, got, want.demerits, lines)
			}
		}
	}
}

func TestLoosenessBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	checked := 0
	for trial := 0; trial < 400; trial++ {
		var ws []float64
		for i := 0; i < 8+rng.Intn(8); i++ {
			ws = append(ws, 5+rng.Float64()*40)
		}
		items := words(ws...)
		lw := constWidth(90 + rng.Float64()*60)
		for _, q := range []int{-2, -1, 1, 2} {
			p := DefaultParams()
			p.Tolerance = 6
			p.Looseness = q
			lines, ok := Break(items, lw, p)
			want := bruteForce(items, lw, p, p.Tolerance)
			if ok != want.feasible {
				t.Fatalf("trial %d q %d: ok=%v feasible=%v", trial, q, ok, want.feasible)
			}
			if !ok {
				continue
			}
			// Optimal line count, then the achievable count closest to it+q.
			k, best := 0, math.Inf(1)
			for n, d := range want.byLines {
				if d < best {
					k, best = n, d
				}
			}
			target, dist := k, 0
			for n := range want.byLines {
				delta := n - k
				if (q > 0 && delta > 0 && delta <= q && delta > dist) || (q < 0 && delta < 0 && delta >= q && delta < dist) {
					target, dist = n, delta
				}
			}
			if len(lines) != target {
				t.Fatalf("trial %d q %d: %d lines, want %d (optimum %d, counts %v)", trial, q, len(lines), target, k, want.byLines)
			}
			got := solutionDemerits(items, lines, lw, p)
			if math.Abs(got-want.byLines[target]) > 1e-7*math.Max(1, got) {
				t.Fatalf("trial %d q %d: demerits %v want %v", trial, q, got, want.byLines[target])
			}
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("only %d feasible cases checked", checked)
	}
}
