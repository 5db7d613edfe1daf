package linebreak

import (
	"testing"
	"unicode/utf8"
)

// FuzzBreaks checks, on any text, that Breaks never panics, that its
// breaks increase, lie in (0, len], end at len, fall on rune boundaries
// and are never guarded, and that WordBoundaries and Unknown do not panic.
func FuzzBreaks(f *testing.F) {
	for _, s := range []string{
		"ภาษาไทยเป็นภาษาที่สวยงาม", "ខ្ញុំធ្វើការនៅរោងចក្រ។", "ទៅយ៉ាំង\u2060ហ្គោន",
		"နှင့်အကောင့်", "ภา\u200bษา", "ก\u00adข\u200cค\u200dง", "700 នាក់", "ៗៗ", "ๆ", "\u2060",
	} {
		f.Add(s)
	}
	b := New()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		bs := b.Breaks(s)
		runes, offs := decode(s)
		at := map[int]int{}
		for i, o := range offs {
			at[o] = i
		}
		prev := 0
		for _, br := range bs {
			i, ok := at[br.Pos]
			if !ok || br.Pos <= prev || br.Pos > len(s) {
				t.Fatalf("bad break %d after %d in %q", br.Pos, prev, s)
			}
			if br.Pos < len(s) && !br.Mandatory && guarded(runes, i) {
				t.Fatalf("guarded break at %d in %q", br.Pos, s)
			}
			prev = br.Pos
		}
		if s != "" && (len(bs) == 0 || bs[len(bs)-1].Pos != len(s)) {
			t.Fatalf("last break is not the end of %q", s)
		}
		b.WordBoundaries(s)
		b.Unknown(s)
	})
}
