package linebreak

import "github.com/mekong-briefs/briefs/internal/myanmar"

// Myanmar syllables. A Burmese syllable starts with a consonant (or an
// independent vowel) and runs up to the next one, except that a consonant
// written with asat (U+103A) or stacked with virama (U+1039) closes the
// syllable before it instead of starting one. This is the usual
// regular-expression syllable segmentation of Burmese (as in Ye Kyaw Thu's
// sylbreak). ICU has no such fallback; here it breaks the spans the
// dictionary cannot cover, and layout may use it for an overlong word.
//
// Shan and Mon (languages broken by syllable, Breaker.ForLanguage) are
// written in the same script with letters of their own, which take the
// same places in the syllable (Unicode 16.3, "Myanmar", the sections on
// extensions for Mon and Shan): myanmar.IsConsonant includes Shan's,
// Mon's and those of the other languages of the block. Burmese text uses
// none of them, so its syllables are unchanged.

// isMyanmarSyllableStart reports whether a syllable may start with r even
// without a consonant: independent vowels (U+1023–102A, and the vocalic
// R and L of U+1052–1055) and the great sa.
func isMyanmarSyllableStart(r rune) bool {
	return r >= 0x1023 && r <= 0x102a || r >= 0x1052 && r <= 0x1055 || r == 0x103f
}

// myanmarSyllableStart reports whether a Myanmar syllable starts at
// text[i] (i > 0), given the text around it.
func myanmarSyllableStart(text []rune, i int) bool {
	r := text[i]
	if isMyanmarSyllableStart(r) {
		return at(text, i-1) != myanmarVir
	}
	if !myanmar.IsConsonant(r) || at(text, i-1) == myanmarVir {
		return false
	}
	return !closesSyllable(text, i)
}

// Syllables returns the Myanmar syllable boundaries inside runs of Myanmar
// letters and marks in text, as byte offsets, in increasing order. Layout
// may use them to split a Burmese word too long for a line before falling
// back to Clusters.
func Syllables(text string) []int {
	runes, offs := decode(text)
	var out []int
	for i := 1; i < len(runes); i++ {
		if saScript(runes[i-1]) == scriptMyanmar && saScript(runes[i]) == scriptMyanmar &&
			myanmarSyllableStart(runes, i) && !guarded(runes, i) {
			out = append(out, offs[i])
		}
	}
	return out
}

// addSyllables merges into bounds (sorted) the syllable boundaries strictly
// inside the unknown spans: Burmese the dictionary cannot match still
// breaks between syllables rather than not at all.
func addSyllables(text []rune, bounds []int, unknown []span) []int {
	var extra []int
	for _, sp := range unknown {
		for i := sp.start + 1; i < sp.end; i++ {
			if myanmarSyllableStart(text, i) {
				extra = append(extra, i)
			}
		}
	}
	if len(extra) == 0 {
		return bounds
	}
	merged := make([]int, 0, len(bounds)+len(extra))
	i, j := 0, 0
	for i < len(bounds) || j < len(extra) {
		switch {
		case j == len(extra) || i < len(bounds) && bounds[i] < extra[j]:
			merged = append(merged, bounds[i])
			i++
		case i == len(bounds) || extra[j] < bounds[i]:
			merged = append(merged, extra[j])
			j++
		default:
			merged = append(merged, bounds[i])
			i++
			j++
		}
	}
	return merged
}
