package linebreak

import "math"

// Frequency-weighted segmentation. Where the word list carries counts, a
// run is divided into the sequence of words of least total cost (cost.go),
// found by dynamic programming over the positions a line may break at
// (Viterbi's algorithm on a unigram model). A word may only start and end
// where the guards allow a break, so no choice of words splits a syllable;
// a stretch no word covers is taken one unit (from one allowed position to
// the next) at a time, and consecutive units form one unknown span, which
// is left whole, as a name or loanword should be.

// cell holds the best path to one position of a run.
type cell struct {
	cost    float32 // of the best path to the position
	step    float32 // the cost of its last step
	from    int32   // where that step starts
	unknown bool    // whether that step is an unknown unit
	ok      bool    // whether a word may start or end at the position
}

// lattice holds the best path to each position of a run, in one
// allocation.
type lattice []cell

// segment returns the word boundaries strictly inside text (a whole run),
// as rune indexes in increasing order, and the unknown spans.
func (e *engine) segment(text []rune) (breaks []int, unknown []span) {
	if len(text) < 2 {
		return nil, nil
	}
	return pathOf(e.bounds.join(text, e.pairs.adjust(text, e.bestSegments(text))))
}

// bestSegments returns the words and unknown spans of the cheapest
// division of text, short rare words next to unknown spans absorbed.
func (e *engine) bestSegments(text []rune) []segment {
	n := len(text)
	l := make(lattice, n+1)
	l[0].ok, l[n].ok = true, true
	for i := 1; i <= n; i++ {
		l[i].cost = math.MaxFloat32
		l[i].ok = i == n || !guarded(text, i)
	}
	var lengths [maxCandidates]int
	var nodes [maxCandidates]int32
	for p := 0; p < n; p++ {
		if !l[p].ok || l[p].cost == math.MaxFloat32 {
			continue
		}
		count := e.dict.matchNodes(text, p, &lengths, &nodes)
		for k := 0; k < count; k++ {
			if q := p + lengths[k]; l[q].ok {
				l.relax(p, q, e.dict.wordCost(nodes[k]), false)
			}
		}
		for _, t := range e.extra {
			count := t.matchNodes(text, p, &lengths, &nodes)
			for k := 0; k < count; k++ {
				if q := p + lengths[k]; l[q].ok {
					l.relax(p, q, projectWordCost+e.dict.penalty, false)
				}
			}
		}
		q := p + 1
		for !l[q].ok {
			q++
		}
		l.relax(p, q, e.dict.unknown, true)
	}
	return absorbShort(l.segments(n), e.dict.rare, e.dict.rareRun, l.units)
}

// units counts the units of a segment: the stretches between the
// positions where a word may start or end.
func (l lattice) units(s segment) int {
	n := 1
	for i := s.start + 1; i < s.end; i++ {
		if l[i].ok {
			n++
		}
	}
	return n
}

func (l lattice) relax(p, q int, cost float32, unknown bool) {
	if c := l[p].cost + cost; c < l[q].cost {
		l[q].cost, l[q].from, l[q].unknown, l[q].step = c, int32(p), unknown, cost
	}
}

// pathOf returns the boundaries between segs and their unknown spans.
func pathOf(segs []segment) (breaks []int, unknown []span) {
	for i, sg := range segs {
		if i > 0 {
			breaks = append(breaks, sg.start)
		}
		if sg.unknown {
			unknown = append(unknown, span{sg.start, sg.end})
		}
	}
	return breaks, unknown
}

// segment is one word of a path, or one unknown span.
type segment struct {
	start, end int
	unknown    bool
	cost       float32 // a word's cost
}

// segments returns the words of the best path to n in order, with the
// units of each unknown stretch made one span.
func (l lattice) segments(n int) []segment {
	segs := make([]segment, 0, n/3+1)
	for q := n; q > 0; {
		p := int(l[q].from)
		if l[q].unknown {
			for p > 0 && l[p].unknown {
				p = int(l[p].from)
			}
		}
		segs = append(segs, segment{p, q, l[q].unknown, l[q].step})
		q = p
	}
	reverse(segs)
	return segs
}

// shortWord is the length, in characters, up to which a rare word next to
// an unknown span is taken to be part of it: a name or loanword the list
// does not know is often spelt with short words inside (`โต|โย|ต้า`), as
// ICU's engines assume too (they combine a non-word with a neighbour
// shorter than three characters). A frequent word (`ទៅ`) stays apart.
const shortWord = 2

// absorbShort merges into each unknown span the short words around it
// that cost rare or more, and unknown spans that come to touch into one.
// Two rare words of at most rareRun characters and syllableUnits units
// side by side become an unknown span too: a loanword the list lacks is
// often spelt entirely with syllables that the list has as words and that
// translators never write alone (`ប្លា|ស្មា` "plasma", `យ៉យ|ស្ទីក`
// "joystick").
// syllableUnits is the most units a rare word may have to be taken for a
// syllable of a loanword: a word of three or four units is a word of its
// own, however rare in the UI strings the counts come from. At rareRun
// alone, `មកពី|ពលករ` "from workers" and `ឱ្យ|ពលករ` became one unknown
// word that no line could break in and that check reported (ពលករ
// "worker" is never counted there); at 2 the references score the same.
const syllableUnits = 2

func absorbShort(segs []segment, rare float32, rareRun int, units func(segment) int) []segment {
	absorbs := func(a, b segment) bool { // whether a and b become one unknown span
		short := func(s segment) bool { return !s.unknown && s.cost >= rare && s.end-s.start <= shortWord }
		syllable := func(s segment) bool {
			return !s.unknown && s.cost >= rare && s.end-s.start <= rareRun && units(s) <= syllableUnits
		}
		return a.unknown && (b.unknown || short(b)) || b.unknown && short(a) || syllable(a) && syllable(b)
	}
	for changed := true; changed; {
		changed = false
		out := segs[:0]
		for _, sg := range segs {
			if n := len(out); n > 0 && absorbs(out[n-1], sg) {
				out[n-1] = segment{out[n-1].start, sg.end, true, 0}
				changed = true
				continue
			}
			out = append(out, sg)
		}
		segs = out
	}
	return segs
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// matchNodes finds the dictionary words that are prefixes of text[start:],
// storing their lengths (increasing) and trie nodes, and returns how many.
func (t *trie) matchNodes(text []rune, start int, lengths *[maxCandidates]int, nodes *[maxCandidates]int32) int {
	node, count := int32(0), 0
	for i := start; i < len(text); i++ {
		node = t.child(node, text[i])
		if node < 0 {
			break
		}
		if t.isWord(node) && count < maxCandidates {
			lengths[count], nodes[count] = i+1-start, node
			count++
		}
		if t.isLeaf(node) {
			break
		}
	}
	return count
}
