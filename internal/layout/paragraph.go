package layout

import (
	"strings"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/linebreak/totalfit"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/shape"
	"github.com/mekong-briefs/briefs/internal/text"
)

// A paragraph is set in four steps: itemise and shape its text (once, for
// the whole paragraph), cut the glyphs into pieces between line-break
// opportunities, choose the breaks over the whole paragraph (Knuth–Plass
// total fit), and turn each line's pieces into positioned glyph runs.

// styledRun is an itemised run with the inline style of its span.
type styledRun struct {
	text.Run
	size  float64
	color pages.Color
	link  string
	// linkText is the link's words, all its spans': the description a
	// screen reader gives the link annotation.
	linkText string
	node     pages.NodeID // the run's Link node, or Inherit
	// tint marks emphasis in a language whose faces have no italic: a
	// band of highlight behind the run (see README, Typography).
	tint bool
}

// placed is one shaped glyph of the paragraph, scaled to points.
type placed struct {
	shape.Glyph
	run   int     // index into the paragraph's runs
	adv   float64 // advance in points
	space bool    // the glyph draws a space character
}

// piece is the glyphs between two break opportunities. Trailing spaces
// are kept apart: they become glue, and vanish at a line end.
type piece struct {
	g0, g1    int     // glyph range [g0, g1), spaces included
	spaces    int     // trailing space glyphs, the last of [g0, g1)
	width     float64 // natural width without trailing spaces
	spaceW    float64 // width of trailing spaces
	mandatory bool    // a hard line break follows
	forced    bool    // an emergency split inside an overlong word
	// penalty is what ending a line after the piece costs: 0 at a space,
	// more at a dictionary word boundary or before a Burmese particle
	// (linebreak.Break.Penalty), so lines end at spaces and phrase
	// boundaries when that costs little fullness.
	penalty float64
	// stretch and shrink are how far justification may widen or narrow
	// the gap after the piece, as given to the line breaker.
	stretch, shrink float64
	// soft marks a piece that ends with a soft hyphen: a line that ends
	// after it draws hyphen, whose advance hyphenW the line then takes.
	soft    bool
	hyphen  uint16
	hyphenW float64
}

// paragraph is a paragraph ready for line breaking.
type paragraph struct {
	lang   string // the document's language
	text   string
	runs   []styledRun
	glyphs []placed // read only: they may be the memo's
	// pieces may be the memo's until choose gives the paragraph its own.
	pieces []piece
	// shared is what the memo holds of the paragraph, or nil.
	shared *shapedPara
}

// paragraph itemises, shapes and cuts spans set in style ps, or finds
// them so in the engine's memo, and styles them for this use. Under a
// structure node (not Artifact), each link span gets a Link node of its
// own, so that its text and its annotation go together (ISO 32000-1,
// 14.8.4.4.2).
func (st *setter) paragraph(spans []manuscript.Span, ps paraStyle, node pages.NodeID) *paragraph {
	if st.memo == nil {
		return st.dress(st.shape(spans, ps), nil, spans, ps, node)
	}
	key := memoKey{breaker: st.engineBreaker, setter: st.memoID, size: ps.size * st.metrics.scale, display: ps.display,
		spans: st.memoSpans(spans, ps)}
	if sh := st.memo.get(key); sh != nil {
		if faces, ok := st.adopt(sh, ps); ok {
			p := st.dress(sh, faces, spans, ps, node)
			p.shared = sh
			return p
		}
		// Shaped with other font programs (a test's engine with faces
		// of its own): set it afresh.
		return st.dress(st.shape(spans, ps), nil, spans, ps, node)
	}
	sh := st.shape(spans, ps)
	st.noteFaces(sh, ps)
	p := st.dress(sh, nil, spans, ps, node)
	if st.memo.put(key, sh) {
		// Lines are memoised only for a paragraph the memo holds: any
		// other's would be kept under a key no lookup finds.
		p.shared = sh
	}
	return p
}

// spanStyle is the face style a span is set in.
func (st *setter) spanStyle(sp manuscript.Span, ps paraStyle) fonts.Style {
	style := fonts.Regular
	if ps.bold || sp.Strong {
		style |= fonts.Bold
	}
	if sp.Emph && st.metrics.italic {
		style |= fonts.Italic
	}
	return style
}

