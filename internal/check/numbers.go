package check

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// numbers extracts the numbers of a text as ASCII digit strings without
// leading zeros, in order. Digits of any script count by value (Unicode
// general category Nd: Thai ๑, Khmer ១ and Myanmar ၁ are 1). Thousands
// groups joined by ',', '.', U+00A0 or U+202F ("1,000", Vietnamese
// "1.000") are one number; other separators split ("3.5" is 3 and 5, as
// is Vietnamese "3,5"), so both conventions compare equal.
func numbers(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		var b strings.Builder
		for i < len(rs) {
			if unicode.IsDigit(rs[i]) {
				b.WriteByte(byte('0' + digitValue(rs[i])))
				i++
				continue
			}
			if strings.ContainsRune(",.\u00a0\u202f", rs[i]) && group3(rs, i+1) {
				i++
				continue
			}
			break
		}
		n := strings.TrimLeft(b.String(), "0")
		if n == "" {
			n = "0"
		}
		out = append(out, n)
	}
	return out
}

// group3 reports whether rs[i:] starts with exactly three digits.
func group3(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !unicode.IsDigit(rs[k]) {
			return false
		}
	}
	return i+3 == len(rs) || !unicode.IsDigit(rs[i+3])
}

// digitValue returns the value of a decimal digit of any script: Unicode
// encodes each script's digits 0–9 contiguously, so the value is the
// distance to the run's zero.
func digitValue(r rune) int {
	z := r
	for z > 0 && r-z < 9 && unicode.IsDigit(z-1) {
		z--
	}
	return int(r - z)
}

// diffNumbers compares the numbers of an English text and a translation as
// sets. A Thai year may be in the Buddhist era (CE + 543), as Thai
// publications print years. Small numbers (up to 12) that only the
// translation has are allowed: English style spells them out ("four
// zones") where other languages write digits.
func diffNumbers(code string, en, tr []string) (missing, extra []string) {
	has := func(list []string, n string) bool { return slices.Contains(list, n) }
	row, _ := lang.Lookup(code)
	era := row.EraOffset // a year may be written in the language's era
	for _, n := range en {
		if has(tr, n) || has(missing, n) {
			continue
		}
		if era != 0 {
			if v, err := strconv.Atoi(n); err == nil && v >= 1800 && v <= 2200 && has(tr, strconv.Itoa(v+era)) {
				continue
			}
		}
		missing = append(missing, n)
	}
	for _, n := range tr {
		if has(en, n) || has(extra, n) {
			continue
		}
		v, err := strconv.Atoi(n)
		if err == nil && v <= 12 {
			continue
		}
		if era != 0 && err == nil && v >= 1800+era && v <= 2200+era && has(en, strconv.Itoa(v-era)) {
			continue
		}
		extra = append(extra, n)
	}
	return missing, extra
}
