package totalfit

import "math"

// node is a feasible break (an active or retired node of the paper's
// active list), kept in an arena and linked to its best predecessor.
type node struct {
	pos     int     // index of the break item; -1 for the paragraph start
	start   int     // first item of the line after this break
	line    int     // number of lines up to this break (index of the next line)
	fit     uint8   // fitness class of the line ending here
	flagged bool    // the break is a flagged penalty
	total   float64 // total demerits of the best paragraph prefix ending here
	ratio   float64 // adjustment ratio of the line ending here
	natural float64 // natural width of the line ending here
	prev    int32   // arena index of the previous break; -1 at the start
}

// maxBadness caps badness so that demerits stay finite even for lines
// stretched far beyond any sensible tolerance.
const maxBadness = 1e15

// candidate is the best way found to reach the current breakpoint in one
// fitness class.
type candidate struct {
	set     bool
	total   float64
	from    int32
	line    int
	ratio   float64
	natural float64
}

// group holds the candidates for one line class: nodes that will be
// followed by lines of the same measures are interchangeable.
type group struct {
	key  int
	best [4]candidate
}

// breaker holds scratch space for total-fit passes.
type breaker struct {
	p      *para
	prm    Params
	nodes  []node
	active []int32
	groups []group
}

// totalFit runs the paper's algorithm with the given tolerance. It returns
// ok = false if at some breakpoint no active node remains, meaning no set
// of breaks keeps every line within tolerance.
func (bk *breaker) totalFit(tol float64) ([]Line, bool) {
	p, prm := bk.p, bk.prm
	bk.nodes = append(bk.nodes[:0], node{pos: -1, start: 0, fit: 1, prev: -1})
	bk.active = append(bk.active[:0], 0)
	last := len(p.items)
	for b := 0; b <= last; b++ {
		if !p.legal(b) {
			continue
		}
		forced := p.forced(b)
		var pen float64
		if b < len(p.items) && !forced {
			pen = p.items[b].Penalty
		}
		flagged := p.flagged(b)
		bk.groups = bk.groups[:0]
		kept := bk.active[:0]
		for _, ai := range bk.active {
			a := &bk.nodes[ai]
			if a.start > b {
				// b lies in the run discarded after a; no line can end there.
				kept = append(kept, ai)
				continue
			}
			f := p.measure(a.start, b, p.measureOf(a.line))
			r := f.ratio
			if r >= -1 && r <= tol && !math.IsInf(r, 0) {
				bad := math.Min(100*math.Abs(r*r*r), maxBadness)
				d := (prm.LinePenalty + bad) * (prm.LinePenalty + bad)
				switch {
				case forced:
				case pen >= 0:
					d += pen * pen
				default:
					d -= pen * pen
				}
				if flagged && a.flagged {
					d += prm.FlaggedDemerits
				}
				c := fitness(r)
				if c > a.fit+1 || a.fit > c+1 {
					d += prm.FitnessDemerits
				}
				bk.offer(a.line+1, c, candidate{set: true, total: a.total + d, from: ai,
					line: a.line + 1, ratio: r, natural: f.natural})
			}
			if r >= -1 && !forced {
				kept = append(kept, ai)
			}
		}
		bk.active = kept
		if len(bk.groups) > 0 {
			start := p.startAfter(b)
			for gi := range bk.groups {
				g := &bk.groups[gi]
				min := math.Inf(1)
				for _, c := range g.best {
					if c.set && c.total < min {
						min = c.total
					}
				}
				for fc, c := range g.best {
					// A class worse than the best by more than the fitness
					// demerits can never win later: prune it.
					if !c.set || c.total > min+prm.FitnessDemerits {
						continue
					}
					bk.nodes = append(bk.nodes, node{pos: b, start: start, line: c.line,
						fit: uint8(fc), flagged: flagged, total: c.total, ratio: c.ratio,
						natural: c.natural, prev: c.from})
					bk.active = append(bk.active, int32(len(bk.nodes)-1))
				}
			}
		}
		if len(bk.active) == 0 {
			return nil, false
		}
	}
	return bk.lines(bk.choose()), true
}

// offer records c as a way to reach the current breakpoint with a line of
// fitness class fc, as line number line-1.
func (bk *breaker) offer(line int, fc uint8, c candidate) {
	key := line
	if bk.prm.Looseness == 0 && line >= bk.p.easy {
		key = bk.p.easy // all later lines have the same measure
	}
	for i := range bk.groups {
		if bk.groups[i].key == key {
			if old := &bk.groups[i].best[fc]; !old.set || c.total < old.total {
				*old = c
			}
			return
		}
	}
	bk.groups = append(bk.groups, group{key: key})
	bk.groups[len(bk.groups)-1].best[fc] = c
}

// choose picks the final node among the active ones (which all sit at the
// last, forced, break): fewest demerits, or with Looseness q the line count
// closest to optimal+q, then fewest demerits ("More bells and whistles").
func (bk *breaker) choose() int32 {
	best := bk.active[0]
	for _, ai := range bk.active[1:] {
		if bk.nodes[ai].total < bk.nodes[best].total {
			best = ai
		}
	}
	q := bk.prm.Looseness
	if q == 0 {
		return best
	}
	k := bk.nodes[best].line
	s, d, pick := 0, bk.nodes[best].total, best
	for _, ai := range bk.active {
		a := &bk.nodes[ai]
		delta := a.line - k
		if (q <= delta && delta < s) || (s < delta && delta <= q) {
			s, d, pick = delta, a.total, ai
		} else if delta == s && a.total < d {
			d, pick = a.total, ai
		}
	}
	return pick
}

// lines follows the chain of breaks back from the final node.
func (bk *breaker) lines(last int32) []Line {
	n := bk.nodes[last].line
	out := make([]Line, n)
	for i := last; bk.nodes[i].prev >= 0; i = bk.nodes[i].prev {
		nd := &bk.nodes[i]
		out[nd.line-1] = Line{Start: bk.nodes[nd.prev].start, End: nd.pos,
			Ratio: nd.ratio, Width: nd.natural}
	}
	return out
}
