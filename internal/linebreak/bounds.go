package linebreak

import (
	"bytes"
	_ "embed" // the packed boundary model
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"
)

// Boundary confidence. Khmer translators write many compounds of two
// listed words joined (ការកំណត់ "setting", មិនអាច "cannot") and others
// parted (ដែល​បាន "that has"), and the pair list (pairs.go) knows only the
// pairs the training text has often. The boundary model scores each
// boundary the search leaves between two words a and b: a logistic model,
// learnt by tools/mkbounds from the training text alone, of whether a
// translator parts the two there, from the pair itself, from how often a
// ends a marked word and b starts one, and from their lengths. A boundary
// whose score is below the model's threshold (folded into its bias) is
// not offered: a line may still break there by syllable only when a word
// does not fit (Syllables, Clusters), so a missed boundary costs little,
// a false one splits a word.

// boundaryFeatures calls f with the key of each feature of the boundary
// between the words a and b: the pair, a as a word before a boundary, b
// as a word after one, their lengths in characters, and the bias. A key
// is its parts, each a kind and its words, as featureKey reads them.
func boundaryFeatures(a, b []rune, f func(kind byte, x, y []rune)) {
	f('p', a, b)
	f('r', a, nil)
	f('l', nil, b)
	f('a', lengthKey(len(a)), nil)
	f('b', lengthKey(len(b)), nil)
	f(biasKind, nil, nil)
}

// biasKind is the kind of the feature every boundary has.
const biasKind = '0'

// BoundaryBias is the key of the bias, the feature of every boundary (as
// BoundaryFeatures writes it), whose weight a threshold moves.
const BoundaryBias = string(rune(biasKind)) + "\t\t"

// lengthKeys are the length classes of a word, as keys: 1 to 7
// characters, and 8 or more.
var lengthKeys = func() [9][]rune {
	var k [9][]rune
	for i := range k {
		k[i] = []rune(strconv.Itoa(i))
	}
	return k
}()

func lengthKey(n int) []rune { return lengthKeys[min(n, 8)] }

// featureKey is the 64-bit FNV-1a hash of a feature: its kind, then x and
// y each after a tab.
func featureKey(kind byte, x, y []rune) uint64 {
	h := hashRune(hashRune(fnvOffset, rune(kind)), '\t')
	h = hashRune(hashRunes(h, x), '\t')
	return hashRunes(h, y)
}

// BoundaryFeatures returns the features of the boundary between the words
// a and b as text, `kind<TAB>x<TAB>y`, the keys of a boundary model list
// (dicts/khmer.bounds.gz), for tools/mkbounds.
func BoundaryFeatures(a, b string) []string {
	var out []string
	boundaryFeatures([]rune(a), []rune(b), func(kind byte, x, y []rune) {
		out = append(out, string(rune(kind))+"\t"+string(x)+"\t"+string(y))
	})
	return out
}

// parseFeature reads a key of BoundaryFeatures.
func parseFeature(key string) (kind byte, x, y []rune, ok bool) {
	if len(key) < 3 || key[1] != '\t' || !utf8.ValidString(key) {
		return 0, nil, nil, false
	}
	rest := key[2:]
	for i := 0; i < len(rest); i++ {
		if rest[i] == '\t' {
			return key[0], []rune(rest[:i]), []rune(rest[i+1:]), true
		}
	}
	return 0, nil, nil, false
}

// The list (dicts/khmer.bounds.gz, written by tools/mkbounds) has one
// feature a line, `kind<TAB>x<TAB>y<TAB>weight`, the weight in sixteenths
// of a nat (-128 to 127); the threshold is folded into the bias, so a
// boundary is offered when its weights sum to 0 or more. The binary
// embeds it packed (packBounds): the sorted hashes of the keys
// (featureKey), then a byte of weight each, searched in place.
//
//go:embed dicts/khmer.bounds
var khmerBounds []byte

// A BoundList is one embedded boundary model: the learnt list and the
// packed table the binary embeds, both under dicts/.
type BoundList struct {
	List, Packed string
	embedded     []byte
}

// BoundLists returns the embedded boundary models, for tools/mktries.
func BoundLists() []BoundList { return slices.Clone(boundFiles) }

