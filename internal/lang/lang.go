// Package lang is the one table of what briefs knows about each language it
// publishes in: code, the country codes mistaken for it, names, script,
// plural categories, digits, calendar and word-separation habits.
//
// Every other package reads its per-language facts from here; none keeps a
// map keyed by language code of its own. Adding a language is a row of
// Table, plus its fonts and data.
//
// Sources: language codes are BCP 47 / ISO 639-1; plural categories are
// CLDR 49's cardinal rules ("Language Plural Rules"); digits are the
// Unicode decimal digits (Nd) of each script (Shan has its own, U+1090–1099;
// Mon writes the Myanmar digits); the Thai solar calendar
// counts years in the Buddhist era, CE + 543.
package lang

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/language"
)

// Language is one row of the table.
type Language struct {
	Code    string          // BCP 47, as in catalogue file names: "km"
	Name    string          // in English, for reports: "Khmer"
	Endonym string          // in its own script, for the index page: "ខ្មែរ"
	Script  language.Script // the main script; Latin words inside fall back to Latin faces
	// Aliases are codes people use by mistake for this language: country
	// codes (kh, mm, vn) that go-i18n silently reads as "und"
	// (DESIGN.md fact 5).
	Aliases []string
	// Alpha3 are the language's three-letter codes (ISO 639-2 T and B,
	// ISO 639-3), which CAT tools and Windows locales write: "khm", "mya",
	// "bur". briefs names a language by its two-letter code where it has
	// one (BCP 47, RFC 5646 section 2.2.1).
	Alpha3 []string
	// Plurals are the CLDR 49 cardinal plural categories.
	Plurals []string
	// OneCounts are the whole counts that take the category "one", for a
	// language whose Plurals has it: CLDR 49's cardinal rules as go-i18n
	// v2.7.0 compiles them (internal/plural/rule_gen.go), read for
	// integers: English "i = 1 and v = 0" is {1}, Vietnamese "i = 0 or
	// n = 1" is {0, 1}. Every other count takes "other" (catalog's tests
	// hold Cardinal equal to go-i18n's rule).
	OneCounts []int
	// ToolPlurals are the plural categories that PO and XLIFF files carry,
	// as gettext, translate-toolkit (CLDR 44) and Weblate (CLDR 48) count
	// them (DESIGN.md fact 8), in msgstr[n] order; PluralForms is the
	// gettext header for them (GNU gettext manual, "Plural forms"). A
	// category in Plurals but not here takes the "other" text on import:
	// README.md, "Vietnamese plurals".
	ToolPlurals []string
	PluralForms string
	// PluralRuleOf names a language whose plural rule go-i18n (CLDR 49)
	// has and which has the same categories as this one, for a language
	// CLDR gives no rule of its own (Shan, Mon: other only, like Burmese).
	// The catalogue reads the language's messages under that rule.
	PluralRuleOf string
	// Digits are the language's own decimal digits 0–9, printed on request
	// (native_digits); "" when it uses ASCII digits.
	Digits string
	// EraOffset is added to the Gregorian year when printing dates: 543
	// for the Thai Buddhist era.
	EraOffset int
	// ZWSP says translators mark word boundaries with ZERO WIDTH SPACE,
	// because the script writes no spaces between words.
	ZWSP bool
	// Punctuation, as the translators write it (DESIGN.md, "Punctuation").
	// DecimalSeparator is CLDR's where it is not a full stop; Colon
	// introduces a list of values ("" means ": "); SentenceEnd ends a
	// sentence: Khmer ។, Burmese ။, and nothing in Thai, which parts
	// sentences with a space.
	DecimalSeparator string
	// GroupSeparator parts the thousands of numbers the layout formats
	// (chart values), CLDR's where it is not a comma: a full stop where
	// the decimal separator is a comma (Khmer, Vietnamese: 1.363,5).
	GroupSeparator string
	Colon          string
	SentenceEnd    string
	// ListSeparator parts the items of a short inline list (the languages
	// a contact answers in, the values of a chart's alternate text); ""
	// means ", ". Burmese, Shan and Mon write the little section mark ၊
	// (U+104A), the script's comma. Thai, Lao and Khmer have no comma of
	// their own and part phrases and list items with a space, as the Thai
	// Royal Institute's punctuation rules do (the Latin comma is not Thai
	// punctuation); a conjunction before the last item (และ, និង) is a
	// word, which translators write in their catalogue text where the
	// sentence wants one.
	ListSeparator string

	// Words says how the line breaker finds words inside a run of letters
	// that has no spaces: WordsByDictionary (Thai, Khmer, Burmese),
	// WordsByMatching (Lao),
	// WordsBySyllable (Shan, Mon), or none, when spaces separate words and
	// UAX #14 is enough.
	Words string
	// OwnMyanmarLetters says the language writes letters of the Myanmar
	// block that Burmese does not use (Shan, Mon): Zawgyi, the legacy
	// Burmese encoding, put Burmese glyph variants on those code points,
	// so its Unicode text looks like Zawgyi and is never checked or
	// converted as such.
	OwnMyanmarLetters bool
	// StackedMarks says the language stacks tone marks and vowel signs on
	// Latin letters (Vietnamese ế), so decomposed text is a typing error
	// worth naming as such.
	StackedMarks bool
	// LegacyFonts names the fonts of before Unicode that text in the
	// language still comes typed in, drawing its letters on Latin code
	// points (check's legacy-font finding): "" where none is common.
	LegacyFonts string

	// Typography (DESIGN.md, "Typography per script"). SizeScale multiplies
	// every type size: Khmer letters are small on the body beside Latin, so
	// Khmer typesetters set 10.5 pt body at about 11.2 pt; Burmese glyphs
	// are drawn large on the body, so Burmese is set smaller to match
	// Latin's colour. Leading is the baseline-to-baseline distance in
	// multiples of the size: Burmese and Khmer stack marks far above and
	// below the baseline. Italic says the language's faces have an italic,
	// so emphasis is set in it; otherwise layout gives emphasis a
	// highlight band.
	SizeScale float64
	Leading   float64
	Italic    bool
	// BodyFamily is the embedded font family (a file stem in fonts/) that
	// body text in the language's script is set in, when it differs from
	// the script's face, which headings keep: formal Thai and Lao are read
	// in looped faces (Noto Serif Thai, Noto Serif Lao), and display
	// text is loopless. "" sets body text in the script's face.
	BodyFamily string
}

