package linebreak

import "github.com/mekong-briefs/briefs/internal/myanmar"

// Orthographic syllables. A break inside a written syllable is never right,
// whatever a dictionary says, so these guards stand above the dictionaries.
// The rules come from the description of each script in The Unicode
// Standard, chapter 16 (Southeast Asia): 16.1 Thai, 16.3 Myanmar, 16.4
// Khmer.

const (
	myanmarAsat     = 0x103a // MYANMAR SIGN ASAT: kills the consonant's vowel
	myanmarDotBelow = 0x1037 // MYANMAR SIGN DOT BELOW: creaky tone, ccc 7
	khmerBantoc     = 0x17cb // ់ KHMER SIGN BANTOC: shortens the vowel, sits on the final consonant
	khmerToandakhit = 0x17cd // ៍ KHMER SIGN TOANDAKHIAT: the consonant under it is silent
	khmerViriam     = 0x17d1 // ៑ KHMER SIGN VIRIAM: kills the consonant's vowel
	khmerSamyok     = 0x17d0 // ័ KHMER SIGN SAMYOK SANNYA: a short vowel; a final consonant follows
	thaiThanthakhat = 0x0e4c // ์ THAI CHARACTER THANTHAKHAT: the consonant under it is silent
	thaiMaiHanAkat  = 0x0e31 // ั: a short vowel that needs a final consonant
	thaiMaiTaikhu   = 0x0e47 // ็: shortens the vowel; a final consonant follows
)

// insideSyllable reports whether a break before text[i] would split an
// orthographic syllable of Thai, Lao, Khmer or Myanmar.
func insideSyllable(text []rune, i int) bool {
	switch saScript(text[i]) {
	case scriptThai:
		return thaiInside(text, i)
	case scriptKhmer:
		return khmerInside(text, i)
	case scriptLao:
		return laoInside(text, i)
	case scriptMyanmar:
		return closesSyllable(text, i)
	}
	return false
}

// laoInside reports whether text[i] belongs to the Lao syllable before it
// (Unicode 16.2): a vowel written after its consonant as a letter of its
// own (SIGN A, SIGN AA, SIGN AM), as Thai's SARA A, SARA AA and SARA AM
// (thaiInside), or the O that completes the vowel ເ◌ືອ after SIGN YY
// (ເຄື່ອນ), a tone mark between them.
func laoInside(text []rune, i int) bool {
	switch text[i] {
	case 0x0eb0, 0x0eb2, 0x0eb3:
		return true
	case 0x0ead: // LETTER O
		k := i - 1
		for r := at(text, k); r >= 0x0ec8 && r <= 0x0ecb; r = at(text, k) {
			k--
		}
		return at(text, k) == 0x0eb7
	}
	return false
}

// closesSyllable reports whether text[i] is a Myanmar consonant killed by
// asat or stacked by virama (Unicode 16.3, "Asat" and "Virama"): it is the
// final of the syllable before it. Canonical ordering puts dot below
// (ccc 7) before asat (ccc 9), so in NFC text `င့်` is nga, dot below,
// asat: the asat is looked for past a dot below.
func closesSyllable(text []rune, i int) bool {
	if !myanmar.IsConsonant(text[i]) {
		return false
	}
	j := i + 1
	if at(text, j) == myanmarDotBelow {
		j++
	}
	switch at(text, j) {
	case myanmarAsat, myanmarVir:
		return true
	}
	return false
}

func isKhmerConsonant(r rune) bool { return r >= 0x1780 && r <= 0x17a2 }

