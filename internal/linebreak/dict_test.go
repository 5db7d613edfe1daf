package linebreak

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func readDict(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("dicts", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestPackedDictionaries checks that each embedded trie is what its word
// list gives, so that a list changed without `make tries` fails here.
func TestPackedDictionaries(t *testing.T) {
	for _, d := range dictionaryFiles {
		want, err := d.Pack(readDict(t, d.List))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(d.embedded, want) {
			t.Errorf("dicts/%s (%d bytes) is not what dicts/%s gives (%d bytes): run make tries", d.Packed, len(d.embedded), d.List, len(want))
		}
	}
}

// TestPackedLookup checks a packed trie against the words it was made
// from: each is found as a word, each proper prefix that is not listed is
// not, and a word no packed trie can hold is left out.
func TestPackedLookup(t *testing.T) {
	list := []string{"ខ្មែរ", "ខ្មែ", "ក", "កា", "ការងារ", "abc", "ab", "x\U0001F600"}
	var words [][]rune
	for _, w := range list {
		words = append(words, []rune(w))
	}
	tr := buildTrie(words, []uint32{5, 1, 9, 2, 7, 3, 4, 8}, khmerModel)
	find := func(w []rune) (int32, bool) {
		node := int32(0)
		for _, c := range w {
			if node = tr.child(node, c); node < 0 {
				return -1, false
			}
		}
		return node, tr.isWord(node)
	}
	for _, w := range list[:6] {
		if _, ok := find([]rune(w)); !ok {
			t.Errorf("%q: not found", w)
		}
	}
	for _, w := range []string{"ខ្ម", "ការង", "a", "x", "x\U0001F600", "abcd"} {
		if _, ok := find([]rune(w)); ok {
			t.Errorf("%q: found, and was not listed (or cannot be packed)", w)
		}
	}
	// The dearer word is the rarer one.
	n1, _ := find([]rune("ក"))
	n2, _ := find([]rune("ខ្មែ"))
	if tr.wordCost(n1) >= tr.wordCost(n2) {
		t.Errorf("cost of ក (count 9) %v, not below that of ខ្មែ (count 1) %v", tr.wordCost(n1), tr.wordCost(n2))
	}
	// Unsorted input packs as sorted input does.
	sorted := slices.Clone(words)
	slices.SortFunc(sorted, slices.Compare)
	if !bytes.Equal(pack(packable(words, nil)), pack(packable(sorted, nil))) {
		t.Error("the order of the words changes the packed trie")
	}
}

// TestOpenTrieRejects checks that a damaged packed trie is an error.
func TestOpenTrieRejects(t *testing.T) {
	good := pack([][]rune{[]rune("កា")}, nil)
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     append([]byte("BRTRIE00"), good[8:]...),
		"truncated": good[:len(good)-1],
		"longer":    append(slices.Clone(good), 0),
	} {
		if _, err := openTrie(b, model{}); err == nil {
			t.Errorf("%s: opened", name)
		}
	}
	if _, err := openTrie(good, model{}); err != nil {
		t.Errorf("good: %v", err)
	}
}
