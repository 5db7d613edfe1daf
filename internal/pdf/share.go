package pdf

import (
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// share divides a cluster's text among its glyphs and chooses the order in
// which they are drawn, so that a client that reads the content stream
// and concatenates each glyph's ToUnicode string (ISO 32000-1, 9.10.2)
// gets the text in logical order, and every glyph has a mapping of its
// own (ISO 14289-1, 7.21.7; ISO 19005-2, 6.2.11.7.2).
//
// It returns the glyph indices (into glyphs) in drawing order and, per
// glyph index, the text it stands for. The writer does not shape: it only
// recognises glyphs that are the font's nominal glyph (cmap) of one of the
// cluster's characters. Every other glyph (a ligature, a Khmer subscript,
// a Myanmar medial, a mark variant) takes the next characters no glyph
// claimed, a coeng or virama together with the consonant after it. The
// text is then cut at each glyph's first character, in logical order, so
// the pieces spell the cluster's text whatever the shaper did. Glyphs
// stay in visual order: one that would have to be read before text that
// comes earlier (a pre-base vowel, a Khmer coeng ro, Burmese ေ and ြ)
// gives its text to the glyph before it in logical order (keepIncreasing).
// A glyph left with no character gets "" (plan maps it to ZERO WIDTH
// SPACE).
func share(glyphs []pages.Glyph, text string, nominal func(rune) (uint16, bool)) (order []int, texts []string) {
	if len(glyphs) == 1 && utf8.ValidString(text) {
		// Most clusters: the one glyph anchors the first character it
		// is nominal for, or the first character, and takes the whole
		// text, as the steps below would find.
		return []int{0}, []string{text}
	}
	runes := []rune(text)
	ints := make([]int, len(glyphs)+len(runes))            // one allocation for both
	anchor, gids := ints[:len(glyphs)], ints[len(glyphs):] // gids: each character's nominal glyph, -1 for none
	flags := make([]bool, len(runes)+len(glyphs))
	claimed, nominalGlyph := flags[:len(runes)], flags[len(runes):]
	for j, r := range runes {
		gids[j] = -1
		if gid, ok := nominal(r); ok {
			gids[j] = int(gid)
		}
	}
	for i := range anchor {
		anchor[i] = -1
	}
	for i, g := range glyphs {
		for j := range runes {
			if !claimed[j] && gids[j] == int(g.ID) {
				anchor[i], claimed[j] = j, true
				break
			}
		}
	}
	for i, a := range anchor {
		nominalGlyph[i] = a >= 0
	}
	units := freeUnits(runes, claimed)
	for i := range glyphs {
		if anchor[i] < 0 && len(units) > 0 {
			anchor[i], units = units[0], units[1:]
		}
	}
	keepIncreasing(anchor, nominalGlyph)
	return drawOrder(anchor), cut(runes, anchor)
}

// keepIncreasing drops the anchors of glyphs that stand visually before
// text that comes earlier (a Khmer pre-base vowel or coeng ro, Burmese ေ
// and ြ): it keeps the heaviest subsequence of anchors that increases in
// visual order, nominal glyphs weighing more than substituted ones. Their
// text then goes to the glyph before them in logical order, so drawing
// order stays visual order and no client needs ActualText to read it.
func keepIncreasing(anchor []int, nominal []bool) {
	n := len(anchor)
	ints := make([]int, 2*n)
	best, prev := ints[:n], ints[n:]
	end := -1
	for i := range anchor {
		prev[i] = -1
		if anchor[i] < 0 {
			continue
		}
		w := 1
		if nominal[i] {
			w = 2
		}
		best[i] = w
		for j := 0; j < i; j++ {
			if anchor[j] >= 0 && anchor[j] < anchor[i] && best[j]+w > best[i] {
				best[i], prev[i] = best[j]+w, j
			}
		}
		if end < 0 || best[i] > best[end] {
			end = i
		}
	}
	keep := make([]bool, n)
	for i := end; i >= 0; i = prev[i] {
		keep[i] = true
	}
	for i := range anchor {
		if !keep[i] {
			anchor[i] = -1
		}
	}
}

// freeUnits lists the first character of each run of unclaimed characters
// that a substituted glyph may stand for: a single character, or a coeng
// (U+17D2) or virama (U+1039) with the character after it.
func freeUnits(runes []rune, claimed []bool) []int {
	var units []int
	for j := 0; j < len(runes); j++ {
		if claimed[j] {
			continue
		}
		units = append(units, j)
		if (runes[j] == '\u17D2' || runes[j] == '\u1039') && j+1 < len(runes) && !claimed[j+1] {
			j++
		}
	}
	return units
}

// cut gives each anchored glyph the characters from its anchor to the
// next anchor in logical order; the first anchored glyph also takes any
// characters before its anchor. Glyphs without an anchor get "".
func cut(runes []rune, anchor []int) []string {
	idx := make([]int, 0, len(anchor))
	for i, a := range anchor {
		if a >= 0 {
			idx = append(idx, i)
		}
	}
	stableSort(idx, func(i int) float64 { return float64(anchor[i]) })
	texts := make([]string, len(anchor))
	for k, i := range idx {
		from, to := anchor[i], len(runes)
		if k == 0 {
			from = 0
		}
		if k+1 < len(idx) {
			to = anchor[idx[k+1]]
		}
		texts[i] = string(runes[from:to])
	}
	for k := 1; k < len(idx); k++ {
		texts[idx[k-1]], texts[idx[k]] = shiftMarks(texts[idx[k-1]], texts[idx[k]])
	}
	return texts
}

// shiftMarks moves the nonspacing marks (Mn) that begin next onto the end
// of prev, as long as next keeps a character of another kind: MuPDF gives
// a glyph whose text begins with a nonspacing mark no width, so the glyph
// after it seems to stand apart and a word breaks ("ស្រា វ", where the
// glyph ្រា carries ្រា). The two texts still spell the same.
func shiftMarks(prev, next string) (string, string) {
	// next comes from string(runes), so it is valid UTF-8 and byte
	// offsets split it where rune offsets would.
	n := 0
	for n < len(next) {
		r, size := utf8.DecodeRuneInString(next[n:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		n += size
	}
	if n == 0 || n == len(next) {
		return prev, next
	}
	return prev + next[:n], next[n:]
}

// drawOrder sorts glyphs by their anchor. A glyph without one takes the
// place of the next glyph in visual order that has one (or the previous,
// at the end), just before (after) it, so it is drawn among its
// neighbours; with no anchored glyph at all, visual order stays.
func drawOrder(anchor []int) []int {
	key := make([]float64, len(anchor))
	for i, a := range anchor {
		key[i] = float64(a)
		if a < 0 {
			key[i] = neighbourKey(anchor, i)
		}
	}
	order := make([]int, len(anchor))
	for i := range order {
		order[i] = i
	}
	stableSort(order, func(i int) float64 { return key[i] })
	return order
}

// stableSort sorts s by key, keeping equal keys in their order: an
// insertion sort, since a cluster has a handful of glyphs.
func stableSort(s []int, key func(int) float64) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && key(s[j]) < key(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func neighbourKey(anchor []int, i int) float64 {
	for j := i + 1; j < len(anchor); j++ {
		if anchor[j] >= 0 {
			return float64(anchor[j]) - 0.5
		}
	}
	for j := i - 1; j >= 0; j-- {
		if anchor[j] >= 0 {
			return float64(anchor[j]) + 0.5
		}
	}
	return 0
}