// shape itemises and shapes spans set in style ps, and cuts the glyphs at
// the text's break opportunities: all that depends only on the text, the
// language, the faces, the size and the style (memoKey).
func (st *setter) shape(spans []manuscript.Span, ps paraStyle) *shapedPara {
	var b strings.Builder
	bounds := make([]int, len(spans)+1)
	for i, sp := range spans {
		// Sources are checked for UTF-8 upstream; this keeps the byte
		// offsets of clusters sound whatever arrives.
		b.WriteString(strings.ToValidUTF8(sp.Text, "\uFFFD"))
		bounds[i+1] = b.Len()
	}
	sh := &shapedPara{text: b.String()}
	for i, sp := range spans {
		for _, r := range text.Itemize(sh.text, bounds[i], bounds[i+1], st.lang, st.spanStyle(sp, ps), st.faces(ps)) {
			if s, ok := text.ScriptOf(sp.Lang); ok && s == r.Script {
				// A span in another language, in that language's script
				// (an English name in Vietnamese): its runs are in it. In
				// another script (the name written in Khmer) the
				// document's language stands.
				r.Lang = language.NewLanguage(sp.Lang)
			}
			sh.runs = append(sh.runs, shapedRun{Run: r, span: i})
		}
	}
	size := ps.size * st.metrics.scale
	shaped := make([][]shape.Glyph, len(sh.runs))
	n := 0
	for i, r := range sh.runs {
		shaped[i] = st.shaper.Shaped(sh.text, r.Run)
		n += len(shaped[i])
	}
	sh.glyphs = make([]placed, 0, n)
	for i, gs := range shaped {
		for _, g := range gs {
			g.Cluster += sh.runs[i].Start // Shaped counts from the run's start
			sh.glyphs = append(sh.glyphs, placed{Glyph: g, run: i, adv: g.Advance * size,
				space: sh.text[g.Cluster] == ' '})
		}
	}
	sh.missing = firstMissing(sh.glyphs) + 1
	sh.dotted = firstDotted(sh.text, sh.glyphs, func(run int) *fonts.Face { return sh.runs[run].Face }) + 1
	p := &paragraph{text: sh.text, glyphs: sh.glyphs}
	p.cutPieces(st.breaks(sh.text))
	for i, pc := range p.pieces {
		if pc.soft && pc.g1 > pc.g0 {
			p.pieces[i].hyphen, p.pieces[i].hyphenW = st.hyphenGlyph(sh.runs[sh.glyphs[pc.g1-1].run].Run, size)
		}
	}
	sh.pieces = p.pieces
	return sh
}

// hyphenGlyph shapes the hyphen a line ending at a soft hyphen draws, in
// the face, script and language of the run it ends: U+2010 HYPHEN, or the
// hyphen-minus in a face without it. It returns the glyph and its advance
// at size.
func (st *setter) hyphenGlyph(r text.Run, size float64) (uint16, float64) {
	for _, h := range []string{"\u2010", "-"} {
		run := r
		run.Start, run.End = 0, len(h)
		if gs := st.shaper.Shaped(h, run); len(gs) == 1 && gs[0].ID != 0 {
			return gs[0].ID, gs[0].Advance * size
		}
	}
	return 0, 0
}

// dress makes a shaped paragraph this use's: each run gets its span's
// size, colour, link and structure node, and its face from faces when
// that is not nil (adopt).
func (st *setter) dress(sh *shapedPara, faces []*fonts.Face, spans []manuscript.Span, ps paraStyle, node pages.NodeID) *paragraph {
	p := &paragraph{lang: st.lang, text: sh.text, glyphs: sh.glyphs, pieces: sh.pieces,
		runs: make([]styledRun, len(sh.runs))}
	size := ps.size * st.metrics.scale
	ri := 0
	for si, sp := range spans {
		color := st.paint(ps.color)
		if sp.Link != "" {
			color = st.accent // links alone take the accent colour, with an underline
		}
		runNode := pages.Inherit
		if sp.Link != "" && node != pages.Artifact {
			runNode = st.tree.add(pages.RoleLink, node).node
		}
		for ; ri < len(sh.runs) && sh.runs[ri].span == si; ri++ {
			p.runs[ri] = styledRun{Run: sh.runs[ri].Run, size: size, color: color, link: sp.Link, linkText: linkWords(spans, si), node: runNode,
				tint: sp.Emph && !st.metrics.italic}
			if faces != nil {
				p.runs[ri].Face = faces[ri]
			}
		}
	}
	return p
}

