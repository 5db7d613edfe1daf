package linebreak

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sync"
)

// The word lists are ICU's break-iterator dictionaries, extracted by
// tools/mkdicts (see dicts/LICENSE). Each is sorted and newline-separated.
//
//go:embed dicts/*.txt.gz
var dictFS embed.FS

// dictionaries holds one lazily built trie per script. Each is decoded on
// first use, once, however many goroutines ask for it.
var dictionaries = map[script]func() *trie{
	scriptThai:    sync.OnceValue(func() *trie { return mustLoad("dicts/thai.txt.gz") }),
	scriptLao:     sync.OnceValue(func() *trie { return mustLoad("dicts/lao.txt.gz") }),
	scriptKhmer:   sync.OnceValue(func() *trie { return mustLoad("dicts/khmer.txt.gz") }),
	scriptMyanmar: sync.OnceValue(func() *trie { return mustLoad("dicts/burmese.txt.gz") }),
}

// mustLoad decodes an embedded word list. The lists are part of the
// binary, so failing to read one is a build error, not a runtime condition.
func mustLoad(name string) *trie {
	t, err := loadList(name)
	if err != nil {
		panic(fmt.Sprintf("linebreak: embedded dictionary %s: %v", name, err))
	}
	return t
}

func loadList(name string) (*trie, error) {
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
	// Decode all words into one rune buffer, then slice it per word.
	all := []rune(string(raw))
	words := make([][]rune, 0, bytes.Count(raw, []byte{'\n'})+1)
	start := 0
	for i, r := range all {
		if r == '\n' {
			if w := trimRunes(all[start:i]); len(w) > 0 {
				words = append(words, w)
			}
			start = i + 1
		}
	}
	if w := trimRunes(all[start:]); len(w) > 0 {
		words = append(words, w)
	}
	return buildTrie(words), nil
}
