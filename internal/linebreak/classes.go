package linebreak

import (
	"sync"
	"unicode"
)

// script identifies the complex-context scripts this package knows.
type script uint8

const (
	scriptNone script = iota
	scriptThai
	scriptLao
	scriptKhmer
	scriptMyanmar
	scriptOtherSA // Tai Tham, Tai Viet, New Tai Lue: SA, but no dictionary
)

// saScript returns the script of r if r has Line_Break class SA (UAX #14
// "Complex context dependent"), else scriptNone. Like ICU's dictionary
// sets ([[:Thai:]&[:LineBreak=SA:]] and so on), SA here means a letter or
// mark of one of the Southeast Asian scripts; their digits and punctuation
// have classes of their own (NU, BA, ...).
func saScript(r rune) script {
	if r >= blockLo && r < blockHi {
		return blockTable()[r-blockLo].script
	}
	return slowSAScript(r)
}

// blockTable caches saScript and isCombining for U+0E00..U+17FF, which
// covers Thai, Lao, Myanmar and Khmer: the hot path of every lookup.
const blockLo, blockHi = 0x0e00, 0x1800

type blockProps struct {
	script    script
	combining bool
}

// It is made on first use, not at start: a process that breaks no such
// text (an English PDF, briefs check) does not pay its 0.2 ms.
var blockTable = sync.OnceValue(func() *[blockHi - blockLo]blockProps {
	var t [blockHi - blockLo]blockProps
	for i := range t {
		r := rune(blockLo + i)
		t[i] = blockProps{slowSAScript(r), unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)}
	}
	return &t
})

func slowSAScript(r rune) script {
	if r < 0x0e00 {
		return scriptNone
	}
	var s script
	switch {
	case r <= 0x0e7f:
		s = scriptThai
	case r <= 0x0eff:
		s = scriptLao
	case r < 0x1000:
		return scriptNone
	case r <= 0x109f:
		s = scriptMyanmar
	case r >= 0x1780 && r <= 0x17ff, r >= 0x19e0 && r <= 0x19ff:
		s = scriptKhmer
	case r >= 0xa9e0 && r <= 0xa9ff, r >= 0xaa60 && r <= 0xaa7f, r >= 0x116d0 && r <= 0x116e3:
		s = scriptMyanmar
	case r >= 0x1980 && r <= 0x19df, r >= 0x1a20 && r <= 0x1aaf, r >= 0xaa80 && r <= 0xaadf:
		s = scriptOtherSA
	default:
		return scriptNone
	}
	if unicode.IsLetter(r) || unicode.IsMark(r) {
		return s
	}
	return scriptNone
}

// isCombining reports whether r is a combining mark (General_Category Mn
// or Mc, and Me for completeness): a line never starts with one.
func isCombining(r rune) bool {
	if r >= blockLo && r < blockHi {
		return blockTable()[r-blockLo].combining
	}
	if r < 0x300 {
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

const (
	zwsp        = 0x200b // ZERO WIDTH SPACE, class ZW
	khmerCoeng  = 0x17d2 // KHMER SIGN COENG: the next consonant is subscript
	myanmarVir  = 0x1039 // MYANMAR SIGN VIRAMA: the next consonant is stacked
	thaiLeadLo  = 0x0e40 // THAI CHARACTER SARA E ..
	thaiLeadHi  = 0x0e44 // .. SARA AI MAIMALAI: written before their consonant
	laoLeadLo   = 0x0ec0 // LAO VOWEL SIGN E ..
	laoLeadHi   = 0x0ec4 // .. LAO VOWEL SIGN AI
	khmerKhan   = 0x17d4 // ។ KHMER SIGN KHAN (full stop)
	khmerBariy  = 0x17d5 // ៕ KHMER SIGN BARIYOOSAN (end of section)
	myanmarSect = 0x104a // ၊ MYANMAR SIGN LITTLE SECTION (comma)
	myanmarEnd  = 0x104b // ။ MYANMAR SIGN SECTION (full stop)
	khmerRepeat = 0x17d7 // ៗ KHMER SIGN LEK TOO: repeats the word before it
	thaiRepeat  = 0x0e46 // ๆ THAI CHARACTER MAIYAMOK: repeats the word before it
)

// noBreakAfter reports whether a line may never end with r: a Khmer coeng
// or Myanmar virama joins the next consonant, and a Thai or Lao leading
// vowel belongs to the consonant after it.
func noBreakAfter(r rune) bool {
	return r == khmerCoeng || r == myanmarVir ||
		(r >= thaiLeadLo && r <= thaiLeadHi) || (r >= laoLeadLo && r <= laoLeadHi)
}

// noBreakBefore reports whether a line may never start with r: a combining
// mark, the Khmer and Burmese sentence and clause marks, or a repetition
// mark (ៗ, ๆ), which attach to the word before them. ICU breaks before the
// repetition marks; a typesetter does not.
func noBreakBefore(r rune) bool {
	switch r {
	case khmerKhan, khmerBariy, myanmarSect, myanmarEnd, khmerRepeat, thaiRepeat:
		return true
	}
	return isCombining(r)
}
