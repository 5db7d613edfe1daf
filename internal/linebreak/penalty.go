package linebreak

import "unicode"

// Preferences among break opportunities. A line that ends at a space
// reads better than one that ends between two words written together, and
// a Burmese line should not end on a prefix (the negation prefix မ, the
// noun prefix အ) or start with a particle, which belong to the word after
// and the word before (Unicode Standard 16.3 notes
// that Burmese spaces mark phrases). The penalties are in the units of
// totalfit's (TeX's) penalties; a hyphen costs 50 in TeX.
const (
	// DictionaryPenalty is the cost of a break at a word boundary the
	// dictionary found, where there is no space.
	DictionaryPenalty = 50
	// ParticlePenalty is added to a Burmese break before a particle, as
	// much as a line about a phrase shorter costs in ragged text: a line
	// that starts with သည့် or များ is read as a particle cut from its
	// word. At 150, 33 lines of the Burmese samples and proofs started
	// with one; at 1000, 9 (those with no other break in reach), with as
	// many lines and the same shortfalls (measured December 2026). It
	// applies at a translator's ZERO WIDTH SPACE before a particle too.
	ParticlePenalty = 1000
	// NegationPenalty is added to a Burmese break after the negation
	// prefix မ (`မ|လုံလောက်`), and after the prefix အ that makes nouns
	// of verbs and adjectives, where the dictionary leaves it alone
	// (`နည်း|အ|ရ` "according to the method": TALPCo parts အ​ရ).
	NegationPenalty = 300
	// NumberGroupPenalty is the cost of a break at a space between two
	// digits: the groups of a telephone number (+855 12 345 678) or of a
	// number grouped by spaces (1 500, ISO 80000-1 7.3.1), which a
	// typesetter never parts; a line ends there only when nothing else
	// fits.
	NumberGroupPenalty = 1000
	// NumberRangePenalty is the cost of a break after the en dash of a
	// range of numbers (2017–2019, pp. 12–15): UAX #14 lets a line end
	// after U+2013 (class BA), but a range is read as one figure.
	NumberRangePenalty = 1000
	// NumberLeadPenalty is the cost of a break at the space between a
	// Thai, Lao or Khmer word and a number after it (ปี ๒๐๑๙ "the year
	// 2019", ចំនួន ៤ "four in number", ภาพที่ 1 "figure 1"). These scripts
	// write spaces around numbers by rule (the Royal Institute's Thai
	// spacing rules; Khmer writes them the same way), not as a phrase
	// boundary, so the break parts the number from the word it counts or
	// orders. The break after the number is never taken (unitBreak); this
	// one is taken when it costs as much fullness as a Burmese negation
	// prefix. Not in Burmese: its spaces part phrases, and its numbers
	// come before what they count (ဇူလိုင်လမှ | 2019 ခုနှစ် "from July |
	// the year 2019"), so the space before a number is a good place to end
	// a line.
	NumberLeadPenalty = 300
)

// numberPenalty returns the penalty of the break before text[i] that the
// number rules above set, or 0.
func numberPenalty(text []rune, i int) int {
	if i >= len(text) || i < 2 {
		return 0
	}
	if text[i-1] == 0x2013 {
		if unicode.IsDigit(text[i]) && unicode.IsDigit(text[i-2]) {
			return NumberRangePenalty
		}
		return 0
	}
	j := i - 1
	for j >= 0 && text[j] == ' ' {
		j--
	}
	if j < 0 || j == i-1 || !unicode.IsDigit(text[i]) {
		return 0
	}
	switch {
	case unicode.IsDigit(text[j]):
		return NumberGroupPenalty
	case saScript(text[j]) != scriptNone && saScript(text[j]) != scriptMyanmar:
		return NumberLeadPenalty
	}
	return 0
}

// burmeseParticles are the postpositions and sentence particles a Burmese
// line should not start with.
var burmeseParticles = map[string]bool{
	"သည်": true, "များ": true, "ကို": true, "တွင်": true, "၌": true, "၏": true,
	"နှင့်": true, "ဖြင့်": true, "မှ": true, "သို့": true, "က": true, "ပါ": true,
	"ကြ": true, "ရန်": true, "မည်": true, "ခဲ့": true, "ပြီ": true, "လည်း": true,
	"သော": true, "၍": true, "လျှင်": true, "တယ်": true, "ဘူး": true, "နဲ့": true,
	"မှာ": true, "ရဲ့": true, "လို့": true, "သည့်": true, "ပြီး": true,
}

// zwspPenalty returns the penalty of the break after the ZERO WIDTH SPACE
// before text[i]: ParticlePenalty before a Burmese particle, which a
// translator's ZWSP parts from its word as the dictionary would, else 0.
func zwspPenalty(text []rune, i int) int {
	if i >= len(text) {
		return 0
	}
	if burmeseParticles[string(text[i])] {
		return ParticlePenalty // ၌, ၏, ၍: signs, not letters, to Unicode
	}
	if saScript(text[i]) != scriptMyanmar {
		return 0
	}
	j := i
	for j < len(text) && saScript(text[j]) == scriptMyanmar {
		j++
	}
	// The particle may begin a longer stretch with no mark inside
	// (စက်ရုံ​များကို): it counts where a syllable ends after it.
	for k := j; k > i; k-- {
		if burmeseParticles[string(text[i:k])] && (k == j || !guarded(text, k)) {
			return ParticlePenalty
		}
	}
	return 0
}

// dictionaryPenalty returns the penalty of the dictionary boundary
// bounds[k] inside the run text[start:end].
func dictionaryPenalty(text []rune, start, end int, bounds []int, k int) int {
	i := bounds[k]
	p := DictionaryPenalty
	if saScript(text[i]) != scriptMyanmar {
		return p
	}
	prev, next := start, end
	if k > 0 {
		prev = bounds[k-1]
	}
	if k+1 < len(bounds) {
		next = bounds[k+1]
	}
	if i-prev == 1 && (text[prev] == 0x1019 || text[prev] == 0x1021) { // မ or အ alone: a prefix
		p += NegationPenalty
	}
	if burmeseParticles[string(text[i:next])] {
		p += ParticlePenalty
	}
	return p
}
