package check

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// checkLegacyFont reports text typed in a legacy font: one that drew the
// letters of a script on the code points of Latin letters and symbols,
// before Unicode fonts were common, and that offices in the region still
// type in. Pasted out of such a document the text keeps the code points
// and loses the font, and it is valid UTF-8 that passes every other rule:
// the PDF would print a Khmer paragraph typed in Limon as "éf¶ExqñaMk",
// a Vietnamese one typed in an ABC font as "ViÖt Nam". Two shapes of it:
//
//   - a language of its own script (Khmer, Burmese, Thai, Lao) whose form
//     has no letter of that script, Latin words the English text does not
//     have, and a word no Latin text is made of (asciiFontWord);
//   - Vietnamese with letters no Vietnamese word has (Ö, µ, ¸, ä, ø),
//     beside letters: TCVN3 (ABC, .VnTime fonts) or VNI (vniTCVNWord).
//
// It reports whether it found some, so that the other checks, for which
// such text is noise, are skipped.
func (c *checker) checkLegacyFont(m *catalog.Message, en *catalog.Message) bool {
	row, ok := lang.Lookup(m.Lang)
	if !ok || m.Lang == "en" || en == nil {
		return false
	}
	found := false
	eachForm(m, func(form, s string) {
		if found {
			return
		}
		if _, _, moji := mojibake(s); moji {
			return // the mojibake finding has it, with the text decoded
		}
		var at int
		var word string
		switch {
		case row.Script == language.Latin && row.StackedMarks: // Vietnamese, whose alphabet vietnameseLetter knows
			at, word, found = c.vietnameseLegacy(s, en.Other())
		case row.Script != language.Latin:
			at, word, found = c.asciiFont(s, row.Script, en.Other())
		}
		if !found {
			return
		}
		// Without a legacy font of its own (Thai), such text is most often
		// typed with the keyboard left in the English layout (l;ylfu).
		font, hint := "with the keyboard in another layout, or in a legacy font", "type it again in the "+row.Name+" keyboard layout"
		if row.LegacyFonts != "" {
			font = "in a legacy " + row.LegacyFonts + " font"
			hint = "convert it with a " + row.LegacyFonts + " to Unicode converter, or type it again with a Unicode " + row.Name + " keyboard"
		}
		if row.Script == language.Latin {
			if fixed, ok := fromTCVN3(s); ok {
				hint = "typed in TCVN3 it reads: " + fixed + "; otherwise " + hint
			}
		}
		c.add(diag.Errorf(c.textPos(m, form, at), CodeLegacyFont, hint,
			"%s form of %q looks typed %s: %q is no %s word, and the PDF would print it as it is",
			form, m.ID, font, word, row.Name))
	})
	return found
}

// asciiFont reports a form of a language written in script that has none
// of its letters, whose Latin words are not all the English text's (or
// acronyms, or names kept in the termbase), and that has a word shaped
// as no Latin text is (asciiFontWord). It returns the offset and text of
// that word.
func (c *checker) asciiFont(s string, script language.Script, en string) (int, string, bool) {
	for _, r := range s {
		if unicode.IsLetter(r) && language.LookupScript(r) == script {
			return 0, "", false
		}
	}
	known := wordSet(en)
	if c.known(s, known) {
		return 0, "", false // every word is the English text's, or kept
	}
	for _, t := range tokens(s) {
		if strings.Contains(t.text, "://") || strings.Contains(t.text, "@") {
			continue // a link or an address: its case is its own (youtu.be/aBcDeF)
		}
		if asciiFontWord(t.text) && !c.known(t.text, known) {
			return t.at, t.text, true
		}
	}
	return 0, "", false
}

// known reports whether every word of s is a word of the English text
// (lower-cased in the set) or kept (c.kept).
func (c *checker) known(s string, english map[string]bool) bool {
	for _, w := range wordsOf(s) {
		if !english[strings.ToLower(w)] && !c.kept(w) {
			return false
		}
	}
	return true
}

