package orthography

import "sort"

// Thai rules. The Unicode Standard, ch. 16.1 "Thai": Thai is stored in
// logical order except the leading vowels U+0E40–U+0E44; above and below
// vowels follow their consonant and a tone mark follows the vowel
// ("consonant, above/below vowel, tone mark"). SARA AM U+0E33 is one
// character (compatibility-decomposable to U+0E4D U+0E32; NFKC must not be
// applied, DESIGN.md fact 6) and a tone mark on a syllable with SARA AM is
// stored before it (น้ำ = U+0E19 U+0E49 U+0E33). Canonical combining
// classes move a tone mark after a below vowel (ccc 103 < 107) but not
// after an above vowel (ccc 0), so only NFC-surviving errors are rules.

func isThaiCons(r rune) bool { return r >= 0x0E01 && r <= 0x0E2E }

func isThaiTone(r rune) bool { return r >= 0x0E48 && r <= 0x0E4B }

// isThaiMark is a Thai combining mark (general category Mn).
func isThaiMark(r rune) bool {
	return r == 0x0E31 || (r >= 0x0E34 && r <= 0x0E3A) || (r >= 0x0E47 && r <= 0x0E4E)
}

// thaiClass orders marks on one consonant: above/below vowels and
// MAITAIKHU, then tone marks, then THANTHAKHAT, NIKHAHIT, YAMAKKAN.
func thaiClass(r rune) int {
	switch {
	case isThaiTone(r):
		return 1
	case r >= 0x0E4C:
		return 2
	}
	return 0
}

// thaiClusterEnd returns the end of the marks after position i (exclusive):
// Thai combining marks, SARA AM, and SARA AA when it completes a
// decomposed SARA AM (after NIKHAHIT, possibly with tone marks between).
func thaiClusterEnd(ts []tok, i int) int {
	j := i
	sawNikhahit := false
	for j < len(ts) {
		r := ts[j].r
		switch {
		case isThaiMark(r):
			if r == 0x0E4D {
				sawNikhahit = true
			}
		case r == 0x0E33:
		case r == 0x0E32 && sawNikhahit:
			sawNikhahit = false
		default:
			return j
		}
		j++
	}
	return j
}

func checkThai(s string, ts []tok, i int, fs *[]Finding) int {
	r := ts[i].r
	if r == 0x0E40 && i+1 < len(ts) && ts[i+1].r == 0x0E40 {
		addFinding(fs, s, ts, i, i+2, []rune{0x0E41},
			[]problem{{"th-double-sara-e", "two SARA E (เเ) used for SARA AE (แ)"}})
		return i + 2
	}
	if isThaiMark(r) || r == 0x0E33 {
		// Marks with no consonant before them.
		j := thaiClusterEnd(ts, i)
		if r == 0x0E33 && j == i+1 {
			return j // SARA AM after a non-consonant is spelled oddly but renders
		}
		addFinding(fs, s, ts, i, j, nil, []problem{{"th-orphan-mark",
			"Thai vowel or tone mark with no consonant before it (shows a dotted circle); removed"}})
		return j
	}
	if !isThaiCons(r) {
		return i + 1
	}
	j := thaiClusterEnd(ts, i+1)
	if j == i+1 {
		return j
	}
	marks := runes(ts[i+1 : j])
	var probs []problem

	// Decomposed SARA AM: [tone] NIKHAHIT [tone] SARA AA → tone SARA AM.
	for k := 0; k < len(marks); k++ {
		if marks[k] != 0x0E4D {
			continue
		}
		m := k + 1
		for m < len(marks) && isThaiTone(marks[m]) {
			m++
		}
		if m < len(marks) && marks[m] == 0x0E32 {
			out := append([]rune{}, marks[:k]...)
			out = append(out, marks[k+1:m]...)
			out = append(out, 0x0E33)
			marks = append(out, marks[m+1:]...)
			probs = append(probs, problem{"th-sara-am", "SARA AM typed as NIKHAHIT + SARA AA (ํา); use ำ U+0E33"})
		}
	}
	// Marks after SARA AM belong before it.
	for k := 0; k < len(marks); k++ {
		if marks[k] == 0x0E33 && k+1 < len(marks) {
			rest := append([]rune{}, marks[k+1:]...)
			marks = append(append(marks[:k:k], rest...), 0x0E33)
			probs = append(probs, problem{"th-tone-after-sara-am", "tone mark after SARA AM; type the tone mark first (น้ำ)"})
			break
		}
	}
	var ch bool
	if marks, ch = dedupe(marks, func(r rune) bool { return r != 0x0E33 }); ch {
		probs = append(probs, problem{"th-double-mark", "the same vowel or tone mark twice on one consonant"})
	}
	tones := 0
	out := marks[:0:0]
	for _, m := range marks {
		if isThaiTone(m) {
			tones++
			if tones > 1 {
				continue
			}
		}
		out = append(out, m)
	}
	if tones > 1 {
		marks = out
		probs = append(probs, problem{"th-two-tones", "two different tone marks on one consonant; the first is kept"})
	}
	// Order: above/below vowel, tone mark, other signs; SARA AM stays last.
	body := marks
	tail := []rune{}
	if n := len(marks); n > 0 && marks[n-1] == 0x0E33 {
		body, tail = marks[:n-1], []rune{0x0E33}
	}
	sorted := append([]rune{}, body...)
	sort.SliceStable(sorted, func(a, b int) bool { return thaiClass(sorted[a]) < thaiClass(sorted[b]) })
	if string(sorted) != string(body) {
		probs = append(probs, problem{"th-tone-before-vowel", "tone mark before an above or below vowel; Thai order is consonant, vowel, tone mark"})
	}
	fixed := append([]rune{r}, sorted...)
	fixed = append(fixed, tail...)
	addFinding(fs, s, ts, i, j, fixed, probs)
	return j
}
