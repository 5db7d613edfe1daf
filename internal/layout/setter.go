package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/font"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/shape"
	"github.com/mekong-briefs/briefs/internal/text"
)

// setter sets paragraphs of one document: it holds the language, the
// faces, the shaper and the line breaker, and collects warnings.
type setter struct {
	fonts   *fonts.Set
	body    *fonts.Set // the faces of body text: Thai in Noto Serif Thai
	shaper  *shape.Shaper
	breaker *linebreak.Breaker
	// memo is the engine's, or nil; memoID and engineBreaker are what
	// its keys hold of this setter (memoKey).
	memo          *Memo
	memoID        string
	engineBreaker *linebreak.Breaker
	faceCache     map[faceQuery]*fonts.Face // faceFor
	lang          string
	metrics       scriptMetrics
	diags         diag.List
	overlong      overlongWords
	tree          tree
	page          Page        // the page size and margins
	accent        pages.Color // titles, headings, links
	// running holds the running footer's line by its width: the text is
	// the document's, the width differs only with the page number's, and
	// set again on every page a 1 MB title took minutes.
	running map[float64]runningLine
}

// runningLine is the running footer set at one width (Engine.runningLine).
type runningLine struct {
	ln line
	ok bool
}

// breakAt is a line-break opportunity before byte pos.
type breakAt struct {
	pos       int
	mandatory bool
	penalty   int  // what ending a line here costs (linebreak.Break.Penalty)
	hyphen    bool // after a soft hyphen: a line that ends here draws a hyphen
}

// set sets spans in style ps for a measure, which may differ for the
// first line (hanging labels). node is the structure node the text
// belongs to (Artifact for none); each link in the text gets a Link node
// under it. msgID names the message in warnings.
func (st *setter) set(spans []manuscript.Span, ps paraStyle, m measure, node pages.NodeID, msgID string, pos diag.Pos) []line {
	lines, _ := st.setReporting(spans, ps, m, node, msgID, pos, true)
	return lines
}

// trySet sets spans as set does but reports nothing, for a trial setting
// (the running footer's), and says whether a word had to be split to fit.
func (st *setter) trySet(spans []manuscript.Span, ps paraStyle, m measure) (lines []line, split bool) {
	return st.setReporting(spans, ps, m, pages.Artifact, "", diag.Pos{}, false)
}

func (st *setter) setReporting(spans []manuscript.Span, ps paraStyle, m measure, node pages.NodeID, msgID string, pos diag.Pos, report bool) ([]line, bool) {
	p := st.paragraph(spans, ps, node)
	if !report {
		ch := st.choose(p, ps, m)
		p.pieces = ch.pieces
		return p.setLines(ch.lines), len(ch.split) > 0
	}
	st.reportMissingGlyphs(p, msgID, pos)
	st.reportDottedCircles(p, msgID, pos)
	ch := st.choose(p, ps, m)
	for _, word := range ch.split {
		hint := "shorten or rephrase it; in a table, fewer columns or a shorter header give it room"
		switch {
		case strings.Contains(word, "@") || strings.Contains(word, "://") || strings.HasPrefix(word, "www."):
			hint = "it was split where an address breaks (before a dot, @ or /); a shorter address, or one in a paragraph rather than a narrow column, keeps it whole"
		case unbrokenScript(word):
			hint = "add a ZWSP (U+200B) where the word may break"
		}
		word = strings.TrimSpace(word)
		if r := []rune(word); len(r) > 40 {
			word = string(r[:40]) + "…"
		}
		if st.overlong.more(pos) {
			continue
		}
		st.overlong.first(pos, len(st.diags))
		st.diags = append(st.diags, diag.Warnf(pos, "overlong-word",
			hint, "message %q (%s): %q is wider than the line and was split", msgID, st.lang, word))
	}
	p.pieces = ch.pieces
	return p.setLines(ch.lines), len(ch.split) > 0
}

