package totalfit

// firstFit is the last-resort fallback: each line takes every item up to
// the last legal break at which it still fits with its glue fully shrunk
// (the "first fit" method the paper compares against in "Introduction to
// the algorithm"). A line overflows only when the run from its start to
// the next legal break is alone wider than the measure.
func (p *para) firstFit() []Line {
	var out []Line
	s, last := 0, -1
	for b := 0; b <= len(p.items); {
		if !p.legal(b) || b < s || (b == s && !p.forced(b)) {
			b++
			continue
		}
		l := p.measureOf(len(out))
		if f := p.measure(s, b, l); f.ratio >= -1 {
			if p.forced(b) {
				out = append(out, p.line(s, b, l))
				s, last = p.startAfter(b), -1
			} else {
				last = b
			}
			b++
			continue
		}
		if last >= 0 {
			// Break at the last fit and look at b again from the new start.
			out = append(out, p.line(s, last, l))
			s, last = p.startAfter(last), -1
			continue
		}
		// Nothing fits: [s, b) has no legal break inside and is too wide.
		out = append(out, p.line(s, b, l))
		s = p.startAfter(b)
		b++
	}
	return out
}
