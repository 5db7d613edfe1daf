package orthography

import "sort"

// Khmer rules. Sources: The Unicode Standard, ch. 16.4 "Khmer" (subscript
// consonants are encoded as COENG U+17D2 + consonant; two-part vowels such
// as OE U+17BE and OO U+17C4 are single characters and must not be spelled
// with their parts; U+17A3, U+17A4 are deprecated, U+17B4, U+17B5 are
// inherent vowels for transliteration only, U+17D8 BEYYAL is discouraged in
// favour of ។ល។) and the Unicode names list for those characters; and
// Microsoft's "Developing OpenType Fonts for Khmer Script" shaping
// specification, whose cluster is
//
//	base [robat] {COENG consonant} [register shifter] [vowel] {sign}
//
// with COENG RO (្រ, drawn before the base) typed after any other
// subscript. The shaper cannot fix other orders: it draws a dotted circle.

func isKhmerBase(r rune) bool { return r >= 0x1780 && r <= 0x17B3 }

func isKhmerCons(r rune) bool { return r >= 0x1780 && r <= 0x17A2 }

// isKhmerMark is a dependent vowel or sign that attaches to a base.
func isKhmerMark(r rune) bool {
	return (r >= 0x17B4 && r <= 0x17D3) || r == 0x17DD
}

// khmerUnit is one element of a cluster after the base: a COENG +
// consonant pair, or one mark.
type khmerUnit []rune

func (u khmerUnit) coeng() bool   { return len(u) == 2 && u[0] == 0x17D2 }
func (u khmerUnit) coengRo() bool { return u.coeng() && u[1] == 0x179A }

// khmerUnits splits the marks after position i into units and returns the
// end of the cluster.
func khmerUnits(ts []tok, i int) ([]khmerUnit, int) {
	var us []khmerUnit
	j := i
	for j < len(ts) {
		r := ts[j].r
		if r == 0x17D2 && j+1 < len(ts) && isKhmerCons(ts[j+1].r) {
			us = append(us, khmerUnit{r, ts[j+1].r})
			j += 2
			continue
		}
		if (r == 0x200C || r == 0x200D) && j+1 < len(ts) && isKhmerMark(ts[j+1].r) {
			// a joiner inside a cluster stays with the mark after it
			us = append(us, khmerUnit{r, ts[j+1].r})
			j += 2
			continue
		}
		if !isKhmerMark(r) {
			break
		}
		us = append(us, khmerUnit{r})
		j++
	}
	return us, j
}

func checkKhmer(s string, ts []tok, i int, fs *[]Finding) int {
	r := ts[i].r
	if r == 0x17D8 {
		addFinding(fs, s, ts, i, i+1, []rune{0x17D4, 0x179B, 0x17D4},
			[]problem{{"km-deprecated", "KHMER SIGN BEYYAL U+17D8 is discouraged; write ។ល។"}})
		return i + 1
	}
	if isKhmerMark(r) {
		_, j := khmerUnits(ts, i)
		if j == i {
			j = i + 1
		}
		addFinding(fs, s, ts, i, j, nil, []problem{{"km-orphan-mark",
			"Khmer vowel, sign or subscript with no consonant before it (shows a dotted circle); removed"}})
		return j
	}
	if !isKhmerBase(r) {
		return i + 1
	}
	us, j := khmerUnits(ts, i+1)
	var probs []problem
	base := []rune{r}
	switch r {
	case 0x17A3:
		base = []rune{0x17A2}
		probs = append(probs, problem{"km-deprecated", "U+17A3 is deprecated; use អ U+17A2"})
	case 0x17A4:
		base = []rune{0x17A2, 0x17B6}
		probs = append(probs, problem{"km-deprecated", "U+17A4 is deprecated; use អា U+17A2 U+17B6"})
	}
	// Inherent vowels U+17B4/U+17B5 are invisible and not for text.
	kept := us[:0:0]
	for _, u := range us {
		if len(u) == 1 && (u[0] == 0x17B4 || u[0] == 0x17B5) {
			probs = append(probs, problem{"km-deprecated", "inherent vowel U+17B4/U+17B5 is for transliteration only; removed"})
			continue
		}
		if len(u) == 1 && u[0] == 0x17D2 {
			// COENG marks the consonant after it as a subscript (Unicode
			// ch. 16.4); with none after it, it subscribes nothing: the
			// shaper draws nothing, and copy and search carry it.
			probs = append(probs, problem{"km-stray-coeng", "COENG (្) with no consonant after it, a subscript of nothing (invisible in print, kept in copy and search); removed, or type the subscript consonant after it"})
			continue
		}
		kept = append(kept, u)
	}
	us = kept
	// Subscripts come before vowels and signs.
	var coengs, others []khmerUnit
	late := false
	for _, u := range us {
		if u.coeng() {
			coengs = append(coengs, u)
			if len(others) > 0 {
				late = true
			}
		} else {
			others = append(others, u)
		}
	}
	if late {
		probs = append(probs, problem{"km-vowel-before-coeng", "vowel or sign before a subscript consonant; type all subscripts (្ + consonant) first"})
	}
	// COENG RO after the other subscripts.
	sortedC := append([]khmerUnit{}, coengs...)
	sort.SliceStable(sortedC, func(a, b int) bool { return !sortedC[a].coengRo() && sortedC[b].coengRo() })
	for k := range sortedC {
		if sortedC[k][1] != coengs[k][1] {
			probs = append(probs, problem{"km-coeng-ro-order", "subscript RO (្រ) before another subscript; type ្រ last"})
			break
		}
	}
	// Two-part vowels typed as their parts.
	var marks []rune
	for _, u := range others {
		marks = append(marks, u...)
	}
	for k := 0; k+1 < len(marks); k++ {
		if marks[k] != 0x17C1 {
			continue
		}
		var whole rune
		switch marks[k+1] {
		case 0x17B8:
			whole = 0x17BE
		case 0x17B6:
			whole = 0x17C4
		}
		if whole != 0 {
			marks = append(append(marks[:k:k], whole), marks[k+2:]...)
			probs = append(probs, problem{"km-split-vowel", "two-part vowel typed as two vowels (េ + ី for ើ, េ + ា for ោ); use the single character"})
		}
	}
	var ch bool
	if marks, ch = dedupe(marks, func(rune) bool { return true }); ch {
		probs = append(probs, problem{"km-double-mark", "the same vowel or sign twice in one cluster"})
	}
	fixed := base
	for _, u := range sortedC {
		fixed = append(fixed, u...)
	}
	fixed = append(fixed, marks...)
	addFinding(fs, s, ts, i, j, fixed, probs)
	return j
}