// wordSet is the set of the words of s, lower-cased.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range wordsOf(s) {
		set[strings.ToLower(w)] = true
	}
	return set
}

// asciiFontWord reports whether a word between spaces is shaped as text
// in an ASCII-mapped font, not as Latin text: the fonts put consonants,
// vowel signs and subscripts on upper and lower case letters, digits,
// punctuation and Latin-1 symbols alike, so a word changes from lower to
// upper case twice or more (Limon's "ExqñaMkMeNIt"; brand names such as
// "YouTube" or "LinkedIn" change once), or holds a Latin-1 letter or
// symbol right after a letter ("éf¶Exq"), or ASCII punctuation between
// two letters that no word uses ("kñ[a").
func asciiFontWord(w string) bool {
	rs := []rune(w)
	changes := 0
	for i := 1; i < len(rs); i++ {
		prev, r := rs[i-1], rs[i]
		if unicode.IsLower(prev) && unicode.IsUpper(r) {
			changes++
		}
		if unicode.IsLetter(prev) && r >= 0xA1 && r <= 0xFF && r != 0xAD {
			return true
		}
		if i+1 < len(rs) && unicode.IsLetter(prev) && unicode.IsLetter(rs[i+1]) && strings.ContainsRune(`[]{}<>|\^~=+;`, r) {
			return true
		}
	}
	return changes >= 2
}

// vietnameseLegacy reports Vietnamese text in a legacy 8-bit encoding
// shown through Windows-1252: a character of Latin-1 that is not a
// letter of the Vietnamese alphabet, beside a letter (ViÖt, Hµ, Vieät),
// in two words or more, or in a third of the words of a short text (not
// by case alone: see vniTCVNWord).
// Words of the English text (names: Württemberg, Bingöl) and names the
// termbase keeps are not counted, and a name such as Müller among
// Vietnamese words is one word. It returns the first such word.
func (c *checker) vietnameseLegacy(s, en string) (int, string, bool) {
	known := wordSet(en)
	ts := tokens(s)
	n, at, first, strong := 0, 0, "", false
	for _, t := range ts {
		found, sure := vniTCVNWord(t.text)
		if !found || c.known(t.text, known) {
			continue
		}
		if n == 0 {
			at, first = t.at, t.text
		}
		n, strong = n+1, strong || sure
	}
	return at, first, n >= 2 || n >= 1 && strong && 3*n >= len(ts)
}

// vniTCVNWord reports whether a word holds a character of Latin-1 that no
// Vietnamese word has next to a letter (Hµ, Vieät), or an upper-case
// letter of Latin-1 after a lower-case one (thÓ, kÕt: TCVN3's codes of ể
// and ế), or a guillemet between two letters (Kh«ng: TCVN3's ô). Symbols
// that stand beside letters in real text are left out: units (°C, m²,
// ±), quotes at a word's ends, the soft hyphen and the no-break space.
//
// strong is false when only the case says so, as it does in camel-case
// names written in Vietnamese (ThuÂm, "record audio").
func vniTCVNWord(w string) (found, strong bool) {
	rs := []rune(w)
	for i, r := range rs {
		if r < 0xA1 || r > 0xFF || strings.ContainsRune("°±²³×÷\u00ad", r) {
			continue
		}
		before := i > 0 && unicode.IsLetter(rs[i-1])
		after := i+1 < len(rs) && unicode.IsLetter(rs[i+1])
		switch {
		case r == '«' || r == '»':
			if before && after {
				return true, true
			}
		case vietnameseLetter(r):
			if unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]) {
				found = true
			}
		case before || after:
			return true, true
		}
	}
	return found, false
}

// token is a word between spaces and its byte offset.
type token struct {
	at   int
	text string
}

func tokens(s string) []token {
	var out []token
	start := -1
	for i, r := range s + " " {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, token{start, s[start:i]})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}
