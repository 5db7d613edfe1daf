package linebreak

import (
	"bytes"
	"compress/gzip"
	_ "embed" // the packed dictionaries
	"fmt"
	"io"
	"slices"
	"sync"
)

// The word lists are ICU's break-iterator dictionaries, extracted by
// tools/mkdicts (see dicts/LICENSE), with counts added by tools/mkfreq:
// dicts/*.freq.gz and dicts/lao.txt.gz. The binary embeds them as packed
// tries (trie.go), made from the lists by tools/mktries (`make tries`),
// so that a run opens a dictionary without decoding or building anything.
// TestPackedDictionaries fails when a packed trie is not what the list
// gives.
//
//go:generate go run ../../tools/mktries
var (
	//go:embed dicts/thai.trie
	thaiTrie []byte
	//go:embed dicts/lao.trie
	laoTrie []byte
	//go:embed dicts/khmer.trie
	khmerTrie []byte
	//go:embed dicts/burmese.trie
	burmeseTrie []byte
)

// A Dictionary is one embedded dictionary: the word list it is made from
// and the packed trie the binary embeds, both under dicts/.
type Dictionary struct {
	List, Packed string
	embedded     []byte
	model        model
}

// Dictionaries returns the embedded dictionaries, for tools/mktries.
func Dictionaries() []Dictionary { return slices.Clone(dictionaryFiles) }

var dictionaryFiles = []Dictionary{
	{"thai.freq.gz", "thai.trie", thaiTrie, thaiModel},
	{"lao.txt.gz", "lao.trie", laoTrie, model{}},
	{"khmer.freq.gz", "khmer.trie", khmerTrie, khmerModel},
	{"burmese.freq.gz", "burmese.trie", burmeseTrie, burmeseModel},
}

// dictionaries holds one trie per script, opened on first use.
var dictionaries = map[script]func() *trie{
	scriptThai:    sync.OnceValue(func() *trie { return mustOpen(dictionaryFiles[0]) }),
	scriptLao:     sync.OnceValue(func() *trie { return mustOpen(dictionaryFiles[1]) }),
	scriptKhmer:   sync.OnceValue(func() *trie { return mustOpen(dictionaryFiles[2]) }),
	scriptMyanmar: sync.OnceValue(func() *trie { return mustOpen(dictionaryFiles[3]) }),
}

// mustOpen opens an embedded dictionary. The tries are part of the
// binary, so failing to read one is a build error, not a runtime condition.
func mustOpen(d Dictionary) *trie {
	t, err := openTrie(d.embedded, d.model)
	if err != nil {
		panic(fmt.Sprintf("linebreak: embedded dictionary %s: %v (make tries)", d.Packed, err))
	}
	return t
}

// Pack returns the packed trie of the gzip-compressed word list list, the
// bytes that d.Packed must hold.
func (d Dictionary) Pack(list []byte) ([]byte, error) {
	return packList(d.List, list, func(raw []byte) ([]byte, error) {
		words, counts, err := parseList(raw)
		if err != nil {
			return nil, err
		}
		return pack(words, counts), nil
	})
}

// packList decompresses list, the dicts/ file name, and packs its text
// with packText; an error names the file.
func packList(name string, list []byte, packText func(raw []byte) ([]byte, error)) ([]byte, error) {
	raw, err := gunzip(list)
	if err == nil {
		var packed []byte
		if packed, err = packText(raw); err == nil {
			return packed, nil
		}
	}
	return nil, fmt.Errorf("read %s: %w", name, err)
}

// gunzip decompresses a list as the dicts/ folder keeps it.
func gunzip(list []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(list))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// parseList reads a word list: one word a line, optionally followed by a
// tab and its count in the training text. All words go into one rune
// buffer, sliced per word. counts is nil when no word has a count.
func parseList(raw []byte) (words [][]rune, counts []uint32, err error) {
	n := bytes.Count(raw, []byte{'\n'}) + 1
	words = make([][]rune, 0, n)
	all := []rune(string(raw))
	for line := 1; len(all) > 0; line++ {
		end := slices.Index(all, '\n')
		if end < 0 {
			end = len(all)
		}
		text := all[:end]
		all = all[min(end+1, len(all)):]
		word, count, err := splitCount(text)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", line, err)
		}
		if len(word) == 0 {
			continue
		}
		if w, _ := packable([][]rune{word}, nil); len(w) == 0 {
			return nil, nil, fmt.Errorf("line %d: %q has a character a packed trie cannot hold", line, string(word))
		}
		if count > 0 && counts == nil {
			counts = make([]uint32, len(words), n)
		}
		words = append(words, word)
		if counts != nil {
			counts = append(counts, count)
		}
	}
	return words, counts, nil
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