// Table holds every language briefs publishes in, in code order.
var Table = []Language{
	{Code: "en", Alpha3: []string{"eng"}, Name: "English", Endonym: "English", Script: language.Latin,
		Aliases: []string{"gb", "us"}, Plurals: []string{"one", "other"}, OneCounts: []int{1},
		ToolPlurals: []string{"one", "other"}, PluralForms: "nplurals=2; plural=(n != 1);",
		SizeScale: 1.00, Leading: 1.42, Italic: true, SentenceEnd: "."},
	{Code: "km", Alpha3: []string{"khm"}, Name: "Khmer", Endonym: "ខ្មែរ", Script: language.Khmer,
		Aliases: []string{"kh"}, Plurals: []string{"other"}, ToolPlurals: []string{"other"}, PluralForms: one,
		Digits: "០១២៣៤៥៦៧៨៩", ZWSP: true, Words: WordsByDictionary, SizeScale: 1.07, Leading: 1.80,
		DecimalSeparator: ",", GroupSeparator: ".", Colon: "៖ ", SentenceEnd: "។", ListSeparator: " ",
		LegacyFonts: "Limon or ABC"},
	{Code: "lo", Alpha3: []string{"lao"}, Name: "Lao", Endonym: "ລາວ", Script: language.Lao,
		Aliases: []string{"la"}, Plurals: []string{"other"}, ToolPlurals: []string{"other"}, PluralForms: one,
		Digits: "໐໑໒໓໔໕໖໗໘໙", ZWSP: true, Words: WordsByMatching, SizeScale: 1.04, Leading: 1.70,
		BodyFamily: "NotoSerifLao", ListSeparator: " ", LegacyFonts: "Saysettha"},
	{Code: "mnw", PluralRuleOf: "my", OwnMyanmarLetters: true, Name: "Mon", Endonym: "ဘာသာမန်", Script: language.Myanmar,
		Plurals: []string{"other"}, ToolPlurals: []string{"other"}, PluralForms: one,
		Digits: "၀၁၂၃၄၅၆၇၈၉", ZWSP: true, Words: WordsBySyllable, SizeScale: 0.92, Leading: 2.05, SentenceEnd: "။", ListSeparator: "၊ "},
	{Code: "my", Alpha3: []string{"mya", "bur"}, Name: "Burmese", Endonym: "မြန်မာ", Script: language.Myanmar,
		Aliases: []string{"mm"}, Plurals: []string{"other"}, ToolPlurals: []string{"other"}, PluralForms: one,
		Digits: "၀၁၂၃၄၅၆၇၈၉", ZWSP: true, Words: WordsByDictionary, SizeScale: 0.92, Leading: 2.05,
		Colon: " - ", SentenceEnd: "။", ListSeparator: "၊ ", LegacyFonts: "Win Innwa"},
	{Code: "shn", PluralRuleOf: "my", OwnMyanmarLetters: true, Name: "Shan", Endonym: "တႆး", Script: language.Myanmar,
		Plurals: []string{"other"}, ToolPlurals: []string{"other"}, PluralForms: one,
		Digits: "႐႑႒႓႔႕႖႗႘႙", ZWSP: true, Words: WordsBySyllable, SizeScale: 0.92, Leading: 2.05, SentenceEnd: "။", ListSeparator: "၊ "},
	{Code: "th", Alpha3: []string{"tha"}, Name: "Thai", Endonym: "ไทย", Script: language.Thai,
		Plurals: []string{"other"}, ToolPlurals: []string{"other"}, PluralForms: one,
		Digits: "๐๑๒๓๔๕๖๗๘๙", EraOffset: 543, ZWSP: true, Words: WordsByDictionary, SizeScale: 1.04, Leading: 1.62,
		BodyFamily: "NotoSerifThai", ListSeparator: " "},
	{Code: "vi", Alpha3: []string{"vie"}, Name: "Vietnamese", Endonym: "Tiếng Việt", Script: language.Latin,
		Aliases: []string{"vn"}, Plurals: []string{"one", "other"}, OneCounts: []int{0, 1}, StackedMarks: true,
		ToolPlurals: []string{"other"}, PluralForms: one, SizeScale: 1.00, Leading: 1.50, Italic: true,
		DecimalSeparator: ",", GroupSeparator: ".", SentenceEnd: ".", LegacyFonts: "TCVN3 (ABC) or VNI"},
}

