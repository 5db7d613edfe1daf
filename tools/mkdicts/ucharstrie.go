package main

import "fmt"

// UCharsTrie serialization, as documented in ICU's
// common/unicode/ucharstrie.h. Units are 16 bits. A node's lead unit:
//
//	bit 15 set, >= 0x40    final value (low 15 bits lead the value)
//	bits 6..14 non-zero    an intermediate value precedes the node kind
//	                       given by bits 0..5 (the "node value")
//	kind 0x00..0x2f        branch over n+1 units (n = kind, or the next
//	                       unit when 0), searched like a BytesTrie branch
//	kind 0x30..0x3f        linear match of kind-0x2f units
//
// Values: lead < 0x4000 is the value; < 0x7fff one more unit; else two.
// Node values: lead < 0x4040 gives (lead>>6)-1; < 0x7fc0 one more unit;
// else two. Deltas: < 0xfc00 is the delta; < 0xffff one more; else two.
const (
	utMinLinearMatch        = 0x30
	utMinValueLead          = 0x40
	utNodeTypeMask          = 0x3f
	utValueIsFinal          = 0x8000
	utMaxBranchLinear       = 5
	utMinTwoUnitValueLead   = 0x4000
	utThreeUnitValueLead    = 0x7fff
	utMinTwoUnitNodeValLead = 0x4040
	utThreeUnitNodeValLead  = 0x7fc0
	utMinTwoUnitDeltaLead   = 0xfc00
	utThreeUnitDeltaLead    = 0xffff
)

// ucharsWalker enumerates the keys of a serialized UCharsTrie.
type ucharsWalker struct {
	t    []uint16
	emit func([]uint16)
	err  error
}

// walkUCharsTrie calls emit with every key (word) stored in trie.
func walkUCharsTrie(trie []uint16, emit func([]uint16)) error {
	w := &ucharsWalker{t: trie, emit: emit}
	w.node(0, nil, 0)
	return w.err
}

func (w *ucharsWalker) at(pos int) int {
	if pos < 0 || pos >= len(w.t) {
		if w.err == nil {
			w.err = fmt.Errorf("UCharsTrie: offset %d out of range", pos)
		}
		return 0xffff
	}
	return int(w.t[pos])
}

// value reads a value with lead unit lead
// (final bit removed) whose further units start at pos; it returns the
// value and the position after it.
func (w *ucharsWalker) value(pos, lead int) (int, int) {
	switch {
	case lead < utMinTwoUnitValueLead:
		return lead, pos
	case lead < utThreeUnitValueLead:
		return (lead-utMinTwoUnitValueLead)<<16 | w.at(pos), pos + 1
	}
	return w.at(pos)<<16 | w.at(pos+1), pos + 2
}

func (w *ucharsWalker) skipNodeValue(pos, lead int) int {
	switch {
	case lead < utMinTwoUnitNodeValLead:
		return pos
	case lead < utThreeUnitNodeValLead:
		return pos + 1
	}
	return pos + 2
}

func (w *ucharsWalker) delta(pos int) (int, int) {
	d := w.at(pos)
	pos++
	switch {
	case d < utMinTwoUnitDeltaLead:
		return d, pos
	case d < utThreeUnitDeltaLead:
		return (d-utMinTwoUnitDeltaLead)<<16 | w.at(pos), pos + 1
	}
	return w.at(pos)<<16 | w.at(pos+1), pos + 2
}

func (w *ucharsWalker) node(pos int, key []uint16, depth int) {
	if depth > 10000 {
		w.err = fmt.Errorf("UCharsTrie: too deep")
		return
	}
	for w.err == nil {
		lead := w.at(pos)
		pos++
		if lead >= utMinValueLead {
			w.emit(key)
			if lead&utValueIsFinal != 0 {
				return
			}
			pos = w.skipNodeValue(pos, lead)
			lead &= utNodeTypeMask
		}
		switch {
		case lead < utMinLinearMatch:
			n := lead
			if n == 0 {
				n = w.at(pos)
				pos++
			}
			w.branch(pos, n+1, key, depth)
			return
		default:
			n := lead - utMinLinearMatch + 1
			if pos+n > len(w.t) {
				w.at(len(w.t))
				return
			}
			key = append(key[:len(key):len(key)], w.t[pos:pos+n]...)
			pos += n
		}
	}
}

func (w *ucharsWalker) branch(pos, n int, key []uint16, depth int) {
	for n > utMaxBranchLinear && w.err == nil {
		pos++
		d, after := w.delta(pos)
		w.branch(after+d, n>>1, key, depth+1)
		n -= n >> 1
		pos = after
	}
	for ; n > 1 && w.err == nil; n-- {
		k := append(key[:len(key):len(key)], uint16(w.at(pos)))
		lead := w.at(pos + 1)
		v, after := w.value(pos+2, lead&^utValueIsFinal)
		if lead&utValueIsFinal != 0 {
			w.emit(k)
		} else {
			w.node(after+v, k, depth+1)
		}
		pos = after
	}
	if w.err == nil {
		k := append(key[:len(key):len(key)], uint16(w.at(pos)))
		w.node(pos+1, k, depth+1)
	}
}