// linkWords is the text of the link span si belongs to: it and the spans
// beside it with the same target ("[the **ILO** report](…)" is three), or
// "" for a span that is no link.
func linkWords(spans []manuscript.Span, si int) string {
	link := spans[si].Link
	if link == "" {
		return ""
	}
	from, to := si, si+1
	for from > 0 && spans[from-1].Link == link {
		from--
	}
	for to < len(spans) && spans[to].Link == link {
		to++
	}
	var b strings.Builder
	for _, sp := range spans[from:to] {
		b.WriteString(sp.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// cutPieces cuts the glyphs at the break opportunities of the text.
func (p *paragraph) cutPieces(breaks []breakAt) {
	gi := 0
	for _, b := range breaks {
		pc := piece{g0: gi, mandatory: b.mandatory, penalty: float64(b.penalty), soft: b.hyphen}
		for gi < len(p.glyphs) && p.glyphs[gi].Cluster < b.pos {
			gi++
		}
		pc.g1 = gi
		if pc.g1 == pc.g0 && !b.mandatory {
			continue
		}
		p.measure(&pc)
		p.pieces = append(p.pieces, pc)
	}
	if gi < len(p.glyphs) { // glyphs after the last opportunity
		pc := piece{g0: gi, g1: len(p.glyphs)}
		p.measure(&pc)
		p.pieces = append(p.pieces, pc)
	}
}

func (p *paragraph) measure(pc *piece) {
	pc.width, pc.spaceW, pc.spaces = 0, 0, 0
	end := pc.g1
	for end > pc.g0 && p.glyphs[end-1].space {
		end--
		pc.spaceW += p.glyphs[end].adv
		pc.spaces++
	}
	for _, g := range p.glyphs[pc.g0:end] {
		pc.width += g.adv
	}
}

// splitOverlong splits every piece wider than measure, so that no line
// leaves the frame, at the best place in reach (linebreak.SplitPoints)
// that fills a quarter of the line: where an address breaks (CMOS
// 14.18), else between two syllables, else at the last shaping-cluster
// boundary that fits, which never falls inside a grapheme cluster. It returns the first characters of the words it
// split.
func (p *paragraph) splitOverlong(measure float64) []string {
	var split []string
	var out []piece
	var ranks map[int]int // split point rank by byte offset, made for the first overlong piece
	for _, pc := range p.pieces {
		if pc.width <= measure {
			out = append(out, pc)
			continue
		}
		if ranks == nil {
			ranks = map[int]int{}
			for _, sp := range linebreak.SplitPoints(p.text) {
				ranks[sp.Pos] = sp.Rank
			}
		}
		split = append(split, p.text[p.glyphs[pc.g0].Cluster:clusterEnd(p, pc.g1)])
		start, w := pc.g0, 0.0
		var best [linebreak.Address + 1]int // by rank, the last glyph a split may come before; 0: none
		var bestW [linebreak.Address + 1]float64
		for g := pc.g0; g < pc.g1-pc.spaces; g++ {
			clusterStart := g == pc.g0 || p.glyphs[g].Cluster != p.glyphs[g-1].Cluster
			if clusterStart && g > start && w+clusterWidth(p, g) > measure {
				cut := g
				if r := bestRank(bestW, best, measure); r > 0 {
					cut = best[r]
				}
				part := piece{g0: start, g1: cut, forced: true}
				p.measure(&part)
				out = append(out, part)
				start, w, best, bestW = cut, 0, [len(best)]int{}, [len(bestW)]float64{}
				g = cut - 1 // go on from the cut: its glyphs are the next part's
				continue
			}
			if clusterStart && g > start {
				if r := ranks[p.glyphs[g].Cluster]; r > 0 {
					best[r], bestW[r] = g, w
				}
			}
			w += p.glyphs[g].adv
		}
		rest := piece{g0: start, g1: pc.g1, mandatory: pc.mandatory, soft: pc.soft, hyphen: pc.hyphen, hyphenW: pc.hyphenW}
		p.measure(&rest)
		out = append(out, rest)
	}
	p.pieces = out
	return split
}

// bestRank is the best rank of split point in reach that fills a quarter
// of the line at least; 0 for none.
func bestRank(width [linebreak.Address + 1]float64, at [linebreak.Address + 1]int, measure float64) int {
	for r := linebreak.Address; r >= linebreak.Syllable; r-- {
		if at[r] > 0 && width[r] >= measure/4 {
			return r
		}
	}
	return 0
}

func clusterWidth(p *paragraph, g int) float64 {
	w := 0.0
	for i := g; i < len(p.glyphs) && p.glyphs[i].Cluster == p.glyphs[g].Cluster; i++ {
		w += p.glyphs[i].adv
	}
	return w
}

func clusterEnd(p *paragraph, g int) int {
	if g < len(p.glyphs) {
		return p.glyphs[g].Cluster
	}
	return len(p.text)
}

// items builds the Knuth–Plass item list: one box per piece, then glue or
// a penalty at each opportunity. Ragged-right setting uses TeX's
// stretchable glue trick; justified setting stretches spaces, and, in
// scripts without spaces, the word boundaries a little.
func (p *paragraph) items(justify bool, em float64) (items []totalfit.Item, boxAt []int) {
	// A piece takes a box and at most four items after it (a ragged
	// break), and the end of the paragraph three more.
	items = make([]totalfit.Item, 0, 5*len(p.pieces)+3)
	boxAt = make([]int, 0, len(p.pieces))
	for i, pc := range p.pieces {
		boxAt = append(boxAt, len(items))
		items = append(items, totalfit.Item{Kind: totalfit.Box, Width: pc.width})
		last := i == len(p.pieces)-1
		switch {
		case last:
		case pc.mandatory:
			items = append(items, totalfit.Item{Kind: totalfit.Glue, Width: pc.spaceW},
				totalfit.Item{Kind: totalfit.Penalty, Penalty: -totalfit.Infinity})
		case pc.forced:
			items = append(items, totalfit.Item{Kind: totalfit.Penalty, Penalty: 500})
		case pc.soft && justify:
			items = append(items, totalfit.PenaltyItem(pc.hyphenW, hyphenPenalty, true))
		case pc.soft:
			// TeX's ragged-right glue around a break that adds the
			// hyphen's width when taken.
			items = append(items, totalfit.PenaltyItem(0, totalfit.Infinity, false), totalfit.GlueItem(0, 3*em, 0),
				totalfit.PenaltyItem(pc.hyphenW, hyphenPenalty, true), totalfit.GlueItem(0, -3*em, 0))
		case justify && pc.spaceW > 0:
			p.pieces[i].stretch, p.pieces[i].shrink = pc.spaceW*0.6, pc.spaceW*0.3
			if pc.penalty != 0 {
				// A space that costs a break (between the groups of a
				// number): the break is at the penalty, and the glue after
				// it, preceded by no box, is no break of its own.
				items = append(items, totalfit.PenaltyItem(0, pc.penalty, false))
			}
			items = append(items, totalfit.JustifiedSpace(pc.spaceW, pc.spaceW*0.6, pc.spaceW*0.3)...)
		case justify && p.spaceless(pc):
			// Thai, Khmer and Burmese justify at word boundaries too, a
			// little, so that a line with few spaces has no holes.
			p.pieces[i].stretch = 0.08 * em
			items = append(items, totalfit.NoSpaceBreakStretch(pc.penalty, 0.08*em)...)
		case justify:
			items = append(items, totalfit.NoSpaceBreakStretch(pc.penalty, 0)...)
		default:
			items = append(items, totalfit.RaggedBreakPenalty(pc.spaceW, 3*em, pc.penalty)...)
		}
	}
	return totalfit.FinishInPlace(items), boxAt
}

// spaceless reports whether a piece ends inside a script written without
// spaces, where a word boundary may take justification's stretch. After a
// Latin hyphen it may not.
func (p *paragraph) spaceless(pc piece) bool {
	if pc.g1 == pc.g0 {
		return false
	}
	switch p.runs[p.glyphs[pc.g1-1].run].Script {
	case language.Thai, language.Khmer, language.Myanmar, language.Lao:
		return true
	}
	return false
}
