package linebreak

import "strings"

// SplitPoints returns where a word too long for any line may be split
// when it must be, as byte offsets strictly inside text, in increasing
// order, ranked: Address (2) where the Chicago Manual of Style (17th ed.,
// 14.18) breaks a URL or an e-mail address, Syllable (1) between two
// syllables of a Thai, Lao, Khmer or Myanmar run. Layout splits an
// overlong word at the best of them in reach, and only without one at
// any grapheme cluster (Clusters), which may cut a syllable in two
// (`လက်မှ|တ်`, `បណ្ដឹ|ង`).
func SplitPoints(text string) []SplitPoint {
	runes, offs := decode(text)
	var out []SplitPoint
	for i := 1; i < len(runes); i++ {
		switch {
		case addressSplit(runes, i):
			out = append(out, SplitPoint{Pos: offs[i], Rank: Address})
		case syllableSplit(runes, i):
			out = append(out, SplitPoint{Pos: offs[i], Rank: Syllable})
		}
	}
	return out
}

// SplitPoint is a place to split an overlong word, and how good it is.
type SplitPoint struct {
	Pos  int // byte offset
	Rank int // Address or Syllable
}

// The ranks of split points, better last.
const (
	Syllable = 1
	Address  = 2
)

// addressSplit reports whether a break before text[i] is where CMOS 14.18
// breaks an address: after a colon or a double slash; before a single
// slash, a tilde, a period, a comma, a hyphen, an underline, a question
// mark, a number sign, a percent sign or an at sign (the mark then begins
// the next line, which shows the address goes on); before or after an
// equals sign or an ampersand. Never after a hyphen, which a reader (and
// pdftotext, which joins the lines without it) takes for a word's hyphen.
func addressSplit(text []rune, i int) bool {
	prev, next := text[i-1], text[i]
	if i >= 2 && prev == '/' && text[i-2] == '/' || prev == ':' && next != '/' {
		return true
	}
	if prev == '/' || prev == '-' {
		return false
	}
	switch next {
	case '/':
		return i+1 >= len(text) || text[i+1] != '/'
	case '~', '.', ',', '-', '_', '?', '#', '%', '@', '=', '&':
		return true
	}
	return prev == '=' || prev == '&'
}

// syllableSplit reports whether a break before text[i] falls between two
// syllables of one Thai, Lao, Khmer or Myanmar run: no syllable guard
// forbids it (guarded; in Thai and Lao the guards keep following vowels
// and silent consonants with their syllable, but a final consonant
// without a mark of its own cannot be told from an initial without a
// dictionary: ป|ระ|เท|ศ) and, in Khmer, text[i] is no final consonant left
// bare (a consonant after a vowel sign, with no vowel, sign or subscript
// of its own: បណ្ដឹ‸ង, បន្ទុ‸ក). The guards leave that one open for the
// dictionary, which may know a syllable to begin there; a split has no
// dictionary to ask.
func syllableSplit(text []rune, i int) bool {
	s := saScript(text[i])
	if s == scriptNone || saScript(text[i-1]) != s || guarded(text, i) {
		return false
	}
	if s == scriptKhmer && isKhmerConsonant(text[i]) && isKhmerVowelSign(text[i-1]) {
		next := at(text, i+1)
		if next != khmerCoeng && !isCombining(next) {
			return false
		}
	}
	return true
}

// isKhmerVowelSign reports whether r is a Khmer dependent vowel or one of
// the signs NIKAHIT, REAHMUK and YUUKALEAPINTU written after one.
func isKhmerVowelSign(r rune) bool { return r >= 0x17b6 && r <= 0x17c8 }

// addresses returns the rune ranges [start, end) of the URLs and e-mail
// addresses in text: runs of ASCII letters, digits and URL punctuation
// (RFC 3986's characters; an address written into Thai or Khmer text
// ends where the script begins: ...កាន់info@ilo.orgដើម្បី) that hold "://",
// start with "www." or hold an @ between letters with a dot after it,
// without the punctuation that ends a sentence or closes a bracket after
// them.
func addresses(text []rune) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		if !addressRune(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && addressRune(text[j]) {
			j++
		}
		end := j
		for end > i && strings.ContainsRune(".,;:!?)]}'\"", text[end-1]) {
			end--
		}
		if isAddress(string(text[i:end])) {
			out = append(out, [2]int{i, end})
		}
		i = j
	}
	return out
}

// Addresses returns the byte ranges [start, end) of the URLs and e-mail
// addresses in text (see addresses), for layout's measure of table
// columns.
func Addresses(text string) [][2]int {
	runes, offs := decode(text)
	var out [][2]int
	for _, a := range addresses(runes) {
		out = append(out, [2]int{offs[a[0]], offs[a[1]]})
	}
	return out
}

// addressRune reports whether r may be part of an address: a printable
// ASCII character but space.
func addressRune(r rune) bool { return r > ' ' && r < 0x7f }

func isAddress(s string) bool {
	if strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return true
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.HasSuffix(s, ".")
}
