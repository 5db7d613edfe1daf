package linebreak

// guarded reports whether a break before text[i] (0 < i < len(text)) is
// forbidden whatever UAX #14 or a dictionary says:
//
//   - never before a combining mark (Mn, Mc, Me), except after a space,
//     ZWSP or hard break, where UAX #14 (LB9, LB10) lets the mark stand
//     alone;
//   - never after a Khmer coeng (U+17D2) or Myanmar virama (U+1039), which
//     join the next consonant;
//   - never after a Thai or Lao leading vowel (U+0E40–0E44, U+0EC0–0EC4),
//     which is written before, and belongs to, the consonant after it;
//   - never before ។ ៕ ။ ၊, which attach to the word before them.
//
// Mandatory breaks are never guarded; callers check that first.
func guarded(text []rune, i int) bool {
	prev, next := text[i-1], text[i]
	if noBreakAfter(prev) {
		return true
	}
	if !noBreakBefore(next) {
		return false
	}
	if isCombining(next) && standsAlone(prev) {
		return false
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
