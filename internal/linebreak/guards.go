package linebreak

// guarded reports whether a break before text[i] (0 < i < len(text)) is
// forbidden whatever UAX #14 or a dictionary says:
//
//   - never before a combining mark (Mn, Mc, Me) of a complex-context
//     script (Thai, Lao, Khmer, Myanmar...), except after a space, ZWSP or
//     hard break, where UAX #14 (LB9, LB10) lets the mark stand alone.
//     Other marks are left to UAX #14, which keeps them with their base
//     (LB9) save where its own rules say otherwise (the aksara viramas of
//     LB28a);
//   - never after a Khmer coeng (U+17D2) or Myanmar virama (U+1039), which
//     join the next consonant;
//   - never after a Thai or Lao leading vowel (U+0E40–0E44, U+0EC0–0EC4),
//     which is written before, and belongs to, the consonant after it;
//   - never before ។ ៕ ။ ၊, which attach to the word before them;
//   - never inside an orthographic syllable of Thai, Khmer or Myanmar
//     (insideSyllable): a Myanmar consonant with asat or virama, a Khmer
//     final consonant, a Thai silent consonant or following vowel (ICU's
//     dictionaries do break there when they know no longer word).
//
// Mandatory breaks are never guarded; callers check that first.
func guarded(text []rune, i int) bool {
	prev, next := text[i-1], text[i]
	if noBreakAfter(prev) || insideSyllable(text, i) {
		return true
	}
	if !noBreakBefore(next) {
		return false
	}
	if isCombining(next) {
		return saScript(next) != scriptNone && !standsAlone(prev)
	}
	return true
}

// standsAlone reports whether a mark after r has no base to attach to:
// UAX #14 classes SP, ZW, BK, CR, LF and NL.
func standsAlone(r rune) bool {
	switch r {
	case ' ', zwsp, '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}
