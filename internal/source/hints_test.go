package source

import (
	"strings"
	"testing"
)

// TestHintsForCommonSlips: curly quotes, a doubled =, and an upper-case
// language code each get advice that names the slip.
func TestHintsForCommonSlips(t *testing.T) {
	for msg, want := range map[string]string{
		"expected value but found '“' instead": "straight quotes",
		"expected value but found '=' instead": "one value after =",
		"expected value but found 'J' instead": "put the text in quotes",
	} {
		if got := TOMLHint(msg, "", "fallback"); !strings.Contains(got, want) {
			t.Errorf("TOMLHint(%q) = %q, want it to say %q", msg, got, want)
		}
	}
	if d, bad := CheckLanguage("TH", Pos0); !bad || !strings.Contains(d.Hint, `"th"`) {
		t.Errorf("CheckLanguage(TH) = %v, %v; want the lower-case code", d, bad)
	}
}
