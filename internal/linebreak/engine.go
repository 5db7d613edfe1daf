package linebreak

// This file implements dictionary word breaking inside one run of SA
// characters, following the approach ICU documents for its
// DictionaryBreakEngine subclasses (ICU4C common/dictbe.h and dictbe.cpp,
// "divideUpDictionaryRange"): maximal matching with a lookahead of three
// words, resynchronisation over unknown spans, and no break before a
// combining mark. Positions are rune indexes; all these scripts lie in the
// BMP, so they count the same as ICU's UTF-16 indexes.

// possibleWord is the set of dictionary words starting at one position,
// with a cursor over them (ICU's PossibleWord).
type possibleWord struct {
	lengths [maxCandidates]int
	count   int // number of candidates
	prefix  int // characters read by the dictionary lookup
	offset  int // position of the candidates, -1 when none yet
	current int // the candidate the cursor is on
	mark    int // the best candidate so far
}

// candidates looks up the words at *pos (cached per position), moves *pos
// after the longest and returns how many there are.
func (w *possibleWord) candidates(e *engine, text []rune, pos *int, rangeEnd int) int {
	start := *pos
	if start != w.offset {
		w.offset = start
		w.count, w.prefix = e.dict.matches(text, start, rangeEnd-start, &w.lengths)
	}
	if w.count > 0 {
		*pos = start + w.lengths[w.count-1]
	}
	w.current = w.count - 1
	w.mark = w.current
	return w.count
}

// acceptMarked moves *pos after the marked candidate and returns its length.
func (w *possibleWord) acceptMarked(pos *int) int {
	*pos = w.offset + w.lengths[w.mark]
	return w.lengths[w.mark]
}

// backUp moves to the next shorter candidate, if any.
func (w *possibleWord) backUp(pos *int) bool {
	if w.current > 0 {
		w.current--
		*pos = w.offset + w.lengths[w.current]
		return true
	}
	return false
}

func (w *possibleWord) markCurrent() { w.mark = w.current }

// at returns text[i], or -1 outside text.
func at(text []rune, i int) rune {
	if i < 0 || i >= len(text) {
		return -1
	}
	return text[i]
}

// span is a stretch of a run that no dictionary word covers.
type span struct{ start, end int }

// divide returns the word boundaries strictly inside text[rangeStart:rangeEnd]
// (a maximal run of this engine's script), as rune indexes in increasing
// order, and the unknown spans it had to combine.
func (e *engine) divide(text []rune, rangeStart, rangeEnd int) (breaks []int, unknown []span) {
	if rangeEnd-rangeStart < e.minWordSpan {
		return nil, nil
	}
	la := e.lookahead
	words := make([]possibleWord, la)
	for i := range words {
		words[i].offset = -1
	}
	found := 0 // words found so far; selects the slot in words
	pos := rangeStart
	for pos < rangeEnd {
		current := pos
		wordLength := 0
		w := &words[found%la]
		n := w.candidates(e, text, &pos, rangeEnd)
		switch {
		case n == 1:
			wordLength = w.acceptMarked(&pos)
			found++
		case n > 1:
			e.pickBest(text, words, found, &pos, rangeEnd)
			wordLength = w.acceptMarked(&pos)
			found++
		}

		// If no dictionary word follows a short word (or there was none),
		// skip ahead to where one plausibly starts and combine the skipped
		// characters with the word.
		if pos < rangeEnd && wordLength < e.rootCombine {
			next := &words[found%la]
			if next.candidates(e, text, &pos, rangeEnd) <= 0 &&
				(wordLength == 0 || next.prefix < e.prefixCombine) {
				remaining := rangeEnd - (current + wordLength)
				chars := 0
				for {
					pc := at(text, pos)
					pos++
					chars++
					remaining--
					if remaining <= 0 {
						break
					}
					uc := at(text, pos)
					if e.endWord(pc) && e.beginWord(uc) {
						k := words[(found+1)%la].candidates(e, text, &pos, rangeEnd)
						pos = current + wordLength + chars
						if k > 0 {
							break
						}
					}
				}
				unknown = append(unknown, span{current + wordLength, current + wordLength + chars})
				if wordLength <= 0 {
					found++
				}
				wordLength += chars
			} else {
				pos = current + wordLength
			}
		}

		// Never stop before a combining mark.
		for pos < rangeEnd && isCombining(text[pos]) {
			pos++
			wordLength++
		}

		if e.thaiSuffixes && pos < rangeEnd && wordLength > 0 {
			wordLength += e.thaiSuffix(text, words, found, &pos, rangeEnd, current+wordLength)
		}

		if wordLength > 0 {
			breaks = append(breaks, current+wordLength)
		}
	}
	// The end of the range is not a break of the dictionary's making.
	for len(breaks) > 0 && breaks[len(breaks)-1] >= rangeEnd {
		breaks = breaks[:len(breaks)-1]
	}
	return breaks, unknown
}

// pickBest marks, among several candidate words at the current position,
// the longest one that is followed by two more dictionary words (or, failing
// that, by one; or else the longest), as ICU does with a lookahead of three.
func (e *engine) pickBest(text []rune, words []possibleWord, found int, pos *int, rangeEnd int) {
	la := len(words)
	w0 := &words[found%la]
	if *pos >= rangeEnd {
		return
	}
	for {
		w1 := &words[(found+1)%la]
		if w1.candidates(e, text, pos, rangeEnd) > 0 {
			w0.markCurrent()
			if *pos >= rangeEnd {
				return
			}
			for {
				if words[(found+2)%la].candidates(e, text, pos, rangeEnd) > 0 {
					w0.markCurrent()
					return
				}
				if !w1.backUp(pos) {
					break
				}
			}
		}
		if !w0.backUp(pos) {
			return
		}
	}
}

// thaiSuffix attaches PAIYANNOI (ฯ) and MAIYAMOK (ๆ) to the word before
// them when no dictionary word starts there, as ICU's ThaiBreakEngine does.
// It returns how many characters it added; *pos ends after the word.
func (e *engine) thaiSuffix(text []rune, words []possibleWord, found int, pos *int, rangeEnd, end int) int {
	la := len(words)
	isSuffix := func(r rune) bool { return r == thaiPaiyannoi || r == thaiMaiyamok }
	added := 0
	if words[found%la].candidates(e, text, pos, rangeEnd) <= 0 && isSuffix(at(text, *pos)) {
		uc := at(text, *pos)
		if uc == thaiPaiyannoi {
			if !isSuffix(at(text, *pos-1)) {
				*pos++
				added++
				uc = at(text, *pos)
			}
		}
		if uc == thaiMaiyamok {
			if at(text, *pos-1) != thaiMaiyamok {
				*pos++
				added++
			}
		}
		return added
	}
	*pos = end
	return 0
}
