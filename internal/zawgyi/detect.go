// Package zawgyi detects Zawgyi-encoded Burmese and converts it to standard
// Unicode Burmese.
//
// Zawgyi is a font encoding that reuses the Unicode Myanmar block
// (U+1000–U+109F) for glyphs: it stores text in visual order (the pre-base
// vowel E U+1031 and medial ra before the consonant), gives U+1039–U+103D
// other meanings (asat, ya, ra, wa, ha), and puts stacked consonants, kinzi
// and glyph variants at U+1060–U+1097, which Unicode assigns to Mon, Shan
// and Karen letters. Zawgyi text therefore is valid UTF-8 and passes NFC,
// but renders as garbage with a Unicode font (DESIGN.md, fact 6).
package zawgyi

import (
	"math"

	"github.com/mekong-briefs/briefs/internal/myanmar"
)

// Threshold is the probability above which IsZawgyi reports true. A text
// needs at least one sequence that is illegal in Unicode Burmese and typical
// of Zawgyi, not outweighed by Unicode-only sequences, to pass it.
const Threshold = 0.95

// Evidence weights, in log-odds units (natural log). A weight of 6.5 alone,
// against the prior, gives a probability of about 0.97.
const (
	prior   = -3.0 // no evidence either way: about 0.05, i.e. Unicode
	strong  = 6.5  // a sequence Unicode forbids and Zawgyi uses constantly
	medium  = 3.0  // likely in one encoding, rare or sloppy in the other
	weak    = 2.0  // a mild preference
	uStrong = 6.5
	uMedium = 3.0
	uWeak   = 2.0
)

func isMyanmar(r rune) bool { return r >= 0x1000 && r <= 0x109F }

// isCons is a Unicode consonant or independent vowel or great sa.
func isCons(r rune) bool {
	return (r >= 0x1000 && r <= 0x102A) || r == 0x103F || r == 0x104E
}

// isUMedial is a Unicode medial (U+103B–U+103E).
func isUMedial(r rune) bool { return r >= 0x103B && r <= 0x103E }

// isSign is a dependent vowel or tone sign other than E: U+102B–U+1030,
// U+1032, U+1036–U+1038.
func isSign(r rune) bool {
	return (r >= 0x102B && r <= 0x1030) || r == 0x1032 || (r >= 0x1036 && r <= 0x1038)
}

// shanSpelling reports whether the word at the start of rs is Unicode Shan:
// it starts with a Shan consonant U+1075–U+107D (ၸိုင်း, ၵႂၢမ်း), which
// Zawgyi has only as subjoined consonants, drawn under the consonant they
// follow, so never first in a word; or it holds one of the letters and
// signs U+1022 (SHAN LETTER A), U+1083 (SHAN AA) and U+1085 (SHAN E
// ABOVE), as in ၶႃႈ, ဢၼ်; or an asat followed by a Shan tone mark
// U+1087–U+108A (လိၵ်ႈ, မၢၼ်ႈ). Of the 1,330 words of the sample
// catalogues that uconv -x my-Zawgyi changes none has one of these, and
// most words of the Shan catalogues do (The Unicode Standard, ch. 16.3,
// "Shan"; UTN #42). Not U+1086 (SHAN FINAL Y, တႆး): Zawgyi writes its
// great sa so (ျပႆနာ, Unicode ပြဿနာ), and such a word stays in doubt.
func shanSpelling(rs []rune) bool {
	if len(rs) > 0 && isShanInitial(rs[0]) {
		return true
	}
	for i, r := range rs {
		if !isMyanmar(r) || r == 0x104A || r == 0x104B {
			return false
		}
		switch {
		case r == 0x1022, r == 0x1083, r == 0x1085:
			return true
		case r == 0x103A && i+1 < len(rs) && rs[i+1] >= 0x1087 && rs[i+1] <= 0x108A:
			return true
		}
	}
	return false
}

// isShanInitial reports whether r is one of the Shan consonants
// U+1075–U+107D (KA to PHA; The Unicode Standard, ch. 16.3, "Shan"),
// which Zawgyi reuses for subjoined consonants (UTN #42).
func isShanInitial(r rune) bool { return r >= 0x1075 && r <= 0x107D }

