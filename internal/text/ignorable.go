package text

import "unicode"

// DottedCircle is U+25CC, which HarfBuzz draws a mark on that has no
// base it may attach to (DESIGN.md fact 6): a broken cluster, which check
// reports where it is and layout warns of.
const DottedCircle = '\u25CC'

// Ignorable reports default-ignorable and control characters, which draw
// nothing and need no glyph (ZWJ, ZWNJ, variation selectors, Unicode
// 5.21 "Default Ignorable Code Points"): a face that lacks one is not
// missing a glyph.
func Ignorable(r rune) bool {
	return unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Cf, r) ||
		unicode.IsControl(r) || unicode.Is(unicode.Variation_Selector, r)
}