// overlongWords keeps one overlong-word warning per block (its position)
// and counts the others: a table of twenty columns warned 2,960 times, a
// warning per word of every cell in every language, and buried the rest.
type overlongWords struct {
	at    map[diag.Pos]int // the block's warning, an index in diags
	count map[diag.Pos]int // its words after the first
}

// more counts one more word of a block that has its warning already.
func (o *overlongWords) more(pos diag.Pos) bool {
	if _, ok := o.at[pos]; !ok {
		return false
	}
	o.count[pos]++
	return true
}

func (o *overlongWords) first(pos diag.Pos, i int) {
	if o.at == nil {
		o.at, o.count = map[diag.Pos]int{}, map[diag.Pos]int{}
	}
	o.at[pos] = i
}

// findings returns the document's diagnostics, each block's overlong-word
// warning saying how many more words of the block were broken; on every
// way out of Layout, an error's too.
func (st *setter) findings() diag.List {
	for pos, n := range st.overlong.count {
		st.diags[st.overlong.at[pos]].Msg += fmt.Sprintf(", and %d more word(s) of this block", n)
	}
	clear(st.overlong.count) // said once
	return st.diags
}

// choose breaks a paragraph into lines for a measure, or finds how it was
// broken in the memo.
func (st *setter) choose(p *paragraph, ps paraStyle, m measure) *chosen {
	em := ps.size * st.metrics.scale
	if p.shared == nil {
		return p.choose(m, ps.justify, em)
	}
	k := lineKey{para: p.shared, justify: ps.justify, em: em, measure: m}
	if ch := st.memo.getLines(k); ch != nil {
		return ch
	}
	ch := p.choose(m, ps.justify, em)
	st.memo.putLines(k, ch)
	return ch
}

// faces returns the faces a style is set in: display styles keep the
// default families, body text may use another (looped Thai).
func (st *setter) faces(ps paraStyle) *fonts.Set {
	if ps.display || st.body == nil {
		return st.fonts
	}
	return st.body
}

// leading is the baseline-to-baseline distance of a style in this language.
func (st *setter) leading(ps paraStyle) float64 {
	return ps.size * st.metrics.scale * st.metrics.leading
}

// measure is the width lines are set to: the first line's, and the
// others'.
type measure struct{ first, rest float64 }

// at is the width of line i, counting from 0.
func (m measure) at(i int) float64 {
	if i == 0 {
		return m.first
	}
	return m.rest
}

// fixed is the measure of lines all w wide.
func fixed(w float64) measure { return measure{w, w} }

// reportMissingGlyphs reports characters that were shaped to glyph 0
// (.notdef): no embedded face can draw them, and the reader would see
// tofu. It is an error, so no such PDF is written.
func (st *setter) reportMissingGlyphs(p *paragraph, msgID string, pos diag.Pos) {
	var i int
	if p.shared != nil {
		i = p.shared.missing - 1
	} else {
		i = firstMissing(p.glyphs)
	}
	if i < 0 {
		return
	}
	r := missingRune(p, i)
	st.diags = append(st.diags, diag.Errorf(pos, "no-glyph",
		"use a character the Noto faces cover, or report the need for another font",
		"message %q (%s): no embedded face can draw %q (U+%04X)", msgID, st.lang, r, r))
}

// reportDottedCircles warns of a paragraph in which the shaper drew a
// mark on a dotted circle: a broken cluster (a Khmer vowel with no
// consonant, two Thai tone marks) that check reports as an error where it
// is; a PDF that prints it says so too, where before it was silent.
func (st *setter) reportDottedCircles(p *paragraph, msgID string, pos diag.Pos) {
	i := -1
	if p.shared != nil {
		i = p.shared.dotted - 1
	} else {
		i = firstDotted(p.text, p.glyphs, func(run int) *fonts.Face { return p.runs[run].Face })
	}
	if i < 0 {
		return
	}
	st.diags = append(st.diags, diag.Warnf(pos, "dotted-circle",
		"briefs check shows where: check the order of the characters, or remove a doubled mark",
		"message %q (%s): a mark with no base prints on a dotted circle (◌) in %q", msgID, st.lang, p.cluster(i)))
}

