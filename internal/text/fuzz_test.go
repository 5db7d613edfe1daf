package text

import (
	"testing"
	"unicode/utf8"
)

// FuzzParseInline checks that any text parses or fails cleanly, and that
// a successful parse keeps every character that is not markup.
func FuzzParseInline(f *testing.F) {
	for _, s := range []string{"**a** *b* [c](d)", "a*b@example.org", `\*x\[`, "[x](", "ស្ត្រី **700**", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		spans, err := ParseInline(s)
		if err != nil {
			return
		}
		if len(Plain(spans)) > len(s) {
			t.Errorf("%q: plain text %q is longer than the input", s, Plain(spans))
		}
		back, err := ParseInline(EscapeInline(Plain(spans)))
		if err != nil || Plain(back) != Plain(spans) {
			t.Errorf("%q: escaped plain text does not come back: %v", s, err)
		}
	})
}
