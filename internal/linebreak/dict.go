package linebreak

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"slices"
	"sync"
)

// The word lists are ICU's break-iterator dictionaries, extracted by
// tools/mkdicts (see dicts/LICENSE). Each is sorted and newline-separated.
//
//go:embed dicts/lao.txt.gz dicts/*.freq.gz
var dictFS embed.FS

// dictionaries holds one lazily built trie per script. Each is decoded on
// first use, once, however many goroutines ask for it.
var dictionaries = map[script]func() *trie{
	scriptThai:    sync.OnceValue(func() *trie { return mustLoad("dicts/thai.freq.gz", thaiModel) }),
	scriptLao:     sync.OnceValue(func() *trie { return mustLoad("dicts/lao.txt.gz", model{}) }),
	scriptKhmer:   sync.OnceValue(func() *trie { return mustLoad("dicts/khmer.freq.gz", khmerModel) }),
	scriptMyanmar: sync.OnceValue(func() *trie { return mustLoad("dicts/burmese.freq.gz", burmeseModel) }),
}

// mustLoad decodes an embedded word list. The lists are part of the
// binary, so failing to read one is a build error, not a runtime condition.
func mustLoad(name string, m model) *trie {
	t, err := loadList(name, m)
	if err != nil {
		panic(fmt.Sprintf("linebreak: embedded dictionary %s: %v", name, err))
	}
	return t
}

func loadList(name string, m model) (*trie, error) {
	f, err := dictFS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return parseList(raw, m)
}

// parseList reads a word list: one word a line, optionally followed by a
// tab and its count in the training text. All words go into one rune
// buffer, sliced per word.
func parseList(raw []byte, m model) (*trie, error) {
	n := bytes.Count(raw, []byte{'\n'}) + 1
	words := make([][]rune, 0, n)
	var counts []uint32
	all := []rune(string(raw))
	for len(all) > 0 {
		end := slices.Index(all, '\n')
		if end < 0 {
			end = len(all)
		}
		line := all[:end]
		all = all[min(end+1, len(all)):]
		word, count, err := splitCount(line)
		if err != nil {
			return nil, err
		}
		if len(word) == 0 {
			continue
		}
		if count > 0 && counts == nil {
			counts = make([]uint32, len(words), n)
		}
		words = append(words, word)
		if counts != nil {
			counts = append(counts, count)
		}
	}
	return buildTrie(words, counts, m), nil
}

// splitCount splits "word\tcount" into the word and the count; a line
// without a tab is a word of count 0.
func splitCount(line []rune) ([]rune, uint32, error) {
	tab := slices.Index(line, '\t')
	if tab < 0 {
		return trimRunes(line), 0, nil
	}
	var n uint64
	digits := trimRunes(line[tab+1:])
	for _, r := range digits {
		if r < '0' || r > '9' || n > 1<<32 {
			return nil, 0, fmt.Errorf("bad count in %q", string(line))
		}
		n = 10*n + uint64(r-'0')
	}
	if len(digits) == 0 || n >= 1<<32 {
		return nil, 0, fmt.Errorf("bad count in %q", string(line))
	}
	return trimRunes(line[:tab]), uint32(n), nil
}
