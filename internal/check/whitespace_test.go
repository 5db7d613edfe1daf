package check

import "testing"

// TestIdleJoiner: a joiner between two letters acts and is left; one at
// an end of the text, beside a space or beside another joiner joins or
// parts nothing.
func TestIdleJoiner(t *testing.T) {
	for s, want := range map[string]int{
		"យ៉ាំង\u2060ហ្គោន":        -1,
		"ឯកសារ\u200c":             len("ឯកសារ"),
		"ឯក\u200c\u200d\u200cសារ": len("ឯក\u200c"),
		"\u00adword":              0,
		"co\u00adoperation":       -1,
		"ក\u200cខ":                -1,
		"word \u2060next":         len("word "),
	} {
		if got := idleJoiner(s); got != want {
			t.Errorf("idleJoiner(%q) = %d, want %d", s, got, want)
		}
	}
}
