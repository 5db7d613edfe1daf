package text

import (
	"strings"
	"unicode"
)

// Blank reports whether s has no graphic character: white space (Unicode
// White_Space), format characters (Cf: ZWSP, soft hyphen, joiners) and
// controls only. Such a text prints nothing where a block expects words.
func Blank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.IsControl(r)
	}) < 0
}
