package layout

import (
	"math"
	"sort"
	"strings"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/internal/linebreak/totalfit"
	"github.com/mekong-briefs/briefs/internal/pages"
)

// line is one set line: glyph runs positioned from the line's start on its
// baseline, with its ink extents for leading.
type line struct {
	width   float64 // drawn width
	indent  float64 // where the line starts within its measure (flush right, centred)
	ascent  float64 // ink above the baseline, points (positive)
	descent float64 // ink below the baseline, points (positive)
	runs    []pages.GlyphRun
	links   []pages.Link // X relative to the line start, Y relative to the baseline
	rules   []pages.Rect // underlines, placed like links
	// link is the underline being drawn: its URI, where it ends, and its
	// first rule, so that the runs of one link share one underline depth.
	link struct {
		uri  string
		end  float64
		from int
	}
	// band is the highlight being drawn: where it ends and its first
	// rectangle, so that the runs of one emphasised phrase (Khmer, a
	// space, a Latin acronym) share one band, top and bottom.
	band struct {
		end  float64
		from int
	}
}

// text is what the line reads, its runs' text in order.
func (ln line) text() string {
	var b strings.Builder
	for _, r := range ln.runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// chosen is how a paragraph breaks for a measure: its pieces, with the
// overlong words split and the stretch justification may give each gap
// (read only once chosen), the words that were split, and the lines, set.
type chosen struct {
	pieces []piece
	split  []string
	lines  []lineShape
}

// choose splits overlong words and chooses the lines of the paragraph
// for the measure (Knuth–Plass total fit). The paragraph's pieces become
// its own: those it had may be shared (Memo).
func (p *paragraph) choose(m measure, justify bool, em float64) *chosen {
	ch := &chosen{split: p.splitOverlong(min(m.first, m.rest))}
	ch.pieces = p.pieces
	if len(p.pieces) == 0 {
		return ch
	}
	items, boxAt := p.items(justify, em)
	lines, _ := totalfit.Break(items, m.at, totalfit.DefaultParams())
	for li, l := range lines {
		first := sort.SearchInts(boxAt, l.Start)
		last := sort.SearchInts(boxAt, l.End) - 1
		if first > last {
			continue
		}
		// Justify every line but the last of a paragraph (or before a
		// hard break), and any line the breaker chose to shrink: a last
		// line may be set tight rather than spill onto a line of its own.
		full := justify && (l.Ratio < 0 || li < len(lines)-1 && !p.pieces[last].mandatory)
		ch.lines = append(ch.lines, p.shapeLine(first, last, m.at(li), full))
	}
	return ch
}

// setLines styles the chosen lines.
func (p *paragraph) setLines(lines []lineShape) []line {
	out := make([]line, 0, len(lines))
	for _, ls := range lines {
		out = append(out, p.dressLine(ls))
	}
	return out
}

// lineShape is a line's glyphs positioned, before the styling of its
// runs: all that depends only on the paragraph's shaped text and pieces
// and the line's choice, so that the memo keeps it with the lines.
type lineShape struct {
	width, ascent, descent float64
	runs                   []runShape
}

// runShape is the part of one of the paragraph's runs on a line.
type runShape struct {
	run                int     // index into the paragraph's runs
	x0, x1             float64 // where it starts and ends on the line
	depth              float64 // its deepest ink below the baseline, em
	textStart, textEnd int
	glyphs             []pages.Glyph // read only: they may be the memo's
}

// shapeLine positions pieces [first, last] as one line. Trailing spaces of
// the last piece are kept with no advance: they draw nothing and take no
// room, yet the text of the line ends in the space the source has, so
// copied text and the structure tree read "of investment", not
// "ofinvestment". A justified line spreads its slack over its spaces or,
// in a line without spaces (Thai, Khmer, Burmese), over its word
// boundaries, never inside a cluster.
func (p *paragraph) shapeLine(first, last int, measure float64, justify bool) lineShape {
	g0, g1 := p.pieces[first].g0, p.pieces[last].g1
	trailing := g1 - p.pieces[last].spaces // first glyph of the trailing spaces
	soft := -1                             // the soft hyphen the line ends at, drawn as a hyphen
	if pc := p.pieces[last]; pc.soft && pc.hyphenW > 0 && last < len(p.pieces)-1 {
		soft = g1 - 1
	}
	var extra []float64 // glyph index - g0 -> added advance
	if justify {
		extra = make([]float64, g1-g0)
		p.justify(first, last, measure, extra, g0)
	}
	// One array holds the line's glyphs; each run takes its part.
	glyphs := make([]pages.Glyph, 0, g1-g0)
	var ls lineShape
	x := 0.0
	for g := g0; g < g1; {
		ri := p.glyphs[g].run
		r := p.runs[ri]
		end := g
		for end < g1 && p.glyphs[end].run == ri {
			end++
		}
		rs := runShape{run: ri, x0: x, textStart: p.glyphs[g].Cluster, textEnd: r.End}
		if end < len(p.glyphs) && p.glyphs[end].run == ri {
			rs.textEnd = p.glyphs[end].Cluster
		}
		from := len(glyphs)
		for i := g; i < end; i++ {
			pg := p.glyphs[i]
			adv := pg.adv
			if extra != nil {
				adv += extra[i-g0]
			}
			if i >= trailing {
				adv = 0
			}
			id := pg.ID
			if i == soft {
				id, adv = p.pieces[last].hyphen, p.pieces[last].hyphenW
			}
			glyphs = append(glyphs, pages.Glyph{ID: id, XAdvance: adv,
				XOffset: pg.XOffset * r.size, YOffset: pg.YOffset * r.size, Cluster: pg.Cluster - rs.textStart})
			ls.ascent = math.Max(ls.ascent, pg.Top*r.size)
			ls.descent = math.Max(ls.descent, -pg.Bottom*r.size)
			rs.depth = math.Max(rs.depth, -pg.Bottom)
			x += adv
		}
		rs.x1, rs.glyphs = x, glyphs[from:len(glyphs):len(glyphs)]
		ls.runs = append(ls.runs, rs)
		g = end
	}
	ls.width = x
	return ls
}

// dressLine makes a line of a line's shape with the styles of the
// paragraph's runs: faces, colours, links, emphasis and structure nodes.
func (p *paragraph) dressLine(ls lineShape) line {
	ln := line{width: ls.width, ascent: ls.ascent, descent: ls.descent, runs: make([]pages.GlyphRun, 0, len(ls.runs))}
	for _, rs := range ls.runs {
		r := p.runs[rs.run]
		ln.runs = append(ln.runs, pages.GlyphRun{Face: r.Face, Size: r.size, X: rs.x0, Color: r.color, Node: r.node,
			Lang: p.runLang(r), Text: p.text[rs.textStart:rs.textEnd], Glyphs: rs.glyphs})
		ln.decorate(r, rs.x0, rs.x1, rs.depth)
	}
	return ln
}

// addLink adds a link's area to the line, or widens the last one when
// this goes on from it: a link set in two faces or scripts (a Latin
// acronym in Khmer text, a bracket) is one run each, and was one
// annotation each, some 3 pt wide, so that a keyboard or a screen reader
// met one link three or four times.
func (ln *line) addLink(l pages.Link) {
	if n := len(ln.links); n > 0 {
		prev := &ln.links[n-1]
		if prev.URI == l.URI && prev.Node == l.Node && math.Abs(prev.X+prev.W-l.X) < 0.01 {
			top, bottom := math.Min(prev.Y, l.Y), math.Max(prev.Y+prev.H, l.Y+l.H)
			prev.W = l.X + l.W - prev.X
			prev.Y, prev.H = top, bottom-top
			return
		}
	}
	ln.links = append(ln.links, l)
}

// decorate adds what a run's inline style draws besides its glyphs, from
// runX to x on the line: the highlight band of emphasis, and a link's
// area and underline. depth is the run's deepest ink below the baseline,
// in em.
func (ln *line) decorate(r styledRun, runX, x, depth float64) {
	if x <= runX {
		return
	}
	if r.tint {
		// Behind the glyphs (the writer draws rectangles first), from
		// the ascender down past the subscripts.
		bottom := math.Max(0.3, depth+0.04)
		band := pages.Rect{X: runX, Y: -r.size * 0.95, W: x - runX, H: r.size * (0.95 + bottom), Fill: &highlight}
		if ln.band.from == 0 || math.Abs(ln.band.end-runX) > 0.01 {
			ln.band.from = len(ln.rules) + 1 // 0: no band yet
		}
		ln.band.end = x
		ln.rules = append(ln.rules, band)
		// One phrase, one band: as high and as deep as its runs'.
		top, foot := 0.0, 0.0
		for _, b := range ln.rules[ln.band.from-1:] {
			if b.Fill == &highlight {
				top, foot = math.Min(top, b.Y), math.Max(foot, b.Y+b.H)
			}
		}
		for i := ln.band.from - 1; i < len(ln.rules); i++ {
			if ln.rules[i].Fill == &highlight {
				ln.rules[i].Y, ln.rules[i].H = top, foot-top
			}
		}
	}
	if r.link == "" {
		return
	}
	ln.addLink(pages.Link{X: runX, Y: -r.size * 0.9, W: x - runX, H: r.size * 1.2, URI: r.link, Text: r.linkText, Node: r.node})
	// Links are underlined as well as coloured, so that they read as
	// links in greyscale print too. Under Khmer subscripts, Burmese
	// medials and Thai vowels below, the underline drops below the ink
	// rather than cut through it.
	under := 0.12
	if marksBelow(r.Script) {
		under = math.Max(under, depth+0.06)
	}
	rule := pages.Rect{X: runX, Y: r.size * under, W: x - runX, H: r.size * 0.05, Fill: &r.color}
	if ln.link.uri != r.link || math.Abs(ln.link.end-runX) > 0.01 {
		ln.link.uri, ln.link.from = r.link, len(ln.rules)
	}
	ln.link.end = x
	ln.rules = append(ln.rules, rule)
	// One link, one straight underline: as deep as its deepest run's.
	deepest := 0.0
	for _, u := range ln.rules[ln.link.from:] {
		if u.Fill != &highlight {
			deepest = math.Max(deepest, u.Y)
		}
	}
	for i := ln.link.from; i < len(ln.rules); i++ {
		if ln.rules[i].Fill != &highlight {
			ln.rules[i].Y = deepest
		}
	}
}

// marksBelow reports whether a script stacks marks or subscripts below
// the baseline, deeper than Latin descenders.
func marksBelow(s language.Script) bool {
	switch s {
	case language.Khmer, language.Myanmar, language.Thai, language.Lao:
		return true
	}
	return false
}

// justify fills extra, indexed from glyph g0, with the advance each gap
// gets so that the line fills the measure: every gap moves by the same
// ratio of the stretch (or shrink) the line breaker was given for it, as
// in Knuth–Plass. Spaces take most; word boundaries in Thai, Khmer and
// Burmese take a little; nothing moves inside a cluster.
func (p *paragraph) justify(first, last int, measure float64, extra []float64, g0 int) {
	natural, stretch, shrink := 0.0, 0.0, 0.0
	for i := first; i <= last; i++ {
		pc := p.pieces[i]
		natural += pc.width
		if i < last {
			natural += pc.spaceW
			stretch += pc.stretch
			shrink += pc.shrink
		}
	}
	slack := measure - natural
	var ratio float64
	switch {
	case slack > 0 && stretch > 0:
		ratio = slack / stretch
	case slack < 0 && shrink > 0:
		ratio = math.Max(slack/shrink, -1)
	default:
		return
	}
	// A word boundary with no space (Thai, Khmer, Burmese) widens by at
	// most twice its stretch (0.16 em, under two thirds of a space): past
	// that a reader takes it for a space, a phrase break the text does not
	// have. What it leaves goes to the spaces, or stays at the line's end
	// when there are none.
	spaceRatio := ratio
	if ratio > maxBoundaryRatio {
		spaceStretch, left := 0.0, slack
		for i := first; i < last; i++ {
			if pc := p.pieces[i]; pc.spaceW > 0 {
				spaceStretch += pc.stretch
			} else {
				left -= maxBoundaryRatio * pc.stretch
			}
		}
		if spaceStretch > 0 {
			spaceRatio = left / spaceStretch
		}
	}
	for i := first; i < last; i++ {
		pc := p.pieces[i]
		amount, r := pc.stretch, spaceRatio
		switch {
		case ratio < 0:
			amount, r = pc.shrink, ratio
		case pc.spaceW == 0:
			r = math.Min(ratio, maxBoundaryRatio)
		}
		if amount > 0 {
			extra[pc.g1-1-g0] += r * amount
		}
	}
}

// maxBoundaryRatio is how many times its stretch a word boundary without
// a space may widen in a justified line.
const maxBoundaryRatio = 2

// runLang is the language to tag a run with, if not the paragraph's own.
func (p *paragraph) runLang(r styledRun) string {
	if l := string(r.Lang); l != "" && l != p.lang {
		return l
	}
	return ""
}
