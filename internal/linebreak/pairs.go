package linebreak

import (
	"bytes"
	_ "embed" // the packed pair lists
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"sort"
	"sync"
)

// Word pairs. Whether people write two words apart or as one depends on
// the pair: Khmer translators write ត្រូវការ "need" whole but ដែល​បាន "that
// has" apart, though both are two listed words, and a unigram model,
// which weighs each word alone, cannot tell the two apart. The pair list
// (dicts/khmer.pairs.gz, learnt by tools/mkfreq -pairsout from the same
// marked text as the counts) records the pairs of words that people
// mostly join (`a<TAB>b<TAB>0`) or mostly part (`a<TAB>b<TAB>1`); after
// the Viterbi search, two neighbouring words of the first kind become one
// and a word spelt as a pair of the second kind is parted, where the
// syllable guards allow a break.

// The binary embeds each list packed (packPairs): two sorted tables of
// hashes, searched in place, so a run builds nothing. tools/mktries makes
// them (`make tries`); TestPackedPairs fails when one is stale.
//
//go:embed dicts/khmer.pairs
var khmerPairs []byte

// A PairList is one embedded pair list: the learnt list and the packed
// table the binary embeds, both under dicts/.
type PairList struct {
	List, Packed string
	embedded     []byte
}

var pairFiles = []PairList{{"khmer.pairs.gz", "khmer.pairs", khmerPairs}}

// PairLists returns the embedded pair lists, for tools/mktries.
func PairLists() []PairList { return slices.Clone(pairFiles) }

var pairLists = map[script]func() *pairTable{
	scriptKhmer: sync.OnceValue(func() *pairTable { return mustOpenPairs(pairFiles[0]) }),
}

// pairTable is a packed pair list, read in place: the joined pairs as the
// sorted hashes of a, a separator and b (pairKey); the parted ones as the
// sorted hashes of the word ab, each with the length of a.
type pairTable struct {
	join, apart, apartLen []byte // little-endian uint64, uint64, uint32
	// joinAt and apartAt index the tables by the top byte of the hash:
	// entries with top byte k are at [at[k], at[k+1]), so a search looks
	// at a few dozen entries, not thousands. Made at open, in one pass.
	joinAt, apartAt [257]int32
}

// pairMagic starts a packed pair list; the counts of joined and parted
// pairs follow as uint32.
const pairMagic = "BRP1"

// pairKey is the 64-bit FNV-1a hash of the runes of a, then of b after a
// separator when b is not nil.
func pairKey(a, b []rune) uint64 {
	h := hashRunes(fnvOffset, a)
	if b != nil {
		h = hashRunes(hashRune(h, '\t'), b)
	}
	return h
}

// The packed pair and boundary tables key their entries by 64-bit FNV-1a
// over the low three bytes of each rune (enough for all of Unicode).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashRune adds r to the FNV-1a hash h.
func hashRune(h uint64, r rune) uint64 {
	for i := 0; i < 3; i++ {
		h ^= uint64(byte(r >> (8 * i)))
		h *= fnvPrime
	}
	return h
}

// hashRunes adds rs to the FNV-1a hash h.
func hashRunes(h uint64, rs []rune) uint64 {
	for _, r := range rs {
		h = hashRune(h, r)
	}
	return h
}

func mustOpenPairs(p PairList) *pairTable {
	t, err := openPairs(p.embedded)
	if err != nil {
		panic(fmt.Sprintf("linebreak: embedded pair list %s: %v (make tries)", p.Packed, err))
	}
	return t
}

// Pack makes the packed table of a pair list (the gzipped text of List).
func (p PairList) Pack(list []byte) ([]byte, error) {
	return packList(p.List, list, packPairs)
}

// parsePairs reads `a<TAB>b<TAB>0|1` lines into a table.
func parsePairs(raw []byte) (*pairTable, error) {
	packed, err := packPairs(raw)
	if err != nil {
		return nil, err
	}
	return openPairs(packed)
}

// packPairs reads `a<TAB>b<TAB>0|1` lines and writes the packed table; a
// word listed twice as parted keeps its last length.
func packPairs(raw []byte) ([]byte, error) {
	join := map[uint64]bool{}
	apart := map[uint64]uint32{}
	for n, line := range bytes.Split(raw, []byte{'\n'}) {
		if len(line) == 0 {
			continue
		}
		f := bytes.Split(line, []byte{'\t'})
		if len(f) != 3 || len(f[0]) == 0 || len(f[1]) == 0 || len(f[2]) != 1 || f[2][0] != '0' && f[2][0] != '1' {
			return nil, fmt.Errorf("line %d: want word<TAB>word<TAB>0 or 1, got %q", n+1, line)
		}
		a, b := []rune(string(f[0])), []rune(string(f[1]))
		if f[2][0] == '0' {
			join[pairKey(a, b)] = true
		} else {
			apart[pairKey(append(a[:len(a):len(a)], b...), nil)] = uint32(len(a))
		}
	}
	joins := slices.Sorted(maps.Keys(join))
	aparts := slices.Sorted(maps.Keys(apart))
	out := make([]byte, 0, 12+8*len(joins)+12*len(aparts))
	out = append(out, pairMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(joins)))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(aparts)))
	for _, h := range joins {
		out = binary.LittleEndian.AppendUint64(out, h)
	}
	for _, h := range aparts {
		out = binary.LittleEndian.AppendUint64(out, h)
	}
	for _, h := range aparts {
		out = binary.LittleEndian.AppendUint32(out, apart[h])
	}
	return out, nil
}

