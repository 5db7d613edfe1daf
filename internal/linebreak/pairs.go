package linebreak

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
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

//go:embed dicts/khmer.pairs.gz
var pairFS embed.FS

var pairLists = map[script]func() *pairTable{
	scriptKhmer: sync.OnceValue(func() *pairTable { return mustLoadPairs("dicts/khmer.pairs.gz") }),
}

// pairTable holds the pairs by a hash of their letters (pairKey): the
// joined pairs by the hash of a, a separator and b; the parted ones by the
// hash of the word ab, with the length of a.
type pairTable struct {
	join  map[uint64]struct{}
	apart map[uint64]int32
}

// pairKey is the 64-bit FNV-1a hash of the runes of a, then of b after a
// separator when b is not nil.
func pairKey(a, b []rune) uint64 {
	h := uint64(14695981039346656037)
	add := func(r rune) {
		for i := 0; i < 3; i++ {
			h ^= uint64(byte(r >> (8 * i)))
			h *= 1099511628211
		}
	}
	for _, r := range a {
		add(r)
	}
	if b != nil {
		add('\t')
		for _, r := range b {
			add(r)
		}
	}
	return h
}

func mustLoadPairs(name string) *pairTable {
	p, err := loadPairs(name)
	if err != nil {
		panic(fmt.Sprintf("linebreak: embedded pair list %s: %v", name, err))
	}
	return p
}

func loadPairs(name string) (*pairTable, error) {
	f, err := pairFS.Open(name)
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
	return parsePairs(raw)
}

// parsePairs reads `a<TAB>b<TAB>0|1` lines.
func parsePairs(raw []byte) (*pairTable, error) {
	p := &pairTable{join: map[uint64]struct{}{}, apart: map[uint64]int32{}}
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
			p.join[pairKey(a, b)] = struct{}{}
		} else {
			p.apart[pairKey(append(a[:len(a):len(a)], b...), nil)] = int32(len(a))
		}
	}
	return p, nil
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
			if _, ok := p.join[pairKey(text[sg.start:sg.end], text[next.start:next.end])]; ok {
				out = append(changed(out, segs, i), segment{sg.start, next.end, false, sg.cost + next.cost})
				i++
				continue
			}
		}
		if at, ok := p.apart[pairKey(text[sg.start:sg.end], nil)]; ok {
			if cut := sg.start + int(at); cut > sg.start && cut < sg.end && !guarded(text, cut) {
				out = append(changed(out, segs, i), segment{sg.start, cut, false, sg.cost}, segment{cut, sg.end, false, sg.cost})
				continue
			}
		}
		out = keep(out, sg)
	}
	if out == nil {
		return segs
	}
	return out
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