// OfAlpha3 is the language whose three-letter code (Alpha3) code is.
func OfAlpha3(code string) (Language, bool) {
	for _, l := range Table {
		if slices.Contains(l.Alpha3, strings.ToLower(code)) {
			return l, true
		}
	}
	return Language{}, false
}

// one is the gettext header of a language with one plural form.
const one = "nplurals=1; plural=0;"

// WordsByDictionary: words found by a frequency-weighted dictionary, which
// a project's word list extends (internal/linebreak).
const WordsByDictionary = "dictionary"

// WordsByMatching: words found by ICU's maximal matching over ICU's word
// list, which has no frequencies and takes no project words (Lao).
const WordsByMatching = "matching"

// WordsBySyllable: no dictionary (none is openly available, and the
// Burmese one must not be run over another language's text); the line
// breaker breaks between orthographic syllables of the script (Unicode
// 16.3, Myanmar: Shan and Mon are written in it with letters of their own).
const WordsBySyllable = "syllable"

// Other languages people name by country code, which briefs does not
// publish in but which appear elsewhere (a contact's languages): the hint
// for "jp" still names the right code.
var otherAliases = map[string]string{"jp": "ja", "cn": "zh", "kr": "ko"}

// Others are the languages briefs does not publish in but names in the
// shared catalogues (a "lang.<code>" message in each), because a contact
// may answer in them.
var Others = []string{"ja"}

// Named reports whether the shared catalogues name a language: one briefs
// publishes in, or one of Others.
func Named(code string) bool { return Supported(code) || slices.Contains(Others, code) }

// Lookup returns the row of a language code.
func Lookup(code string) (Language, bool) {
	i := slices.IndexFunc(Table, func(l Language) bool { return l.Code == code })
	if i < 0 {
		return Language{}, false
	}
	return Table[i], true
}

// Codes lists the codes of the table, in order.
func Codes() []string {
	out := make([]string, len(Table))
	for i, l := range Table {
		out[i] = l.Code
	}
	return out
}

// FromTag returns the code of the table that a locale tag names: a BCP 47
// tag with a region or script (th-TH, km-Khmr-KH) or a POSIX locale
// (km_KH, my_MM.UTF-8, km_KH@euro), in any case, as CAT tools write them
// (Trados and memoQ give regions, Poedit POSIX names). Only the language
// subtag counts (BCP 47, RFC 5646 section 2.1); it reports false when
// that is no language of the table.
func FromTag(tag string) (string, bool) {
	base := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(base, "-_.@"); i >= 0 {
		base = base[:i]
	}
	return base, Supported(base)
}

// Supported reports whether briefs publishes in a language.
func Supported(code string) bool { _, ok := Lookup(code); return ok }

// AliasOf returns the language code that a mistaken code (a country code
// such as "kh") stands for.
func AliasOf(code string) (string, bool) {
	for _, l := range Table {
		if slices.Contains(l.Aliases, code) {
			return l.Code, true
		}
	}
	c, ok := otherAliases[code]
	return c, ok
}

// Endonym returns a language's name in its own script, or the code itself
// for a language outside the table.
func Endonym(code string) string {
	if l, ok := Lookup(code); ok {
		return l.Endonym
	}
	return code
}