var boundFiles = []BoundList{{"khmer.bounds.gz", "khmer.bounds", khmerBounds}}

var boundModels = map[script]func() *boundModel{
	scriptKhmer: sync.OnceValue(func() *boundModel { return mustOpenBounds(boundFiles[0]) }),
}

// boundModel is a packed boundary model, read in place.
type boundModel struct {
	keys    []byte // little-endian uint64, sorted
	weights []byte // int8, one a key
}

const boundMagic = "BRB1"

func mustOpenBounds(p BoundList) *boundModel {
	m, err := openBounds(p.embedded)
	if err != nil {
		panic(fmt.Sprintf("linebreak: embedded boundary model %s: %v (make tries)", p.Packed, err))
	}
	return m
}

// packBounds reads the lines of a boundary model list and writes the
// packed table.
func packBounds(raw []byte) ([]byte, error) {
	w := map[uint64]int8{}
	for n, line := range bytes.Split(raw, []byte{'\n'}) {
		if len(line) == 0 {
			continue
		}
		i := bytes.LastIndexByte(line, '\t')
		v, err := strconv.Atoi(string(line[i+1:]))
		kind, x, y, ok := parseFeature(string(line[:max(i, 0)]))
		if i < 0 || err != nil || v < -128 || v > 127 || !ok {
			return nil, fmt.Errorf("line %d: want kind<TAB>word<TAB>word<TAB>weight (-128 to 127), got %q", n+1, line)
		}
		w[featureKey(kind, x, y)] = int8(v)
	}
	keys := slices.Sorted(maps.Keys(w))
	out := make([]byte, 0, 8+9*len(keys))
	out = append(out, boundMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(keys)))
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint64(out, k)
	}
	for _, k := range keys {
		out = append(out, byte(w[k]))
	}
	return out, nil
}

// openBounds reads a packed boundary model in place.
func openBounds(b []byte) (*boundModel, error) {
	if len(b) < 8 || string(b[:4]) != boundMagic {
		return nil, fmt.Errorf("not a packed boundary model")
	}
	n := int(binary.LittleEndian.Uint32(b[4:]))
	if len(b) != 8+9*n {
		return nil, fmt.Errorf("packed boundary model of %d bytes holds %d features", len(b), n)
	}
	return &boundModel{keys: b[8 : 8+8*n], weights: b[8+8*n:]}, nil
}

// Pack makes the packed table of a boundary model list (the gzipped text
// of p.List).
func (p BoundList) Pack(list []byte) ([]byte, error) {
	return packList(p.List, list, packBounds)
}

// score is the sum of the weights of the features of the boundary between
// a and b, in sixteenths of a nat.
func (m *boundModel) score(a, b []rune) int {
	s := 0
	boundaryFeatures(a, b, func(kind byte, x, y []rune) {
		if i, ok := m.find(featureKey(kind, x, y)); ok {
			s += int(int8(m.weights[i]))
		}
	})
	return s
}

// find is the index of the key h, searched for in the whole table: a few
// thousand keys take a dozen steps, and opening the model builds no index.
func (m *boundModel) find(h uint64) (int, bool) {
	n := len(m.keys) / 8
	i := sort.Search(n, func(i int) bool { return binary.LittleEndian.Uint64(m.keys[8*i:]) >= h })
	return i, i < n && binary.LittleEndian.Uint64(m.keys[8*i:]) == h
}

// join merges the neighbours of segs (a division of text) whose boundary
// the model does not offer, each boundary judged on the words the search
// found on either side. segs comes back unchanged where all are offered.
func (m *boundModel) join(text []rune, segs []segment) []segment {
	if m == nil || len(segs) < 2 {
		return segs
	}
	var out []segment // nil until the first change
	for i := 1; i < len(segs); i++ {
		a, b := segs[i-1], segs[i]
		if m.score(text[a.start:a.end], text[b.start:b.end]) >= 0 {
			out = keep(out, b)
			continue
		}
		out = changed(out, segs, i)
		last := &out[len(out)-1]
		last.end, last.unknown = b.end, last.unknown || b.unknown
	}
	if out == nil {
		return segs
	}
	return out
}