// khmerInside reports whether text[i] is a Khmer final consonant (Unicode
// 16.4: a syllable is written as its initial cluster, its vowel, and a
// final consonant that bears BANTOC, TOANDAKHIAT or VIRIAM when marked):
//   - a consonant that bears one of those signs (`កំណ‸ត់`), after the
//     register shifters that may precede them;
//   - a bare consonant, with any subscripts (coeng and consonant), at the
//     end of a run of Khmer letters after another Khmer letter (`លោ‸ក`,
//     `អ្ន‸ក`, `ច‸ក្រ`): it cannot begin a syllable of its own, since a
//     bare consonant alone is a syllable only as a word of its own;
//   - a consonant after SAMYOK SANNYA, the short vowel of loanwords that is
//     always closed by a final consonant (`អ័‸ព្វ`, `ព័‸ត៌មាន`), as MAI
//     HAN-AKAT is in Thai: translators' ZWSP stand there 6 times in 9,454
//     (all in the slip `ទំព័​រ`).
func khmerInside(text []rune, i int) bool {
	if !isKhmerConsonant(text[i]) || at(text, i-1) == khmerCoeng {
		return false
	}
	if at(text, i-1) == khmerSamyok {
		return true
	}
	j := i + 1
	for r := at(text, j); r == 0x17c9 || r == 0x17ca; r = at(text, j) {
		j++
	}
	switch at(text, j) {
	case khmerBantoc, khmerToandakhit, khmerViriam:
		return true
	}
	prev := at(text, i-1)
	if saScript(prev) != scriptKhmer || prev == khmerRepeat {
		return false
	}
	for at(text, j) == khmerCoeng && isKhmerConsonant(at(text, j+1)) {
		j += 2
	}
	next := at(text, j)
	return next == khmerRepeat || saScript(next) != scriptKhmer
}

func isThaiConsonant(r rune) bool { return r >= 0x0e01 && r <= 0x0e2e }

func isThaiTone(r rune) bool { return r >= 0x0e48 && r <= 0x0e4b }

// thaiInside reports whether a break before text[i] splits a Thai syllable
// (Unicode 16.1: vowels written after, above or below their consonant
// belong to it, as does a silent consonant):
//   - a following vowel SARA A, SARA AA, SARA AM or LAKKHANGYAO, or
//     PAIYANNOI, never starts a line;
//   - a consonant made silent by THANTHAKHAT (`กราฟิก‸ส์`), with SARA I or
//     SARA U between them, ends the syllable before it;
//   - after MAI HAN-AKAT, or MAITAIKHU under a leading vowel (and a tone
//     mark), comes the final consonant of the same syllable (`กั‸น`,
//     `เก็‸บ`; ก็ is a syllable of its own);
//   - the vowels เ–ีย and เ–ือ end with YO YAK or O ANG (`เมี‸ย`).
func thaiInside(text []rune, i int) bool {
	r := text[i]
	switch r {
	case 0x0e30, 0x0e32, 0x0e33, 0x0e45, thaiPaiyannoi:
		return true
	}
	if !isThaiConsonant(r) {
		return false
	}
	j := i + 1
	if n := at(text, j); n == 0x0e34 || n == 0x0e38 {
		j++
	}
	if at(text, j) == thaiThanthakhat {
		return true
	}
	k := i - 1
	for isThaiTone(at(text, k)) {
		k--
	}
	switch at(text, k) {
	case thaiMaiHanAkat:
		return true
	case thaiMaiTaikhu: // not in ก็, a syllable of its own
		return thaiLeading(text, k-1)
	case 0x0e35, 0x0e37: // SARA II, SARA UEE
		return (r == 0x0e22 || r == 0x0e2d) && thaiLeading(text, k-1)
	}
	return false
}

// thaiLeading reports whether a leading vowel (U+0E40..U+0E44) stands
// before the initial consonant, or two-consonant cluster, that ends at
// text[k].
func thaiLeading(text []rune, k int) bool {
	isLead := func(r rune) bool { return r >= thaiLeadLo && r <= thaiLeadHi }
	if !isThaiConsonant(at(text, k)) {
		return false
	}
	if isLead(at(text, k-1)) {
		return true
	}
	return isThaiConsonant(at(text, k-1)) && isLead(at(text, k-2))
}
