package layout

import "testing"

// TestMemoBound checks that a memo holds at most memoGlyphs glyphs: one
// that would pass the bound starts afresh, and a paragraph larger than
// the bound is not kept.
func TestMemoBound(t *testing.T) {
	m := &Memo{}
	half := &shapedPara{glyphs: make([]placed, memoGlyphs/2+1)}
	m.put(memoKey{spans: "a"}, half)
	m.put(memoKey{spans: "b"}, half)
	if m.get(memoKey{spans: "a"}) != nil || m.get(memoKey{spans: "b"}) != half {
		t.Error("the memo kept more than memoGlyphs glyphs, or dropped the newest")
	}
	if m.glyphs > memoGlyphs {
		t.Errorf("the memo holds %d glyphs, more than %d", m.glyphs, memoGlyphs)
	}
	m.put(memoKey{spans: "c"}, &shapedPara{glyphs: make([]placed, memoGlyphs+1)})
	if m.get(memoKey{spans: "c"}) != nil {
		t.Error("the memo kept a paragraph larger than its bound")
	}
	if m.Hits != 1 || m.Misses != 2 {
		t.Errorf("hits %d, misses %d; want 1 and 2", m.Hits, m.Misses)
	}
}
