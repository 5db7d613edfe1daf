package linebreak

import "slices"

// trie is a read-only character trie. The children of a node are stored
// next to each other, sorted by character, so that a lookup is a binary
// search in a small slice and the whole trie is four flat arrays.
type trie struct {
	char  []rune  // the character leading to node i
	first []int32 // index of node i's first child
	n     []int32 // number of children of node i
	word  []bool  // whether the path to node i spells a word
	// cost holds, for a word's node, -ln of the word's probability in a
	// unigram model, scaled (cost.go); nil when the list has no counts.
	cost    []uint8
	penalty float32 // added to every word's cost
	unknown float32 // the cost of one unknown unit
	rare    float32 // the cost from which a word is rare (model.rareCount)
	scarce  float32 // the cost from which a word is scarce (scarceCount)
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

// buildTrie builds a trie of words, which it sorts if they are not sorted
// already (the generators write them sorted). counts, when not nil, gives
// each word's count in the training text, from which the word costs are
// computed.
func buildTrie(words [][]rune, counts []uint32, m model) *trie {
	if !slices.IsSortedFunc(words, compareRunes) {
		order := make([]int, len(words))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return compareRunes(words[a], words[b]) })
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
		words, counts = sorted, sc
	}
	t := &trie{}
	t.add(0) // root
	var nodeCounts []uint32
	if counts != nil {
		nodeCounts = make([]uint32, 0, 2*len(words))
	}
	t.fill(0, words, counts, 0, &nodeCounts)
	t.compact()
	if counts != nil {
		t.setCosts(nodeCounts, len(words), m)
	}
	return t
}

// compact copies the trie's arrays to their exact length, so that the
// slack of their growth is not kept for the life of the process.
func (t *trie) compact() {
	t.char, t.first, t.n, t.word = slices.Clone(t.char), slices.Clone(t.first), slices.Clone(t.n), slices.Clone(t.word)
}

func (t *trie) add(c rune) int32 {
	t.char = append(t.char, c)
	t.first = append(t.first, 0)
	t.n = append(t.n, 0)
	t.word = append(t.word, false)
	return int32(len(t.char) - 1)
}

// fill gives node the children needed for words, all of which share their
// first depth characters (the path to node) and are sorted. A word's count,
// if counts is not nil, is recorded under its node in nodeCounts.
func (t *trie) fill(node int32, words [][]rune, counts []uint32, depth int, nodeCounts *[]uint32) {
	for len(words) > 0 && len(words[0]) == depth {
		t.word[node] = true
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
	t.first[node] = int32(len(t.char))
	t.n[node] = int32(len(groups))
	for _, g := range groups {
		t.add(words[g.lo][depth])
	}
	for k, g := range groups {
		var c []uint32
		if counts != nil {
			c = counts[g.lo:g.hi]
		}
		t.fill(t.first[node]+int32(k), words[g.lo:g.hi], c, depth+1, nodeCounts)
	}
}

// child returns the child of node reached by c, or -1.
func (t *trie) child(node int32, c rune) int32 {
	lo, hi := t.first[node], t.first[node]+t.n[node]
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch {
		case t.char[m] < c:
			lo = m + 1
		case t.char[m] > c:
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
		if t.word[node] && count < maxCandidates {
			lengths[count] = i + 1 - start
			count++
		}
		if t.n[node] == 0 {
			break
		}
	}
	return count, prefix
}

func compareRunes(a, b []rune) int { return slices.Compare(a, b) }
