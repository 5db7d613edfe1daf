package linebreak

import "math"

// Word costs of the unigram model. A segmentation's cost is the sum of its
// words' costs, -ln P(word), and the engine picks the cheapest (Viterbi).
// P(word) is the word's count in the training text plus a floor, so that
// a word of the list never seen in training is possible but dear:
// additive smoothing over the list's words.

// unseenCount is the count a listed word gets when the training text has
// none of it.
const unseenCount = 0.3

// model holds a script's settings of the unigram model.
type model struct {
	// penalty is added to every word's cost: the higher, the fewer and
	// longer the words.
	penalty float32
	// rareCount is the count below which a word is rare: a short rare
	// word next to an unknown span joins it (viterbi.go).
	rareCount float64
	// scarceCount is the count below which a short word next to others
	// like it makes Unknown suspect a name the list lacks (words.go); 0
	// means defaultScarce.
	scarceCount float64
	// rareRun is the length, in characters, up to which two rare words
	// side by side are taken for one unknown span (viterbi.go); 0: never.
	rareRun int
}

// The models were chosen on held-out text (dicts/README.md). Khmer
// translators mark finer words than the counts alone would give, but the
// pair list (pairs.go) parts the compounds they write apart, so Khmer
// needs no bonus for more words; Thai counts were learnt without marks,
// so any short word next to an unknown span may belong to it. The Khmer
// counts come from twice as much text as when its thresholds were 3 (the
// help joined the UI strings), so they are 6, the same share of the text:
// ធី, a slip for ធីក "tick" five times in the help, stays part of the name
// ធីឡាវ៉ា.
var (
	khmerModel   = model{penalty: 0, rareCount: 6, scarceCount: 6, rareRun: 4}
	thaiModel    = model{penalty: 0, rareCount: math.Inf(1)}
	burmeseModel = model{penalty: 0, rareCount: 3}
)

// costScale is how many steps of t.cost make one nat: costs are kept in
// a byte each (0 to 31.9 nats, in steps of 1/8), which the rounding does
// not disturb in practice and which saves three bytes a trie node.
const costScale = 8

// wordCost returns the cost of the word that ends at node.
func (t *trie) wordCost(node int32) float32 {
	return float32(t.cost[node])/costScale + t.penalty
}

// listTotal is the model's total count over a list's words: their counts
// in the training text plus unseenCount for each.
func listTotal(counts []uint32) float64 {
	total := unseenCount * float64(len(counts))
	for _, c := range counts {
		total += float64(c)
	}
	return total
}

// nodeCosts returns the cost column of a packed trie (trie.go): for each
// word's node, its cost from its count (counts, by node) and the total.
func nodeCosts(counts []uint32, word []bool, total float64) []uint8 {
	cost := make([]uint8, len(word))
	for node, isWord := range word {
		if isWord {
			c := unseenCount
			if node < len(counts) {
				c += float64(counts[node])
			}
			cost[node] = uint8(min(math.Round(math.Log(total/c)*costScale), 255))
		}
	}
	return cost
}

// setModel sets the costs that depend on the script's model and the
// list's total count.
func (t *trie) setModel(total float64, m model) {
	penalty := m.penalty
	t.penalty = penalty + wordPenalty
	t.unknown = float32(math.Log(total/unseenCount)) + unknownExtra
	t.rare = float32(math.Log(total/(unseenCount+m.rareCount))) + penalty + wordPenalty
	scarce := m.scarceCount
	if scarce == 0 {
		scarce = defaultScarce
	}
	t.scarce = float32(math.Log(total/(unseenCount+scarce))) + penalty + wordPenalty
	t.rareRun = m.rareRun
}

// defaultScarce is model.scarceCount where a model does not set it.
const defaultScarce = 3

// unknownExtra is what an unknown unit (a stretch between two allowed
// breaks that no word covers) costs beyond the dearest listed word.
const unknownExtra = 2

var wordPenalty float32 // for experiments
