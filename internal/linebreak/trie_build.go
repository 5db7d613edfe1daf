package linebreak

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// builder grows a trie in four flat arrays, the nodes numbered as pack
// writes them: the root, then each node's children together, a node's
// children allocated when the node is filled (depth first).
type builder struct {
	char  []rune
	first []int32
	n     []int32
	word  []bool
}

// maxTrieChar is the largest character a packed trie holds. Every letter,
// mark and joiner of the scripts broken by dictionary is in the Basic
// Multilingual Plane, so a word with a character above it (or a NUL) can
// never match a run of them.
const maxTrieChar = 0xffff

// buildTrie builds a trie of words, which it sorts if they are not sorted
// already (the generators write them sorted), and packs it. counts, when
// not nil, gives each word's count in the training text, from which the
// word costs are computed. Words with a character above maxTrieChar are
// left out.
func buildTrie(words [][]rune, counts []uint32, m model) *trie {
	words, counts = packable(words, counts)
	t, err := openTrie(pack(words, counts), m)
	if err != nil {
		panic(fmt.Sprintf("linebreak: a trie just packed does not open: %v", err)) // a bug in pack
	}
	return t
}

// packable drops the words that a packed trie cannot hold.
func packable(words [][]rune, counts []uint32) ([][]rune, []uint32) {
	fits := func(w []rune) bool {
		for _, r := range w {
			if r < 1 || r > maxTrieChar { // nor NUL: a node has at most 0xffff children
				return false
			}
		}
		return true
	}
	if !slices.ContainsFunc(words, func(w []rune) bool { return !fits(w) }) {
		return words, counts
	}
	var ws [][]rune
	var cs []uint32
	for i, w := range words {
		if fits(w) {
			ws = append(ws, w)
			if counts != nil {
				cs = append(cs, counts[i])
			}
		}
	}
	return ws, cs
}

// pack lays out the trie of words (and their counts, if not nil) in the
// form openTrie reads (trie.go). The same words and counts always give
// the same bytes: that is what lets a test find a stale embedded trie.
func pack(words [][]rune, counts []uint32) []byte {
	words, counts = sortWords(words, counts)
	b := &builder{}
	b.add(0) // root
	var nodeCounts []uint32
	if counts != nil {
		nodeCounts = make([]uint32, 0, 2*len(words))
	}
	b.fill(0, words, counts, 0, &nodeCounts)
	n := len(b.char)
	var flags uint32
	var total float64
	if counts != nil {
		flags |= flagCosts
		total = listTotal(counts)
	}
	out := make([]byte, 0, trieHeaderLen+n*10)
	out = append(out, trieMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(n))
	out = binary.LittleEndian.AppendUint32(out, flags)
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(total))
	for _, c := range b.char {
		out = binary.LittleEndian.AppendUint16(out, uint16(c))
	}
	for _, k := range b.n {
		out = binary.LittleEndian.AppendUint16(out, uint16(k))
	}
	for _, f := range b.first {
		out = binary.LittleEndian.AppendUint32(out, uint32(f))
	}
	for _, w := range b.word {
		out = append(out, boolByte(w))
	}
	if counts != nil {
		out = append(out, nodeCosts(nodeCounts, b.word, total)...)
	}
	return out
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// sortWords sorts words by code point, keeping each count with its word
// and the order of equal words.
func sortWords(words [][]rune, counts []uint32) ([][]rune, []uint32) {
	if slices.IsSortedFunc(words, slices.Compare) {
		return words, counts
	}
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return slices.Compare(words[a], words[b]) })
	sorted := make([][]rune, len(words))
	var sc []uint32
	if counts != nil {
		sc = make([]uint32, len(words))
	}
	for i, o := range order {
		sorted[i] = words[o]
		if counts != nil {
			sc[i] = counts[o]
		}
	}
	return sorted, sc
}

func (b *builder) add(c rune) int32 {
	b.char = append(b.char, c)
	b.first = append(b.first, 0)
	b.n = append(b.n, 0)
	b.word = append(b.word, false)
	return int32(len(b.char) - 1)
}

// fill gives node the children needed for words, all of which share their
// first depth characters (the path to node) and are sorted. A word's count,
// if counts is not nil, is recorded under its node in nodeCounts.
func (b *builder) fill(node int32, words [][]rune, counts []uint32, depth int, nodeCounts *[]uint32) {
	for len(words) > 0 && len(words[0]) == depth {
		b.word[node] = true
		if counts != nil {
			for int(node) >= len(*nodeCounts) {
				*nodeCounts = append(*nodeCounts, 0)
			}
			(*nodeCounts)[node] += counts[0]
			counts = counts[1:]
		}
		words = words[1:]
	}
	if len(words) == 0 {
		return
	}
	// Group words by their character at depth; groups are contiguous.
	type group struct{ lo, hi int }
	var groups []group
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j][depth] == words[i][depth] {
			j++
		}
		groups = append(groups, group{i, j})
		i = j
	}
	b.first[node] = int32(len(b.char))
	b.n[node] = int32(len(groups))
	for _, g := range groups {
		b.add(words[g.lo][depth])
	}
	for k, g := range groups {
		var c []uint32
		if counts != nil {
			c = counts[g.lo:g.hi]
		}
		b.fill(b.first[node]+int32(k), words[g.lo:g.hi], c, depth+1, nodeCounts)
	}
}

// trimRunes drops spaces and carriage returns around a word.
func trimRunes(w []rune) []rune {
	for len(w) > 0 && (w[0] == ' ' || w[0] == '\r') {
		w = w[1:]
	}
	for len(w) > 0 && (w[len(w)-1] == ' ' || w[len(w)-1] == '\r') {
		w = w[:len(w)-1]
	}
	return w
}
