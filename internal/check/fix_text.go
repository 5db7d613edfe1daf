package check

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/text"
	"github.com/mekong-briefs/briefs/internal/zawgyi"
)

// fixText repairs one text and names the findings it repairs, in order:
// Zawgyi-encoded Burmese to Unicode, word by word (zawgyi.Repair); Normalization Form
// C (UAX #15; never NFKC, DESIGN.md fact 6); a tab to a space; stray
// format characters (strayFormat) removed; ZERO WIDTH
// SPACE removed where the language separates words with spaces, and
// doubled or at either end (or beside a space) where it does not; then,
// for a translation, the spaces at its ends made the English's and
// doubled spaces made single where the English has none.
func fixText(code, s string, en string, isTranslation bool) (string, []string) {
	var codes []string
	step := func(c string, t string) {
		if t != s {
			codes = append(codes, c)
			s = t
		}
	}
	if mayBeZawgyi(code, s) {
		step(CodeZawgyi, zawgyi.Repair(s))
	}
	step(CodeNotNFC, norm.NFC.String(s))
	step(CodeWhitespace, strings.ReplaceAll(s, "\t", " "))
	step(CodeWhitespace, strings.Map(func(r rune) rune {
		if strayFormat(r) {
			return -1
		}
		return r
	}, s))
	step(CodeZWSP, fixZWSP(code, s))
	if isTranslation {
		step(CodeWhitespace, fixSpaces(s, en))
	}
	return s, codes
}

func fixZWSP(code, s string) string {
	z := string(text.ZWSP)
	if row, _ := lang.Lookup(code); !row.ZWSP {
		return strings.ReplaceAll(s, z, "")
	}
	for _, p := range [][2]string{{z + z, z}, {" " + z, " "}, {z + " ", " "}} {
		for strings.Contains(s, p[0]) {
			s = strings.ReplaceAll(s, p[0], p[1])
		}
	}
	return strings.Trim(s, z)
}

// fixSpaces makes the spaces at the ends of translation s the English
// en's, and its doubled spaces single where en has none; at an end where
// en's own space is a slip (pastedEnds), s keeps its end.
func fixSpaces(s, en string) string {
	const sp = " \u00a0"
	lead := func(x string) string { return x[:len(x)-len(strings.TrimLeft(x, sp))] }
	trail := func(x string) string { return x[len(strings.TrimRight(x, sp)):] }
	start, end := pastedEnds(en)
	if start {
		en = lead(s) + strings.TrimLeft(en, sp)
	}
	if end {
		en = strings.TrimRight(en, sp) + trail(s)
	}
	core := strings.Trim(s, sp)
	if !strings.Contains(strings.Trim(en, sp), "  ") {
		for strings.Contains(core, "  ") {
			core = strings.ReplaceAll(core, "  ", " ")
		}
	}
	if core == "" {
		return s
	}
	return lead(en) + core + trail(en)
}
