package zawgyi

import "strings"

// unicodeWord is the probability under which a word on its own reads as
// Unicode: below the prior (about 0.047, a word with no evidence either
// way), so it holds a sequence Unicode Burmese uses and Zawgyi does not.
const unicodeWord = 0.02

// Repair converts the Zawgyi words of a text that IsZawgyi judges Zawgyi
// and keeps the words that read as Unicode on their own. A translator who
// fixes part of a Zawgyi paste by hand leaves such a mix (ေျမ ဇုန်), and
// ToUnicode over all of it would corrupt the Unicode words: U+103A is the
// asat in Unicode but medial ya in Zawgyi, so ဇုန် would become ဇုနျ.
// Words are the runs of Myanmar-block characters; a word with no
// evidence either way goes with the text and is converted.
func Repair(s string) string {
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		if Probability(w) < unicodeWord {
			b.WriteString(w)
		} else {
			b.WriteString(ToUnicode(w))
		}
		start = -1
	}
	for i, r := range s {
		if isMyanmar(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}
