// Package myanmar holds the facts of the Myanmar block (U+1000–U+109F)
// that several stages read: the syllable guards of the line breaker, the
// spelling-order rules of package orthography and the Zawgyi detector.
// It is a leaf: it imports nothing of the project.
package myanmar

// IsConsonant reports whether r is a consonant of the Myanmar block
// (The Unicode Standard, ch. 16.3 "Myanmar"): Burmese's U+1000–U+1021,
// and those of the other languages written in it: Shan's U+1022 and
// U+1075–U+1081, Mon's U+105A–U+105D, Pali's U+1050–U+1051, the Karen
// letters U+1061, U+1065–U+1066 and U+106E–U+1070, and Rumai Palaung's
// U+108E. A consonant is what a virama (U+1039) may stack and what a
// syllable of any of these languages may start with.
func IsConsonant(r rune) bool {
	switch {
	case r >= 0x1000 && r <= 0x1022, r >= 0x1050 && r <= 0x1051, r >= 0x105A && r <= 0x105D,
		r == 0x1061, r >= 0x1065 && r <= 0x1066, r >= 0x106E && r <= 0x1070,
		r >= 0x1075 && r <= 0x1081, r == 0x108E:
		return true
	}
	return false
}
