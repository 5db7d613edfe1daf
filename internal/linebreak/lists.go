package linebreak

import (
	"fmt"
	"maps"
)

// WithLists returns a view of b whose Khmer dictionary is built from the
// lists given instead of the embedded ones: a word list with counts and a
// pair list, gzip-compressed as dicts/khmer.freq.gz and khmer.pairs.gz
// are, and no boundary model (bounds.go). It is for tools/mkbounds, which
// learns that model from the boundaries of a dictionary trained without
// the text it reads, and is slow: it builds a trie.
func (b *Breaker) WithLists(freq, pairs []byte) (*Breaker, error) {
	raw, err := gunzip(freq)
	if err != nil {
		return nil, fmt.Errorf("read word list: %w", err)
	}
	words, counts, err := parseList(raw)
	if err != nil {
		return nil, fmt.Errorf("read word list: %w", err)
	}
	if raw, err = gunzip(pairs); err != nil {
		return nil, fmt.Errorf("read pair list: %w", err)
	}
	p, err := parsePairs(raw)
	if err != nil {
		return nil, fmt.Errorf("read pair list: %w", err)
	}
	e := *newEngine(scriptKhmer)
	e.dict, e.pairs, e.bounds = buildTrie(words, counts, khmerModel), p, nil
	v := *b
	v.engines = maps.Clone(b.engines)
	v.engines[scriptKhmer] = func() *engine { return &e }
	return &v, nil
}
