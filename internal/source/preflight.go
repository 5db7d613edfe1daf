package source

import (
	"unicode/utf8"

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
		return diag.Errorf(invalidUTF8(path, data), "utf8", "save the file as UTF-8", "%s is not valid UTF-8", what), true
	}
	return CommittedConflict(path, data)
}