// openPairs reads a packed table in place.
func openPairs(b []byte) (*pairTable, error) {
	if len(b) < 12 || string(b[:4]) != pairMagic {
		return nil, fmt.Errorf("not a packed pair list")
	}
	nj := int(binary.LittleEndian.Uint32(b[4:]))
	na := int(binary.LittleEndian.Uint32(b[8:]))
	if len(b) != 12+8*nj+12*na {
		return nil, fmt.Errorf("packed pair list of %d bytes holds %d and %d pairs", len(b), nj, na)
	}
	t := &pairTable{join: b[12 : 12+8*nj], apart: b[12+8*nj : 12+8*nj+8*na], apartLen: b[12+8*nj+8*na:]}
	index(&t.joinAt, t.join)
	index(&t.apartAt, t.apart)
	return t, nil
}

// index fills at with where each top byte's entries of a sorted table
// start.
func index(at *[257]int32, table []byte) {
	n := int32(len(table) / 8)
	k := 0
	for i := int32(0); i < n; i++ {
		for top := int(binary.LittleEndian.Uint64(table[8*i:]) >> 56); k <= top; k++ {
			at[k] = i
		}
	}
	for ; k <= 256; k++ {
		at[k] = n
	}
}

// find is the index of h in a sorted table of uint64 indexed by at, or -1.
func find(table []byte, at *[257]int32, h uint64) int {
	lo, hi := int(at[h>>56]), int(at[h>>56+1])
	i := lo + sort.Search(hi-lo, func(i int) bool { return binary.LittleEndian.Uint64(table[8*(lo+i):]) >= h })
	if i < hi && binary.LittleEndian.Uint64(table[8*i:]) == h {
		return i
	}
	return -1
}

// joins reports whether people write the pair a, b as one word.
func (p *pairTable) joins(a, b []rune) bool { return find(p.join, &p.joinAt, pairKey(a, b)) >= 0 }

// partAt is where people part the word w, when they do.
func (p *pairTable) partAt(w []rune) (int, bool) {
	i := find(p.apart, &p.apartAt, pairKey(w, nil))
	if i < 0 {
		return 0, false
	}
	return int(binary.LittleEndian.Uint32(p.apartLen[4*i:])), true
}

// adjust joins and parts the words of segs (a division of text) as the
// pair list says. A word made of two (joined here) is not joined again.
// segs comes back unchanged, without a copy, where nothing applies.
func (p *pairTable) adjust(text []rune, segs []segment) []segment {
	if p == nil {
		return segs
	}
	var out []segment // nil until the first change
	for i := 0; i < len(segs); i++ {
		sg := segs[i]
		if sg.unknown {
			out = keep(out, sg)
			continue
		}
		if i+1 < len(segs) && !segs[i+1].unknown {
			next := segs[i+1]
			if p.joins(text[sg.start:sg.end], text[next.start:next.end]) {
				out = append(changed(out, segs, i), segment{sg.start, next.end, false, sg.cost + next.cost})
				i++
				continue
			}
		}
		if p.parts(text, sg) {
			out = p.part(text, sg, changed(out, segs, i))
			continue
		}
		out = keep(out, sg)
	}
	if out == nil {
		return segs
	}
	return out
}

// part appends to out the words sg comes to when parted where the pair
// list says, and its parts parted again where it says so of them
// (ដែលបានជ្រើស "that has been chosen", a word of the list, is
// ដែល|បានជ្រើស and then ដែល|បាន|ជ្រើស).
func (p *pairTable) part(text []rune, sg segment, out []segment) []segment {
	if cut, ok := p.cut(text, sg); ok {
		out = p.part(text, segment{sg.start, cut, false, sg.cost}, out)
		return p.part(text, segment{cut, sg.end, false, sg.cost}, out)
	}
	return append(out, sg)
}

// parts reports whether the pair list parts the word sg.
func (p *pairTable) parts(text []rune, sg segment) bool {
	_, ok := p.cut(text, sg)
	return ok
}

// cut is where the pair list parts the word sg, if it does and the
// syllable guards allow a break there.
func (p *pairTable) cut(text []rune, sg segment) (int, bool) {
	if at, ok := p.partAt(text[sg.start:sg.end]); ok {
		if cut := sg.start + at; cut > sg.start && cut < sg.end && !guarded(text, cut) {
			return cut, true
		}
	}
	return 0, false
}

// keep appends sg to out once out has been started.
func keep(out []segment, sg segment) []segment {
	if out == nil {
		return nil
	}
	return append(out, sg)
}

// changed starts out, at the first change, with the segments before i.
func changed(out, segs []segment, i int) []segment {
	if out == nil {
		out = make([]segment, i, len(segs)+4)
		copy(out, segs[:i])
	}
	return out
}
