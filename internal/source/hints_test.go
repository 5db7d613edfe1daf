package source

import (
	"strings"
	"testing"
)

// TestHintsForCommonSlips: curly quotes, a doubled =, a comma after a
// value, a date in another order, [block] for [[block]] and an upper-case
// language code each get advice that names the slip.
func TestHintsForCommonSlips(t *testing.T) {
	for msg, want := range map[string]string{
		"expected value but found '“' instead": "straight quotes",
		"expected value but found '=' instead": "one value after =",
		"expected value but found 'J' instead": "put the text in quotes",
		// msg = "title", (JSON's habit) and level = 1;
		"expected a top-level item to end with a newline, comment, or EOF, but got ',' instead": "delete the , or ;",
		"expected a top-level item to end with a newline, comment, or EOF, but got ';' instead": "delete the , or ;",
		// date = 15/11/2026
		"expected a top-level item to end with a newline, comment, or EOF, but got '/' instead": "date = 2026-11-15",
		// [block] and [[block]] in one file, either way round
		"Key 'block' was already created and cannot be used as an array.": "[[block]]",
		"Key 'block' has already been defined.":                           "[[block]]",
	} {
		if got := TOMLHint(msg, "", "fallback"); !strings.Contains(got, want) {
			t.Errorf("TOMLHint(%q) = %q, want it to say %q", msg, got, want)
		}
	}
	if d, bad := CheckLanguage("TH", Pos0); !bad || !strings.Contains(d.Hint, `"th"`) {
		t.Errorf("CheckLanguage(TH) = %v, %v; want the lower-case code", d, bad)
	}
}
