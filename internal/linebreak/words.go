package linebreak

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// Project word lists. An editor adds the names, loanwords and terms of a
// project that no dictionary knows (locales/words.<lang>.txt in briefs),
// so that they are never broken inside and the words around them are
// found.

// dictionaryScript is the script whose dictionary a language's project
// words extend: the languages the language table says are broken by
// dictionary. (Lao keeps ICU's maximal matching, which takes no project
// words.)
func dictionaryScript(code string) (script, bool) {
	row, ok := lang.Lookup(code)
	if !ok || row.Words != lang.WordsByDictionary {
		return scriptNone, false
	}
	s := scriptOf(row.Script)
	return s, s != scriptNone
}

// scriptOf returns the breaker's script of a language table script, or
// scriptNone for a script with no complex-context breaking.
func scriptOf(s language.Script) script {
	switch s {
	case language.Thai:
		return scriptThai
	case language.Lao:
		return scriptLao
	case language.Khmer:
		return scriptKhmer
	case language.Myanmar:
		return scriptMyanmar
	}
	return scriptNone
}

// projectWordCost is the cost of a project word in the unigram model, in
// nats: that of a common word, so that a listed name wins over any split
// of it into dictionary words, and still yields to a longer project word.
const projectWordCost = 4

// maxProjectWord is the longest project word WithWords takes, in runes.
const maxProjectWord = 1000

// WithWords returns a Breaker that knows, besides the dictionaries, the
// words given for a language broken by dictionary ("km", "my" or "th"). Words must be NFC;
// spaces around them are trimmed and empty ones skipped. The receiver is
// not changed, and the dictionaries stay shared. A language that is not
// broken by dictionary is an error.
func (b *Breaker) WithWords(code string, words []string) (*Breaker, error) {
	s, ok := dictionaryScript(code)
	if !ok {
		return nil, fmt.Errorf("linebreak: %q is not broken by dictionary (want km, my or th)", code)
	}
	var runes [][]rune
	for _, w := range words {
		// The trie is built recursively, one level per character: a
		// "word" of a million characters (a paste gone wrong) would
		// overflow the stack. Callers report long lines (catalog); these
		// are skipped whatever they say.
		if w = strings.TrimSpace(w); w != "" && utf8.RuneCountInString(w) <= maxProjectWord {
			runes = append(runes, []rune(w))
		}
	}
	extra := buildTrie(runes, nil, model{})
	engines := make(map[script]func() *engine, len(b.engines))
	for k, v := range b.engines {
		engines[k] = v
	}
	base := b.engines[s]
	engines[s] = sync.OnceValue(func() *engine {
		e := *base()
		e.extra = append(append([]*trie(nil), e.extra...), extra)
		return &e
	})
	return &Breaker{engines: engines, bySyllable: b.bySyllable}, nil
}

// WithProjectWords is WithWords for every language of a project's word
// lists (by language code), in code order.
func (b *Breaker) WithProjectWords(words map[string][]string) (*Breaker, error) {
	codes := make([]string, 0, len(words))
	for code := range words {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		next, err := b.WithWords(code, words[code])
		if err != nil {
			return nil, err
		}
		b = next
	}
	return b, nil
}

// Unknown returns the stretches of Thai, Khmer, Lao or Burmese letters in
// text that no dictionary or project word covers, each once, in order of
// appearance: the candidates for a project word list (for `briefs check`).
// A text segmented by hand with ZWSP has none: its marks stand.
func (b *Breaker) Unknown(text string) []string {
	runes := []rune(text)
	if zwspSegmented(runes) {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(runes); {
		s := saScript(runes[i])
		if s == scriptNone {
			i++
			continue
		}
		j := runEnd(runes, i, s)
		for _, w := range b.unknownIn(runes, i, j, s) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		i = j
	}
	return out
}

// unknownIn returns, as text, the stretches of the run text[start:end]
// that the dictionary does not know: its unknown spans, and runs of two
// or more short rare words, which is how a name the list lacks is often
// read (`ធី|ឡា|វ៉ា`).
func (b *Breaker) unknownIn(text []rune, start, end int, s script) []string {
	load := b.engines[s]
	if load == nil || s == b.bySyllable { // a language broken by syllable has no dictionary to miss
		return nil
	}
	clean, _ := stripJoiners(text, start, end)
	if n := len(clean); n > 0 && isRepeat(clean[n-1]) {
		clean = clean[:n-1]
	}
	e := load()
	if e.dict.cost == nil {
		_, unknown := e.divide(clean, 0, len(clean))
		var out []string
		for _, sp := range unknown {
			out = append(out, string(clean[sp.start:sp.end]))
		}
		return out
	}
	if len(clean) < 2 {
		return nil
	}
	return suspicious(clean, e.bestSegments(clean), e.dict.scarce)
}

// suspicious joins the unknown segments and the short scarce words (those
// that cost scarce or more) next to each other, and returns the joined
// stretches that hold an unknown span or at least two words.
func suspicious(text []rune, segs []segment, scarce float32) []string {
	var out []string
	odd := func(s segment) bool { return s.unknown || s.cost >= scarce && s.end-s.start <= shortWord+1 }
	for i := 0; i < len(segs); {
		if !odd(segs[i]) {
			i++
			continue
		}
		j, unknown := i, false
		for j < len(segs) && odd(segs[j]) {
			unknown = unknown || segs[j].unknown
			j++
		}
		if unknown || j-i >= 2 {
			out = append(out, string(text[segs[i].start:segs[j-1].end]))
		}
		i = j
	}
	return out
}

// UnknownWord is a stretch of text that no dictionary or project word
// covers, as UnknownWords reports it.
type UnknownWord struct {
	Text   string // NFC, as in the text
	Offset int    // byte offset of its first occurrence in the text
}

// UnknownWords is Unknown for an editor: only the stretches of at least
// two syllables (units between the positions a line may break at, three
// in Thai, whose units are often a letter alone), with where each first
// occurs. A single unknown syllable is usually a particle or a typo, not a
// name worth listing in locales/words.<lang>.txt.
func (b *Breaker) UnknownWords(text string) []UnknownWord {
	var out []UnknownWord
	for _, w := range b.Unknown(text) {
		rs := []rune(w)
		least := 2
		if saScript(rs[0]) == scriptThai {
			least = 3
		}
		if units(rs) < least {
			continue
		}
		off := strings.Index(text, w)
		if off < 0 {
			off = 0 // joiners inside: the stretch is reported without them
		}
		out = append(out, UnknownWord{Text: w, Offset: off})
	}
	return out
}

// units counts the stretches of w between the positions the guards let a
// line break at: syllables, near enough, since no guard lets a break fall
// inside one.
func units(w []rune) int {
	n := 1
	for i := 1; i < len(w); i++ {
		if !guarded(w, i) {
			n++
		}
	}
	return n
}
