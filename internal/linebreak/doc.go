// Package linebreak finds line-break opportunities in the text of a brief.
//
// Opportunities come from the Unicode Line Breaking Algorithm (UAX #14,
// https://www.unicode.org/reports/tr14/), as implemented by go-text's
// segmenter. UAX #14 leaves class SA ("complex context": Thai, Lao, Khmer,
// Myanmar) to the implementation, and go-text treats it as AL, so it finds
// no break inside words of those scripts. This package adds them with
// dictionaries. For Thai, Khmer and Burmese the dictionary is a unigram
// model: ICU's word lists (extracted by tools/mkdicts) with frequencies
// learnt from translations (tools/mkfreq, dicts/README.md), and each run
// is divided into its most probable words by Viterbi's algorithm over the
// positions the guards allow (viterbi.go); stretches no word covers are
// kept whole. In Khmer, a pair list (pairs.go) then joins or parts the
// words of pairs people write one way, and a boundary model (bounds.go)
// drops the boundaries people more likely join than part. Lao keeps the approach ICU documents for its dictionary
// break engines (ICU4C dictbe.h/dictbe.cpp, "Dictionary-Based Break
// Iteration" in the ICU User Guide): maximal matching with a lookahead of
// three words, and unknown spans combined with their neighbours.
//
// Translators' marks are law (marks.go): a text a translator segmented
// with ZWSP gets no dictionary break; ZWNJ, ZWJ, WORD JOINER and SOFT
// HYPHEN stay inside their word, and a word joiner joins the two words it
// touches. A number keeps the word after it. Each opportunity carries a
// penalty (penalty.go) for the paragraph breaker, and a Breaker can be
// given a project's own words (WithWords, words.go).
//
// Guards that no dictionary overrules: no break before a combining mark,
// after a Khmer coeng or Myanmar virama, after a Thai or Lao leading vowel,
// or before ។ ៕ ။ ၊ ៗ ๆ, and none inside an orthographic syllable (The
// Unicode Standard, chapter 16: a Myanmar consonant with asat, past a dot
// below; a Khmer final consonant; a Thai silent consonant, following
// vowel, or final after MAI HAN-AKAT; see syllable.go). ZWSP (U+200B) is
// a break opportunity after it (UAX #14 LB8) and ends a dictionary run.
//
// Fallbacks for a word too long for a line, in order: Syllables (Myanmar
// syllables), then Clusters (grapheme clusters).
package linebreak