// hasMedialSign reports whether r is one of the letters ya, ra, wa, ha
// (U+101A, U+101B, U+101D, U+101F), which in Unicode join a consonant as
// the medial signs U+103B–U+103E.
func hasMedialSign(r rune) bool {
	return r == 0x101A || r == 0x101B || r == 0x101D || r == 0x101F
}

// viramaScore weighs U+1039 between prev and next, with prev2 before prev.
// Zawgyi writes its visible asat (killer) with U+1039, where Unicode has
// U+103A (UTN #42 "Zawgyi"; the mapping table in convert.go), so Zawgyi's
// U+1039 ends a syllable: at the end of a word, before a space,
// punctuation, a sign or the end of the text. In Unicode that is invalid,
// since the virama must be followed by a consonant (myanmar.IsConsonant), so it is
// strong evidence on its own, enough for a one-word label such as အလုပ္.
func viramaScore(prev2, prev, next rune) float64 {
	switch {
	case prev == 0x103A && prev2 == 0x1004:
		// Unicode kinzi င်္ (U+1004 U+103A U+1039), also when quoted
		// on its own; Zawgyi would mean nga, medial ya, asat.
		return -uStrong
	case !myanmar.IsConsonant(next):
		if prev == 0x103A && next == 0x103B {
			// Unicode text sometimes stores ယောက်ျား as asat, virama,
			// medial ya; keep the old, milder weight there.
			return medium
		}
		return strong
	case hasMedialSign(next):
		// Since Unicode 5.1 ya, ra, wa and ha under a consonant are the
		// medials U+103B–U+103E, not virama + letter (The Unicode
		// Standard, ch. 16.3; UTN #11). In Zawgyi
		// this is an asat before a syllable that starts with one: ယ္ရ.
		return strong
	case prev == 0x1004:
		// Nga stacks only as kinzi, which since Unicode 5.1 is U+1004
		// U+103A U+1039 (ch. 16.3; UTN #11); nga + virama
		// without the asat is Zawgyi's final ng (င္), as in ကင္မရာ.
		return strong
	case crossesRows(prev, next):
		// Burmese stacks follow the Pali rows; a stack across them is
		// rare (Sanskrit loans) but Zawgyi's asat before the next
		// syllable makes one constantly: လိပ္စာ, အလုပ္သမား.
		return medium
	}
	return 0
}

// vargaRow gives the Pali row (varga) of a Burmese consonant, 1–5 for the
// rows of ka, ca, tta, ta and pa (U+1000–U+1019, with nnya U+100A in the
// row of ca), and 0 for the letters outside the rows (ya … a).
func vargaRow(r rune) int {
	switch {
	case r >= 0x1000 && r <= 0x1004:
		return 1
	case r >= 0x1005 && r <= 0x100A:
		return 2
	case r >= 0x100B && r <= 0x1019:
		return 3 + int(r-0x100B)/5
	}
	return 0
}

// crossesRows reports whether the stack upper + U+1039 + lower breaks the
// Pali rule that Burmese stacking follows: a consonant of a row stacks
// only a consonant of the same row (က္က, န္တ, မ္ဘ, ဏ္ဍ). An upper outside
// the rows (ဟ္မ in ဗြဟ္မာ, လ္လ) or the same letter is never counted. This
// is orthographic convention, not Unicode syntax, so it is only medium
// evidence: a Unicode Sanskrit loan may cross rows once, Zawgyi text does
// so in almost every other word.
func crossesRows(upper, lower rune) bool {
	row, other := vargaRow(upper), vargaRow(lower)
	// A lower letter outside the rows (Mon's U+105A, ya … a) is no
	// evidence: Mon stacks so (ပ္ဍဲ), and the rows are Burmese's.
	return row != 0 && other != 0 && upper != lower && other != row
}

