package source

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// Preflight refuses a TOML file of the project (a brief, a catalogue,
// briefs.toml, terms.toml) before it is decoded, in one order for every
// loader: over MaxFileBytes, saved as UTF-16 (Notepad), not UTF-8 (at
// the first bad byte; what names the file in the message: "brief",
// "catalogue"), or holding a whole merge conflict that decodes as text
// (CommittedConflict). The nesting limit needs the position index, which
// each loader builds when it needs one (TooBigIndexed).
func Preflight(path string, data []byte, what string) (diag.Diagnostic, bool) {
	if d, bad := Oversize(path, data); bad {
		return d, true
	}
	if d, bad := diag.UTF16(path, data, UTF16Hint); bad {
		return d, true
	}
	if !utf8.Valid(data) {
		hint := "save the file as UTF-8"
		if enc := LegacyEncoding(data); enc != "" {
			hint = fmt.Sprintf("it looks like %s: save it as UTF-8, or convert it: iconv -f %s -t UTF-8 FILE > FILE.new", enc, iconvName[enc])
		}
		return diag.Errorf(invalidUTF8(path, data), "utf8", hint, "%s is not valid UTF-8", what), true
	}
	return CommittedConflict(path, data)
}

// LegacyEncoding guesses the code page a file that is not UTF-8 was
// saved in, from its bytes that are not: Windows-874 (TIS-620, Thai)
// when they all read as Thai letters there, Windows-1252 (Notepad's and
// Excel's "ANSI" in the West) when they all read as its letters and
// signs; "" otherwise. A name is more use than "not valid UTF-8" to whoever
// has to pick the encoding to convert from.
func LegacyEncoding(data []byte) string {
	thai, western := true, true
	seen, paired := 0, 0 // bytes that are not UTF-8, and those beside another
	high := func(i int) bool { return i >= 0 && i < len(data) && data[i] >= 0x80 }
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || n != 1 {
			i += n
			continue
		}
		seen++
		if high(i-1) || high(i+1) {
			paired++
		}
		b := data[i]
		if t := charmap.Windows874.DecodeByte(b); t < 0x0E01 || t > 0x0E5B {
			thai = false
		}
		if w := charmap.Windows1252.DecodeByte(b); w == utf8.RuneError || w < 0xA0 && !strings.ContainsRune("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", w) {
			western = false
		}
		i++
	}
	// Every byte from 0xA1 reads as a Thai letter in Windows-874, é and
	// ° too: Thai is words of such bytes side by side, a Western text
	// has them one at a time between ASCII letters (Caf\xe9).
	switch {
	case seen == 0:
		return ""
	case thai && paired*10 >= seen*7:
		return "Windows-874 (TIS-620, Thai)"
	case western:
		return "Windows-1252"
	}
	return ""
}

// iconvName is iconv's name for each encoding LegacyEncoding gives.
var iconvName = map[string]string{"Windows-874 (TIS-620, Thai)": "CP874", "Windows-1252": "CP1252"}
