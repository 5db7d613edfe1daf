package linebreak

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// trie is a read-only character trie in packed form: one byte slice laid
// out by pack (trie_build.go) and read in place, so that a dictionary
// embedded in the binary costs nothing to open and is paged in from the
// executable as lookups touch it, never copied to the heap.
//
// The children of a node are stored next to each other, sorted by
// character, so that a lookup is a binary search in a short run of
// 16-bit characters. The columns, each little-endian:
//
//	chars [n]uint16  the character leading to node i
//	kids  [n]uint16  the number of children of node i
//	first [n]uint32  the index of node i's first child
//	words [n]uint8   1 if the path to node i spells a word
//	cost  [n]uint8   a word's cost (cost.go), only in a list with counts
type trie struct {
	chars, kids, first, words []byte
	// cost holds, for a word's node, -ln of the word's probability in a
	// unigram model, scaled (cost.go); nil when the list has no counts.
	cost    []uint8
	penalty float32 // added to every word's cost
	unknown float32 // the cost of one unknown unit
	rare    float32 // the cost from which a word is rare (model.rareCount)
	scarce  float32 // the cost from which a word is scarce (scarceCount)
	rareRun int     // model.rareRun
}

// The packed header: the magic, the number of nodes, the flags, and the
// total count of the unigram model (a float64's bits), each little-endian.
const (
	trieMagic     = "BRTRIE01"
	trieHeaderLen = len(trieMagic) + 4 + 4 + 8
	flagCosts     = 1 // the trie has a cost column
)

var errPacked = errors.New("not a packed trie of this version")

// openTrie reads a packed trie in place and sets the model's costs from
// its total count. It checks the layout, not every node: a packed trie
// comes from pack, in the binary or just built.
func openTrie(b []byte, m model) (*trie, error) {
	if len(b) < trieHeaderLen || string(b[:len(trieMagic)]) != trieMagic {
		return nil, errPacked
	}
	h := b[len(trieMagic):]
	n := int(binary.LittleEndian.Uint32(h))
	flags := binary.LittleEndian.Uint32(h[4:])
	total := math.Float64frombits(binary.LittleEndian.Uint64(h[8:]))
	width := 2 + 2 + 4 + 1
	if flags&flagCosts != 0 {
		width++
	}
	body := b[trieHeaderLen:]
	if n < 1 || len(body) != n*width {
		return nil, fmt.Errorf("%w: %d bytes for %d nodes", errPacked, len(body), n)
	}
	t := &trie{}
	t.chars, body = body[:2*n:2*n], body[2*n:]
	t.kids, body = body[:2*n:2*n], body[2*n:]
	t.first, body = body[:4*n:4*n], body[4*n:]
	t.words, body = body[:n:n], body[n:]
	if flags&flagCosts != 0 {
		t.cost = body[:n:n]
		t.setModel(total, m)
	}
	return t, nil
}

func (t *trie) char(node int32) rune {
	return rune(binary.LittleEndian.Uint16(t.chars[2*node:]))
}

// isWord reports whether the path to node spells a word.
func (t *trie) isWord(node int32) bool { return t.words[node] != 0 }

// isLeaf reports whether node has no children.
func (t *trie) isLeaf(node int32) bool { return t.kids[2*node] == 0 && t.kids[2*node+1] == 0 }

// child returns the child of node reached by c, or -1.
func (t *trie) child(node int32, c rune) int32 {
	lo := int32(binary.LittleEndian.Uint32(t.first[4*node:]))
	hi := lo + int32(binary.LittleEndian.Uint16(t.kids[2*node:]))
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch mc := t.char(m); {
		case mc < c:
			lo = m + 1
		case mc > c:
			hi = m
		default:
			return m
		}
	}
	return -1
}

// maxCandidates is how many words starting at one position are considered
// (ICU's POSSIBLE_WORD_LIST_MAX).
const maxCandidates = 20

// matches finds the dictionary words that are prefixes of text[start:],
// reading at most maxLen characters, in the manner of ICU's
// DictionaryMatcher::matches. It stores their lengths (increasing) in
// lengths and returns how many it found, and prefix: the number of
// characters it read, counting the one that left the trie.
func (t *trie) matches(text []rune, start, maxLen int, lengths *[maxCandidates]int) (count, prefix int) {
	node := int32(0)
	for i := start; i < len(text) && i-start < maxLen; i++ {
		next := t.child(node, text[i])
		prefix++
		if next < 0 {
			break
		}
		node = next
		if t.isWord(node) && count < maxCandidates {
			lengths[count] = i + 1 - start
			count++
		}
		if t.isLeaf(node) {
			break
		}
	}
	return count, prefix
}
