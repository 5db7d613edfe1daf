package totalfit

import "math"

// sums are running totals of the items before some index. fil counts
// infinitely stretchable glue (negative for −∞), kept apart so that finite
// totals stay finite and exact.
type sums struct {
	w, y, z float64
	fil     int
}

// para holds a paragraph prepared for breaking: prefix sums, the measures
// of the lines, and the implicit final break if there is one.
type para struct {
	items []Item
	pre   []sums // pre[i] totals items[:i]; len(items)+1 entries
	end   int    // len(items) if there is an implicit final break there, else -1
	// width[j] is the measure of line j; beyond len(width)-1 lines cannot
	// exist. From line easy on, all measures are equal.
	width []float64
	easy  int
}

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

func newPara(items []Item, lineWidth func(int) float64) *para {
	p := &para{items: items, pre: make([]sums, len(items)+1), end: -1}
	var s sums
	breaks := 0
	boxAfterForced, anyForced := false, false
	for i, it := range items {
		p.pre[i] = s
		s.w += finite(it.Width)
		switch it.Kind {
		case Glue:
			switch {
			case math.IsInf(it.Stretch, 1):
				s.fil++
			case math.IsInf(it.Stretch, -1):
				s.fil--
			default:
				s.y += finite(it.Stretch)
			}
			s.z += finite(it.Shrink)
		case Box:
			boxAfterForced = true
		}
		if p.legal(i) {
			breaks++
			if it.forced() {
				boxAfterForced, anyForced = false, true
			}
		}
	}
	p.pre[len(items)] = s
	if boxAfterForced {
		p.end = len(items)
		breaks++
	}
	if breaks == 0 || !anyForced && !boxAfterForced {
		// Nothing to set: no box and no forced break (only discardable
		// items, which would vanish at line starts anyway).
		p.width = nil
		return p
	}
	// Every line ends at a distinct legal break, so there are at most
	// `breaks` lines. Probe their measures once.
	p.width = make([]float64, breaks)
	for j := range p.width {
		w := lineWidth(j)
		if math.IsNaN(w) {
			w = 0
		}
		p.width[j] = w
	}
	p.easy = breaks - 1
	for p.easy > 0 && p.width[p.easy-1] == p.width[p.easy] {
		p.easy--
	}
	return p
}

// legal reports whether a break may be taken at index i.
func (p *para) legal(i int) bool {
	if i == p.end {
		return true
	}
	if i >= len(p.items) {
		return false
	}
	it := p.items[i]
	switch it.Kind {
	case Penalty:
		return it.Penalty < Infinity
	case Glue:
		return i > 0 && p.items[i-1].Kind == Box
	}
	return false
}

// forced reports whether the break at legal index i is forced.
func (p *para) forced(i int) bool { return i == p.end || p.items[i].forced() }

// flagged reports whether the break at legal index i is a flagged penalty.
func (p *para) flagged(i int) bool {
	return i < len(p.items) && p.items[i].Kind == Penalty && p.items[i].Flagged
}

// startAfter returns the first item of the line after a break at b: glue
// and unforced penalties are discarded up to the next box or forced
// penalty.
func (p *para) startAfter(b int) int {
	i := b + 1
	for i < len(p.items) {
		it := p.items[i]
		if it.Kind == Box || it.forced() {
			break
		}
		i++
	}
	return i
}

func (p *para) measureOf(line int) float64 {
	if line >= len(p.width) {
		line = len(p.width) - 1
	}
	return p.width[line]
}

// fit describes one candidate line.
type fit struct {
	natural, shrink float64
	ratio           float64 // may be ±Inf when the line cannot be justified
}

// measure returns the natural width, shrink and adjustment ratio of the
// line [s, b) ending with a break at b and set in measure l.
func (p *para) measure(s, b int, l float64) fit {
	a, e := p.pre[s], p.pre[b]
	f := fit{natural: e.w - a.w, shrink: e.z - a.z}
	if b < len(p.items) && p.items[b].Kind == Penalty {
		f.natural += finite(p.items[b].Width)
	}
	stretch, fil := e.y-a.y, e.fil-a.fil
	slack := l - f.natural
	eps := 1e-9 * (1 + math.Abs(l))
	switch {
	case slack > eps:
		switch {
		case fil > 0 || p.forced(b):
			f.ratio = 0
		case stretch > eps:
			f.ratio = slack / stretch
		default:
			f.ratio = math.Inf(1)
		}
	case slack < -eps:
		if f.shrink > eps {
			f.ratio = slack / f.shrink
			if f.ratio < -1 && slack+f.shrink >= -eps {
				f.ratio = -1 // rounding: fits exactly when fully shrunk
			}
		} else {
			f.ratio = math.Inf(-1)
		}
	}
	return f
}

// line builds the Line [s, b) set in measure l.
func (p *para) line(s, b int, l float64) Line {
	f := p.measure(s, b, l)
	ln := Line{Start: s, End: b, Ratio: f.ratio, Width: f.natural}
	switch {
	case f.ratio < -1:
		ln.Overfull = true
		ln.Ratio = 0
		if f.shrink > 0 {
			ln.Ratio = -1
		}
	case math.IsInf(f.ratio, 1):
		ln.Ratio = 0 // nothing can stretch: natural width
	}
	return ln
}

// fitness returns the paper's fitness class: 0 tight, 1 decent, 2 loose,
// 3 very loose.
func fitness(r float64) uint8 {
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
