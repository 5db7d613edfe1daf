package linebreak

import (
	"sync"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// Break is a line-break opportunity before byte offset Pos of the text.
type Break struct {
	Pos       int  // byte offset where a new line may start (0 < Pos <= len(text))
	Mandatory bool // a hard break (UAX #14 BK/CR/LF/NL)
	// Penalty is what a line ending here costs, in the units of the
	// Knuth–Plass penalties of totalfit (0 to totalfit.Infinity): 0 where
	// UAX #14 allows the break (after a space), more at a boundary the
	// dictionary found (penalty.go). A paragraph breaker adds it to the
	// break's penalty item, so that lines end at spaces and phrase
	// boundaries when the cost in fullness is small.
	Penalty int
}

// Breaker finds line-break opportunities. The zero value is not usable;
// use New. A Breaker is safe for concurrent use.
type Breaker struct {
	engines map[script]func() *engine
	// bySyllable is the script whose runs are broken at orthographic
	// syllables instead of by its dictionary (ForLanguage), or scriptNone.
	bySyllable script
}

// shared is the engines every Breaker uses: each script's dictionary is
// decoded on first use only, once per process.
var shared = sync.OnceValue(func() map[script]func() *engine {
	m := make(map[script]func() *engine)
	for _, s := range []script{scriptThai, scriptLao, scriptKhmer, scriptMyanmar} {
		m[s] = sync.OnceValue(func() *engine { return newEngine(s) })
	}
	return m
})

// New returns a Breaker. Dictionaries are loaded lazily, the first time
// text in their script is broken.
func New() *Breaker {
	return &Breaker{engines: shared()}
}

// ForLanguage returns the view of b that breaks text in a language as the
// language table's Words says: for a language broken by syllable (Shan,
// Mon), runs of its script are broken between orthographic syllables, and
// no dictionary of another language that shares the script (Burmese) reads
// them. For any other language, and a code outside the table, it returns b.
// The dictionaries and project words stay shared.
func (b *Breaker) ForLanguage(code string) *Breaker {
	row, ok := lang.Lookup(code)
	if !ok || row.Words != lang.WordsBySyllable {
		return b
	}
	s := scriptOf(row.Script)
	if s != scriptMyanmar { // the only script with syllable rules here (myanmar.go)
		return b
	}
	v := *b
	v.bySyllable = s
	return &v
}

// Breaks returns the opportunities in text (which must be NFC; the caller
// normalises), in increasing order. The end of text is included as a
// break, marked Mandatory as UAX #14 rule LB3 has it.
//
// Opportunities are those of UAX #14, plus dictionary word boundaries
// inside runs of class SA (Thai, Lao, Khmer, Myanmar) and, in Burmese
// spans no dictionary word covers, syllable boundaries; minus the script
// guards described at guarded.
func (b *Breaker) Breaks(text string) []Break {
	if text == "" {
		return nil
	}
	runes, offs := decode(text)
	brk := uax14(runes)
	var pen []int32 // the penalty of each dictionary break, by rune index
	b.forEachRun(runes, func(start, end int, bounds []int) {
		for k, i := range bounds {
			if brk[i] == noBreak {
				if pen == nil {
					pen = make([]int32, len(runes)+1)
				}
				brk[i] = allowed
				pen[i] = int32(dictionaryPenalty(runes, start, end, bounds, k))
			}
		}
	})
	for _, a := range addresses(runes) {
		// A URL or an e-mail address is one word: UAX #14 ends a line
		// after its slashes (uploads/|2020) and hyphens (2019-|English,
		// which pdftotext then joins without the hyphen). One wider than
		// the line is split where CMOS 14.18 breaks an address
		// (SplitPoints); one that fits is never cut.
		for i := a[0] + 1; i < a[1]; i++ {
			if brk[i] == allowed {
				brk[i] = noBreak
			}
		}
	}
	namePenalties(runes, func(i int, p int32) {
		if pen == nil {
			pen = make([]int32, len(runes)+1)
		}
		pen[i] = max(pen[i], p) // a name inside another counts once
	})
	var out []Break
	for i := 1; i <= len(runes); i++ {
		switch {
		case brk[i] == mandatory:
			out = append(out, Break{Pos: offs[i], Mandatory: true})
		case brk[i] == allowed && (i == len(runes) || !guarded(runes, i) && !unitBreak(runes, i)):
			br := Break{Pos: offs[i]}
			if pen != nil {
				br.Penalty = int(pen[i])
			}
			if runes[i-1] == zwsp {
				br.Penalty = zwspPenalty(runes, i)
			}
			br.Penalty += numberPenalty(runes, i)
			out = append(out, br)
		}
	}
	return out
}

// WordBoundaries returns the dictionary word boundaries strictly inside
// SA runs of text, as byte offsets in increasing order (for
// `briefs segment --zwsp`). They are the SA-run opportunities of Breaks:
// guarded, with Myanmar syllables in Burmese spans the dictionary cannot
// match.
func (b *Breaker) WordBoundaries(text string) []int {
	runes, offs := decode(text)
	var out []int
	b.forEachRun(runes, func(start, end int, bounds []int) {
		for _, i := range bounds {
			out = append(out, offs[i])
		}
	})
	return out
}

// forEachRun calls f for each maximal run of SA characters of one script,
// with the guarded word boundaries the run's engine finds inside it. A
// repetition mark (ៗ, ๆ) ends a run: it repeats the word before it, so the
// dictionary must not read it as the start of a word, and a word starts
// after it.
func (b *Breaker) forEachRun(text []rune, f func(start, end int, bounds []int)) {
	segmented := zwspSegmented(text)
	for i := 0; i < len(text); {
		s := saScript(text[i])
		if s == scriptNone {
			i++
			continue
		}
		j := runEnd(text, i, s)
		var bounds []int
		if !segmented {
			bounds = b.runBoundaries(text, i, j, s)
			if j < len(text) && saScript(text[j]) == s { // the run went on after ៗ or ๆ
				bounds = append(bounds, j)
			}
		}
		if len(bounds) > 0 {
			f(i, j, bounds)
		}
		i = j
	}
}

// runBoundaries returns the word boundaries inside text[start:end], a run
// of script s, with the guards applied. The dictionary reads the run
// without its joiners, and no boundary touches one.
func (b *Breaker) runBoundaries(text []rune, start, end int, s script) []int {
	load := b.engines[s]
	if load == nil {
		return nil
	}
	clean, idx := stripJoiners(text, start, end)
	if n := len(clean); n > 0 && isRepeat(clean[n-1]) {
		clean = clean[:n-1] // ៗ and ๆ repeat the word before them: no dictionary reads them
	}
	var bounds []int
	if s == b.bySyllable {
		bounds = addSyllables(clean, nil, []span{{start: 0, end: len(clean)}})
	} else {
		var unknown []span
		bounds, unknown = load().words(clean)
		if s == scriptMyanmar && len(unknown) > 0 {
			bounds = addSyllables(clean, bounds, unknown)
		}
	}
	bounds = keepJoined(text, idx, bounds)
	out := bounds[:0]
	for _, c := range bounds {
		if i := idx[c]; i > start && i < end && !guarded(text, i) {
			out = append(out, i)
		}
	}
	return out
}

// isRepeat reports whether r is a repetition mark, ៗ or ๆ (Unicode 16.4
// "Lek Too", 16.1 "Maiyamok"): it ends the word it repeats.
func isRepeat(r rune) bool { return r == khmerRepeat || r == thaiRepeat }