// firstDotted returns the index of the first glyph that is its face's
// dotted circle, in a text that writes none itself, or -1.
func firstDotted(s string, glyphs []placed, faceOf func(run int) *fonts.Face) int {
	if strings.ContainsRune(s, text.DottedCircle) {
		return -1
	}
	run, dc, ok := -1, font.GID(0), false
	for i, g := range glyphs {
		if g.run != run {
			run, ok = g.run, false
			if f := faceOf(run); f != nil && f.Font != nil {
				dc, ok = f.Font.NominalGlyph(text.DottedCircle)
			}
		}
		if ok && uint32(g.ID) == uint32(dc) {
			return i
		}
	}
	return -1
}

// cluster is the text of glyph i's cluster: to the next cluster of its
// run, in either direction, or the run's end.
func (p *paragraph) cluster(i int) string {
	g := p.glyphs[i]
	end := p.runs[g.run].End
	for _, h := range p.glyphs {
		if h.run == g.run && h.Cluster > g.Cluster && h.Cluster < end {
			end = h.Cluster
		}
	}
	return p.text[g.Cluster:end]
}

// missingRune is the character of glyph i's cluster that its face lacks:
// a keycap 1 U+20E3 is one cluster shaped to .notdef, and its 1 is
// drawable. A cluster whose every character the face has (a sequence the
// face cannot combine) names its first.
func missingRune(p *paragraph, i int) rune {
	face := p.runs[p.glyphs[i].run].Face
	c := p.cluster(i)
	for _, r := range c {
		if !text.Ignorable(r) && (face == nil || !face.Has(r)) {
			return r
		}
	}
	r, _ := utf8.DecodeRuneInString(c)
	return r
}

// firstMissing returns the index of the first glyph shaped to .notdef,
// or -1.
func firstMissing(glyphs []placed) int {
	for i, g := range glyphs {
		if g.ID == 0 {
			return i
		}
	}
	return -1
}

// measure returns the natural width of spans set on one line, and the
// width of their widest unbreakable piece: what a table column needs at
// most and at least. Pieces a typesetter never parts (a telephone
// number's groups, a number and its unit: a break of tiePenalty or more)
// count as one, so that a column is made wide enough to hold them (a
// phone number ran over four lines of a column beside a half-empty one).
func (st *setter) measure(spans []manuscript.Span, ps paraStyle) (natural, widest float64) {
	p := st.paragraph(spans, ps, pages.Artifact)
	parts := addressParts(p)
	tied := 0.0
	for i, pc := range p.pieces {
		natural += pc.width
		if i < len(p.pieces)-1 {
			natural += pc.spaceW
		}
		tied += pc.width
		if w, ok := parts[i]; ok {
			tied = w // an address is split where addresses break, gracefully
		}
		widest = math.Max(widest, tied)
		if pc.penalty >= tiePenalty && !pc.mandatory && !pc.forced {
			tied += pc.spaceW
		} else {
			tied = 0
		}
	}
	return natural, widest
}

// addressParts gives, for each piece of p that holds a URL or an e-mail
// address, the width of its widest part between the places an address
// is split (linebreak.SplitPoints, Address): what a column needs of it,
// since splitOverlong splits it there and reads well. Other pieces have
// none.
func addressParts(p *paragraph) map[int]float64 {
	if !strings.ContainsAny(p.text, "@/") {
		return nil
	}
	spans := linebreak.Addresses(p.text)
	if len(spans) == 0 {
		return nil
	}
	at := map[int]bool{}
	for _, sp := range linebreak.SplitPoints(p.text) {
		// Only inside an address: 1,250,000 km/h is no address, and its
		// commas no place to split.
		if sp.Rank == linebreak.Address && slices.ContainsFunc(spans, func(a [2]int) bool { return sp.Pos > a[0] && sp.Pos < a[1] }) {
			at[sp.Pos] = true
		}
	}
	parts := map[int]float64{}
	for i, pc := range p.pieces {
		w, widest, split := 0.0, 0.0, false
		for g := pc.g0; g < pc.g1-pc.spaces; g++ {
			if g > pc.g0 && p.glyphs[g].Cluster != p.glyphs[g-1].Cluster && at[p.glyphs[g].Cluster] {
				widest, w, split = math.Max(widest, w), 0, true
			}
			w += p.glyphs[g].adv
		}
		if split {
			parts[i] = math.Max(widest, w)
		}
	}
	return parts
}

