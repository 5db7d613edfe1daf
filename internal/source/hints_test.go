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

// TestLegacyEncoding: a file saved in a Western or Thai code page is named
// for it, where "not valid UTF-8" left the encoding to be guessed.
func TestLegacyEncoding(t *testing.T) {
	for in, want := range map[string]string{
		"other = \"caf\xe9 \x93SEZ\x94\"\n":              "Windows-1252",
		"other = \"\xe4\xb7\xc2\"\n":                     "Windows-874 (TIS-620, Thai)", // ไทย
		"other = \"\x81\"\n":                             "",                            // in neither
		"other = \"Caf\xe9 in S\xe3o Paulo, 30\xb0C\"\n": "Windows-1252",                // one at a time: each is a Thai letter in 874 too
		"other = \"ok\"\n":                               "",
	} {
		if got := LegacyEncoding([]byte(in)); got != want {
			t.Errorf("LegacyEncoding(%q) = %q, want %q", in, got, want)
		}
	}
	d, bad := Preflight("b.th.toml", []byte("other = \"\xe4\xb7\xc2\"\n"), "catalogue")
	if !bad || !strings.Contains(d.Hint, "iconv -f CP874") {
		t.Errorf("Preflight of a TIS-620 file: %v; want the iconv line", d)
	}
}
