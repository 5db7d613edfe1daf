package linebreak

// engine holds the per-script settings of the dictionary word breaker. They
// follow ICU's ThaiBreakEngine, LaoBreakEngine, BurmeseBreakEngine and
// KhmerBreakEngine (ICU4C common/dictbe.cpp): all look ahead 3 words,
// combine an unknown span with a preceding word of fewer than 3
// characters when the span shares fewer than 3 characters with a
// dictionary word, and leave ranges shorter than two minimum-length words
// (2 characters each) unbroken.
type engine struct {
	dict          *trie
	extra         []*trie     // project words (words.go), at projectWordCost each
	pairs         *pairTable  // the word pairs people join or part (pairs.go), or nil
	bounds        *boundModel // which boundaries people mark (bounds.go), or nil
	lookahead     int         // words that must follow a candidate to settle it
	rootCombine   int         // combine a non-word with a preceding word shorter than this
	prefixCombine int         // .. unless the non-word shares this many characters with a word
	minWordSpan   int         // ranges shorter than this are left whole

	// endWord and beginWord say where an unknown span may end: after a
	// character in endWord and before one in beginWord.
	endWord, beginWord func(rune) bool
	// thaiSuffixes enables Thai PAIYANNOI and MAIYAMOK handling.
	thaiSuffixes bool
}

const (
	thaiPaiyannoi = 0x0e2f // ฯ abbreviation mark
	thaiMaiyamok  = 0x0e46 // ๆ repetition mark
)

func newEngine(s script) *engine {
	load := dictionaries[s]
	if load == nil {
		return nil
	}
	e := &engine{
		dict:          load(),
		lookahead:     3,
		rootCombine:   3,
		prefixCombine: 3,
		minWordSpan:   4,
	}
	if load := pairLists[s]; load != nil {
		e.pairs = load()
	}
	if load := boundModels[s]; load != nil {
		e.bounds = load()
	}
	if t := namesTrie(s); t != nil {
		e.extra = append(e.extra, t)
	}
	switch s {
	case scriptThai:
		e.endWord = func(r rune) bool {
			return saScript(r) == scriptThai && r != 0x0e31 && (r < thaiLeadLo || r > thaiLeadHi)
		}
		e.beginWord = func(r rune) bool {
			return r >= 0x0e01 && r <= 0x0e2e || r >= thaiLeadLo && r <= thaiLeadHi
		}
		e.thaiSuffixes = true
	case scriptLao:
		e.endWord = func(r rune) bool {
			return saScript(r) == scriptLao && (r < laoLeadLo || r > laoLeadHi)
		}
		e.beginWord = func(r rune) bool {
			return r >= 0x0e81 && r <= 0x0eae || r >= 0x0edc && r <= 0x0edd || r >= laoLeadLo && r <= laoLeadHi
		}
	case scriptKhmer:
		e.endWord = func(r rune) bool { return saScript(r) == scriptKhmer && r != khmerCoeng }
		e.beginWord = func(r rune) bool { return r >= 0x1780 && r <= 0x17b3 }
	case scriptMyanmar:
		e.endWord = func(r rune) bool { return saScript(r) == scriptMyanmar }
		e.beginWord = func(r rune) bool { return r >= 0x1000 && r <= 0x102a }
	}
	return e
}

// words divides a whole run into words: by the unigram model where the
// list has counts (segment), else by ICU's maximal matching (divide).
func (e *engine) words(text []rune) ([]int, []span) {
	if e.dict.cost != nil {
		return e.segment(text)
	}
	return e.divide(text, 0, len(text))
}
