package totalfit

import "math"

// Break chooses lines for items given the measure of each line
// (lineWidth(i) for line i, 0-based, so the first line can differ, e.g.
// for hanging list labels). lineWidth must accept any i >= 0: Break probes
// it once for as many lines as the paragraph has legal breaks.
//
// It returns ok = false when no feasible solution exists within
// p.Tolerance. The lines are then still usable: Break retries with
// unlimited tolerance and finally falls back to first fit, never returning
// a line wider than its measure unless a run with no legal break inside
// (such as a single box) is wider than the measure; such lines have
// Overfull set. Empty input, or input with neither boxes nor forced
// breaks, yields no lines and ok = true.
func Break(items []Item, lineWidth func(line int) float64, p Params) (lines []Line, ok bool) {
	if len(items) == 0 {
		return nil, true
	}
	pp := newPara(items, lineWidth)
	if len(pp.width) == 0 {
		return nil, true
	}
	// Size the arena for about one node per legal break.
	bk := &breaker{p: pp, prm: p.normalized(),
		nodes: make([]node, 0, len(pp.width)+1), active: make([]int32, 0, 32)}
	if lines, ok := bk.totalFit(bk.prm.Tolerance); ok {
		return lines, true
	}
	if !math.IsInf(bk.prm.Tolerance, 1) {
		if lines, ok := bk.totalFit(math.Inf(1)); ok {
			return lines, false
		}
	}
	return pp.firstFit(), false
}