// tiePenalty is the penalty from which a break is one a typesetter does
// not take when anything else will do (linebreak.NumberGroupPenalty).
const tiePenalty = linebreak.NumberGroupPenalty

// breaks returns the line-break opportunities of a paragraph's text. A
// soft hyphen (U+00AD) after a Latin, Greek or Cyrillic letter is one, at
// which the line ends with a drawn hyphen (softHyphen); in Thai, Lao,
// Khmer and Burmese, which are not hyphenated, it is not. Nor is a hyphen
// inside a word (compoundHyphen).
func (st *setter) breaks(s string) []breakAt {
	var out []breakAt
	for _, b := range st.breaker.Breaks(s) {
		if b.Pos < len(s) && strings.HasSuffix(s[:b.Pos], "\u00AD") {
			if softHyphen(s[:b.Pos-len("\u00AD")]) {
				out = append(out, breakAt{pos: b.Pos, penalty: b.Penalty, hyphen: true})
			}
			continue
		}
		if b.Pos < len(s) && compoundHyphen(s, b.Pos) {
			continue
		}
		out = append(out, breakAt{pos: b.Pos, mandatory: b.Mandatory, penalty: b.Penalty})
	}
	return out
}

// softHyphen reports whether a soft hyphen after before may end a line:
// after a letter of a script that hyphenates words (Latin, Greek,
// Cyrillic), as the writer who put it there asks (Unicode 16.0, 6.2,
// "Hyphenation": U+00AD marks where a word may be hyphenated, and shows
// a hyphen only there).
func softHyphen(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsLetter(r) && unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

// hyphenPenalty is what ending a line at a soft hyphen costs: TeX's
// \hyphenpenalty (The TeXbook, chapter 14), so that a line ends at a
// space before it ends inside a word when the fullness is about the same.
const hyphenPenalty = 50

// compoundHyphen reports whether a break before byte pos of s follows a
// hyphen-minus between a letter and a letter or digit ("fixed-|duration").
// Viewers read a line that ends so as a word hyphenated for the line and
// join it without the hyphen: PDFium (Chrome) turns the hyphen into
// U+FFFE, which Chrome leaves out of copied text and find
// (CPDF_TextPage::IsHyphen, chrome_pdf::IsIgnorableCharacter), pdf.js's
// find drops "-\n" between letters, and pdftotext joins the word. Copied
// or searched, "fixed-duration" became "fixedduration"; unbroken, it
// stays as written.
func compoundHyphen(s string, pos int) bool {
	before, size := utf8.DecodeLastRuneInString(s[:pos])
	if before != '-' {
		return false
	}
	letter, _ := utf8.DecodeLastRuneInString(s[:pos-size])
	next, _ := utf8.DecodeRuneInString(s[pos:])
	return unicode.IsLetter(letter) && (unicode.IsLetter(next) || unicode.IsDigit(next))
}

// unbrokenScript reports whether a word holds letters of a script written
// without spaces between words (Thai, Lao, Khmer, Myanmar), where a
// translator's ZWSP marks a place to break; in another script a ZWSP
// inside a word is no fix.
func unbrokenScript(word string) bool {
	for _, r := range word {
		if unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return true
		}
	}
	return false
}