// NativeDigits replaces ASCII digits in s by the language's own digits;
// languages without digits of their own get s back unchanged.
func NativeDigits(code, s string) string {
	l, _ := Lookup(code)
	digits := []rune(l.Digits)
	if len(digits) != 10 {
		return s
	}
	r := []rune(s)
	for i, c := range r {
		if c >= '0' && c <= '9' {
			r[i] = digits[c-'0']
		}
	}
	return string(r)
}

// NativeDigitsInText replaces the ASCII digits of the numbers of a text
// by the language's own, as NativeDigits does, but leaves a number that
// is part of a name, code or address, spelt so in every script: one
// whose word (the text between two spaces) holds a Latin letter, "://"
// or "@" (COVID-19, G20, ISO/IEC, v2.1, p.12, A-1-2, www.moh.gov.kh/2020,
// doi:10.1000/182, info2019@example.org), or that follows a word ending
// in a Latin letter (ISO 9001, SDG 8). A typesetter's review found both
// kinds turned into ០–៩ by a rule that looked at a number's neighbours
// alone.
func NativeDigitsInText(code, s string) string {
	return NativeDigitsInPieces(code, []string{s})[0]
}

// NativeDigitsInPieces is NativeDigitsInText for a text given in pieces
// (the spans of a paragraph, **G**20 in three): the words are those of
// the whole text, and each piece comes back with its digits replaced.
func NativeDigitsInPieces(code string, pieces []string) []string {
	l, _ := Lookup(code)
	digits := []rune(l.Digits)
	whole := strings.Join(pieces, "")
	if len(digits) != 10 || !strings.ContainsAny(whole, "0123456789") {
		return pieces
	}
	keep := codeWords(whole)
	out := make([]string, len(pieces))
	at := 0
	for i, p := range pieces {
		var b strings.Builder
		for j, r := range p {
			if r >= '0' && r <= '9' && !keep[at+j] {
				b.WriteRune(digits[r-'0'])
			} else {
				b.WriteRune(r)
			}
		}
		out[i] = b.String()
		at += len(p)
	}
	return out
}

// codeWords marks the bytes of s that belong to a word whose numbers stay
// as written (NativeDigitsInText).
func codeWords(s string) map[int]bool {
	keep := map[int]bool{}
	latinEnd := false // the word before ended in a Latin letter
	for start := 0; start < len(s); {
		r, n := utf8.DecodeRuneInString(s[start:])
		if unicode.IsSpace(r) {
			start += n
			continue
		}
		end := start
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += n
		}
		word := s[start:end]
		last, _ := utf8.DecodeLastRuneInString(word)
		first, _ := utf8.DecodeRuneInString(word)
		isCode := strings.ContainsFunc(word, func(r rune) bool { return unicode.Is(unicode.Latin, r) }) ||
			strings.Contains(word, "://") || strings.Contains(word, "@") ||
			latinEnd && first >= '0' && first <= '9'
		if isCode {
			for i := start; i < end; i++ {
				keep[i] = true
			}
		}
		latinEnd = unicode.Is(unicode.Latin, last)
		start = end
	}
	return keep
}

// ListSeparator returns what parts the items of an inline list in a
// language: its row's ListSeparator, or ", ".
func ListSeparator(code string) string {
	if l, ok := Lookup(code); ok && l.ListSeparator != "" {
		return l.ListSeparator
	}
	return ", "
}

// PluralTag returns the language code go-i18n should read a language's
// catalogues under: its PluralRuleOf when it has one, else the code.
func PluralTag(code string) string {
	if l, ok := Lookup(code); ok && l.PluralRuleOf != "" {
		return l.PluralRuleOf
	}
	return code
}

// Cardinal returns the CLDR plural category a whole count takes in a
// language ("one" or "other"; no language of the table has more), and
// false for a language outside the table. It answers what go-i18n's rule
// answers without building go-i18n's rules for every CLDR locale, which
// cost a one-PDF build a fifth of its instructions (issue 17).
func Cardinal(code string, n int) (string, bool) {
	l, ok := Lookup(code)
	if !ok {
		return "", false
	}
	if slices.Contains(l.OneCounts, n) {
		return "one", true
	}
	return "other", true
}

// ZawgyiApplies reports whether text in a language may be Zawgyi-encoded
// Burmese worth refusing: not for a language that writes Myanmar letters
// of its own (OwnMyanmarLetters), whose Unicode text looks like Zawgyi.
func ZawgyiApplies(code string) bool {
	l, ok := Lookup(code)
	return !ok || !l.OwnMyanmarLetters
}
