package linebreak

import (
	"sync"

	"github.com/go-text/typesetting/segmenter"
)

// segmenters recycles go-text segmenters, which keep their buffers between
// uses but are not safe for concurrent use.
var segmenters = sync.Pool{New: func() any { return new(segmenter.Segmenter) }}

// Break strengths recorded per rune position.
const (
	noBreak uint8 = iota
	allowed
	mandatory
)

// uax14 returns, for each rune position 0..len(text), the UAX #14 break
// before it (the entry at len(text) is the end of text). It uses go-text's
// implementation of the UAX #14 rules, which resolves class SA to AL (or
// CM for marks) and so finds no break inside Thai, Lao, Khmer or Myanmar
// words; the dictionaries supply those.
func uax14(text []rune) []uint8 {
	out := make([]uint8, len(text)+1)
	if len(text) == 0 {
		return out
	}
	seg := segmenters.Get().(*segmenter.Segmenter)
	defer segmenters.Put(seg)
	seg.Init(text)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		end := l.Offset + len(l.Text)
		if l.IsMandatoryBreak {
			out[end] = mandatory
		} else {
			out[end] = allowed
		}
	}
	return out
}

// decode returns the runes of text and the byte offset of each, plus
// len(text) at the end. Invalid bytes decode to U+FFFD, one byte each.
func decode(text string) ([]rune, []int) {
	runes := make([]rune, 0, len(text))
	offs := make([]int, 0, len(text)+1)
	for i, r := range text {
		runes = append(runes, r)
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	return runes, offs
}