// Probability returns an estimate in [0,1] that s is Zawgyi-encoded rather
// than Unicode Burmese. Text with no Myanmar-block characters returns 0.
//
// It sums evidence from character pairs, judged against the Unicode
// Myanmar syllable structure (The Unicode Standard, ch. 16.3, table
// "Myanmar Syllabic Structure"; UTN #11): in Unicode, E (U+1031) and the
// medials follow their consonant, U+1039 (virama) is always followed by a
// consonant, U+1033/U+1034 and U+1060–U+1097 do not occur in Burmese.
// In Zawgyi, E and medial ra (U+103B) come before the consonant, U+1039 is
// the visible asat and ends syllables, and U+103A is medial ya.
// The sum, plus a prior favouring Unicode, goes through a logistic function.
func Probability(s string) float64 {
	rs := make([]rune, 0, len(s)/3)
	n := 0
	for _, r := range s {
		rs = append(rs, r)
		if isMyanmar(r) {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	score := prior
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return -1
		}
		return rs[i]
	}
	shanWord, crossed := false, false
	for i, r := range rs {
		if !isMyanmar(r) || r == 0x104A || r == 0x104B {
			shanWord = false // a word ends
			continue
		}
		prev, next := at(i-1), at(i+1)
		if start := !isMyanmar(prev) || prev == 0x104A || prev == 0x104B; start && shanSpelling(rs[i:]) {
			// A Shan word in Unicode: the rest of it is Shan spelling,
			// whose tones and vowels Zawgyi reuses for other glyphs, and
			// is not weighed.
			shanWord = true
			score -= uStrong
		}
		if shanWord {
			continue
		}
		if prev == ' ' && (isSign(r) || r == 0x103A || r == 0x1039) {
			// a sign typed after a space so that a Zawgyi font shows it
			score += weak
		}
		switch {
		case r >= 0x1060 && r <= 0x1097:
			// Zawgyi stacked consonants, kinzi, glyph variants; in Unicode
			// these are Mon/Shan/Karen letters, absent from Burmese.
			score += strong
		case r == 0x1033 || r == 0x1034:
			// Zawgyi u/uu variants (Mon vowels in Unicode).
			score += medium
		case r == 0x1031:
			if !isCons(prev) && !isUMedial(prev) && (isCons(next) || next == 0x103B) {
				// E starting a syllable: Zawgyi visual order.
				score += strong
			} else if next < 0 || (!isMyanmar(next) && next != 0x200B) || next == 0x104A || next == 0x104B {
				// E ending a word: Unicode (in Zawgyi it precedes a consonant).
				score -= uMedium
			} else if isSign(next) || next == 0x103A {
				// E followed by a vowel or tone sign (ော, ေး): Unicode
				// order; in Zawgyi E is always followed by a consonant.
				score -= uStrong
			}
		case r == 0x103B:
			if !isCons(prev) && !isUMedial(prev) && prev != 0x1039 && isCons(next) {
				// Zawgyi medial ra typed before its consonant.
				score += strong
			}
		case r == 0x1039:
			v := viramaScore(at(i-2), prev, next)
			if v == medium && crossesRows(prev, next) {
				// Counted once a text: two Sanskrit loans (ပဒ္မာ
				// တန္ဆာ) made a Unicode label read as Zawgyi.
				if crossed {
					v = 0
				}
				crossed = true
			}
			score += v
		case r == 0x103A:
			switch {
			case isSign(next) && next != 0x1037 && next != 0x1038:
				// Zawgyi medial ya followed by a vowel sign; Unicode
				// asat is never followed by a vowel sign.
				score += medium
			case prev == 0x1037:
				// NFC dot below + asat: Unicode.
				score -= uMedium
			case next == 0x1037 || next == 0x1038:
				// asat + dot below / visarga: Unicode.
				score -= uWeak
			case next < 0 || !isMyanmar(next) || next == 0x104A || next == 0x104B:
				// asat ending a word: Unicode (Zawgyi uses U+1039).
				score -= uWeak
			case isSign(prev):
				// ော် ါ်: asat after a vowel sign is Unicode; Zawgyi ya
				// never follows a vowel sign.
				score -= uMedium
			}
		case r == 0x103E:
			// Unicode medial ha; Zawgyi uses U+103D/U+1087 for ha.
			score -= uMedium
		case r == 0x102F:
			if prev == 0x1036 {
				score += weak // ံ typed before ု: Zawgyi habit
			}
		case r == 0x102D || r == 0x102E:
			if prev == 0x102F || prev == 0x1030 {
				score += weak // ု typed before ိ: Zawgyi habit
			}
		case r == 0x1040:
			if (isCons(prev) || isSign(prev)) && (isSign(next) || next == 0x1039) {
				score += weak // digit zero as letter wa inside a word
			}
		}
	}
	return 1 / (1 + math.Exp(-score))
}

// IsZawgyi reports whether Probability(s) > Threshold.
func IsZawgyi(s string) bool { return Probability(s) > Threshold }
