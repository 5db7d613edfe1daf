package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/zawgyi"
)

// ZawgyiFix ends the hint of a Zawgyi finding in a catalogue; import,
// whose finding is in the translator's file, which --fix does not touch,
// drops it.
const ZawgyiFix = "briefs check --fix converts it in place"

// checkEncoding looks at how each form's text is stored: Zawgyi-encoded
// Burmese (the hint is the text converted to Unicode), text that is not
// in Normalization Form C (UAX #15, "Unicode Normalization Forms"; the
// layout normalises, but the catalogue should hold what prints, and
// hashes and term matching assume NFC), and the spelling-order mistakes
// that NFC does not repair (package orthography, DESIGN.md fact 6).
func (c *checker) checkEncoding(m *catalog.Message) {
	eachForm(m, func(form, s string) {
		if mayBeZawgyi(m.Lang, s) {
			c.add(diag.Errorf(c.textPos(m, form, 0), CodeZawgyi, "Unicode: "+zawgyi.Repair(s)+"; "+ZawgyiFix,
				"%s form of %q is Zawgyi-encoded Burmese (probability %.2f); it shows as garbage with a Unicode font",
				form, m.ID, zawgyi.Probability(s)))
			return
		}
		if n := norm.NFC.String(s); n != s {
			off := firstDiff(s, n)
			start, end := wordAround(s, off)
			c.add(diag.Errorf(c.textPos(m, form, off), CodeNotNFC,
				fmt.Sprintf("normalise to NFC: write %q (%s) for %q (%s)",
					norm.NFC.String(s[start:end]), codePoints(norm.NFC.String(s[start:end])), s[start:end], codePoints(s[start:end])),
				"%s form of %q is not in Unicode Normalization Form C", form, m.ID))
		}
		c.checkOrthography(m, form, s)
	})
}

func hasMyanmar(s string) bool {
	for _, r := range s {
		if r >= 0x1000 && r <= 0x109F {
			return true
		}
	}
	return false
}

// firstDiff returns the byte offset, in a, of the start of the character
// where a and b first differ, backed up to its base character.
func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	for i > 0 {
		r, _ := utf8.DecodeRuneInString(a[i:])
		if !unicode.Is(unicode.M, r) {
			break
		}
		_, n := utf8.DecodeLastRuneInString(a[:i])
		i -= n
	}
	return i
}

// wordAround returns the span of the space-separated word holding off.
func wordAround(s string, off int) (int, int) {
	start := strings.LastIndexAny(s[:off], " \u00a0") + 1
	end := strings.IndexAny(s[off:], " \u00a0")
	if end < 0 {
		end = len(s)
	} else {
		end += off
	}
	if utf8.RuneCountInString(s[start:end]) > 24 { // long words in scripts without spaces
		start, end = off, off
		for n := 0; n < 8 && end < len(s); n++ {
			_, w := utf8.DecodeRuneInString(s[end:])
			end += w
		}
	}
	return start, end
}

// codePoints spells a string as U+XXXX code points.
func codePoints(s string) string {
	var parts []string
	for _, r := range s {
		parts = append(parts, fmt.Sprintf("U+%04X", r))
	}
	return strings.Join(parts, " ")
}

// mayBeZawgyi reports whether s, text of a catalogue in language code, is
// Zawgyi-encoded Burmese; never in a language that writes Myanmar letters
// of its own (lang.Language.OwnMyanmarLetters).
func mayBeZawgyi(code, s string) bool {
	return lang.ZawgyiApplies(code) && hasMyanmar(s) && zawgyi.IsZawgyi(s)
}

// isZawgyi reports whether any form of m is Zawgyi-encoded.
func isZawgyi(m *catalog.Message) bool {
	for _, s := range m.Forms {
		if mayBeZawgyi(m.Lang, s) {
			return true
		}
	}
	return false
}
