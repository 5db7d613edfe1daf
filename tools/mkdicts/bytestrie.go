package main

import "fmt"

// BytesTrie serialization, as documented in ICU's common/unicode/bytestrie.h
// (the node constants and their comments) and the "Tries" design notes.
// Every node starts with a lead byte:
//
//	0x00..0x0f  branch node over n+1 bytes (n = lead, or the next byte when
//	            the lead is 0). While more than 5 bytes remain, the branch
//	            is a binary-search tree: a split byte, then a jump delta to
//	            the sub-branch of the smaller half (n/2 bytes); the larger
//	            half (n - n/2 bytes) follows the delta. At most 5 bytes are
//	            listed linearly: each but the last is followed by a value
//	            (final: the key ends here) or a jump delta (to its node, as a
//	            non-final value); the last one's node follows it directly.
//	0x10..0x1f  linear match of lead-0x0f bytes, then the next node.
//	0x20..0xff  value node; bit 0 set means final (nothing follows). The
//	            value's leading bits are lead>>1, with 0..4 more bytes.
//
// Compact deltas: 0x00..0xbf is the delta itself; 0xc0..0xef one more byte;
// 0xf0..0xfd two more; 0xfe three more; 0xff four more.
const (
	btMinLinearMatch      = 0x10
	btMinValueLead        = 0x20
	btMaxBranchLinear     = 5
	btMinOneByteValueLead = 0x10 // after >>1
	btMinTwoByteValueLead = 0x51
	btMinThreeByteLead    = 0x6c
	btFourByteValueLead   = 0x7e
	btMinTwoByteDeltaLead = 0xc0
	btMinThreeDeltaLead   = 0xf0
	btFourByteDeltaLead   = 0xfe
)

// bytesWalker enumerates the keys of a serialized BytesTrie.
type bytesWalker struct {
	t    []byte
	emit func([]byte)
	err  error
}

// walkBytesTrie calls emit with every key (word) stored in trie.
func walkBytesTrie(trie []byte, emit func([]byte)) error {
	w := &bytesWalker{t: trie, emit: emit}
	w.node(0, nil, 0)
	return w.err
}

func (w *bytesWalker) byteAt(pos int) int {
	if pos < 0 || pos >= len(w.t) {
		if w.err == nil {
			w.err = fmt.Errorf("BytesTrie: offset %d out of range", pos)
		}
		return 0xff // a final value: stops every walk
	}
	return int(w.t[pos])
}

// value reads a value whose lead byte (already shifted right) is lead and
// whose further bytes start at pos; it returns the value and the position
// after it.
func (w *bytesWalker) value(pos, lead int) (int, int) {
	switch {
	case lead < btMinTwoByteValueLead:
		return lead - btMinOneByteValueLead, pos
	case lead < btMinThreeByteLead:
		return (lead-btMinTwoByteValueLead)<<8 | w.byteAt(pos), pos + 1
	case lead < btFourByteValueLead:
		return (lead-btMinThreeByteLead)<<16 | w.byteAt(pos)<<8 | w.byteAt(pos+1), pos + 2
	case lead == btFourByteValueLead:
		return w.byteAt(pos)<<16 | w.byteAt(pos+1)<<8 | w.byteAt(pos+2), pos + 3
	}
	return w.byteAt(pos)<<24 | w.byteAt(pos+1)<<16 | w.byteAt(pos+2)<<8 | w.byteAt(pos+3), pos + 4
}

// delta reads a jump delta at pos; it returns the delta and the position
// after it (the delta is relative to that position).
func (w *bytesWalker) delta(pos int) (int, int) {
	d := w.byteAt(pos)
	pos++
	switch {
	case d < btMinTwoByteDeltaLead:
		return d, pos
	case d < btMinThreeDeltaLead:
		return (d-btMinTwoByteDeltaLead)<<8 | w.byteAt(pos), pos + 1
	case d < btFourByteDeltaLead:
		return (d-btMinThreeDeltaLead)<<16 | w.byteAt(pos)<<8 | w.byteAt(pos+1), pos + 2
	case d == btFourByteDeltaLead:
		return w.byteAt(pos)<<16 | w.byteAt(pos+1)<<8 | w.byteAt(pos+2), pos + 3
	}
	return w.byteAt(pos)<<24 | w.byteAt(pos+1)<<16 | w.byteAt(pos+2)<<8 | w.byteAt(pos+3), pos + 4
}

// node walks the node at pos, with key the bytes matched so far.
func (w *bytesWalker) node(pos int, key []byte, depth int) {
	if depth > 10000 {
		w.err = fmt.Errorf("BytesTrie: too deep")
		return
	}
	for w.err == nil {
		lead := w.byteAt(pos)
		pos++
		switch {
		case lead < btMinLinearMatch: // branch
			n := lead
			if n == 0 {
				n = w.byteAt(pos)
				pos++
			}
			w.branch(pos, n+1, key, depth)
			return
		case lead < btMinValueLead: // linear match
			n := lead - btMinLinearMatch + 1
			if pos+n > len(w.t) {
				w.byteAt(len(w.t))
				return
			}
			key = append(key[:len(key):len(key)], w.t[pos:pos+n]...)
			pos += n
		default: // value: the key so far is a word
			w.emit(key)
			if lead&1 != 0 {
				return
			}
			_, pos = w.value(pos, lead>>1)
		}
	}
}

// branch walks a branch (sub-)node of n bytes starting at pos.
func (w *bytesWalker) branch(pos, n int, key []byte, depth int) {
	for n > btMaxBranchLinear && w.err == nil {
		pos++ // split byte: smaller bytes are in the jumped-to half
		d, after := w.delta(pos)
		w.branch(after+d, n>>1, key, depth+1)
		n -= n >> 1
		pos = after
	}
	for ; n > 1 && w.err == nil; n-- {
		k := append(key[:len(key):len(key)], byte(w.byteAt(pos)))
		lead := w.byteAt(pos + 1)
		v, after := w.value(pos+2, lead>>1)
		if lead&1 != 0 {
			w.emit(k) // final value: the word ends here
		} else {
			w.node(after+v, k, depth+1) // v is a jump delta
		}
		pos = after
	}
	if w.err == nil {
		k := append(key[:len(key):len(key)], byte(w.byteAt(pos)))
		w.node(pos+1, k, depth+1)
	}
}
