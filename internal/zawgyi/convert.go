package zawgyi

import (
	"strings"

	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Zawgyi reuses the Myanmar block (U+1000–U+109F) but assigns several code
// points to different characters and stores text in visual order. The
// mapping below was worked out from the Zawgyi-One code chart, the CLDR
// transform "Zawgyi-my" (ICU's Zawgyi_my.txt, used as the test oracle) and by
// feeding every code point of the block through `uconv -x Zawgyi-my`:
//
//	Zawgyi      Unicode meaning
//	U+1033      U+102F  vowel sign u (long-leg variant)
//	U+1034      U+1030  vowel sign uu (variant)
//	U+1039      U+103A  asat (Zawgyi has no visible virama; it stacks with U+1060…)
//	U+103A      U+103B  medial ya
//	U+103B      U+103C  medial ra (also U+107E–U+1084, width/height variants)
//	U+103C      U+103D  medial wa
//	U+103D      U+103E  medial ha (also U+1087)
//	U+105A      U+102B U+103A  tall aa + asat
//	U+1060…     U+1039 + consonant: subjoined (stacked) consonant forms
//	U+1064      kinzi U+1004 U+103A U+1039, stored after its base consonant
//	U+106A/106B U+1009/U+100A  nya variants
//	U+106E …    stacked ligatures (ဍ္ဍ, ဍ္ဎ, ဏ္ဍ, ဋ္ဌ, ဋ္ဋ)
//	U+1086      U+103F  great sa
//	U+1088/1089 U+103E + u / uu
//	U+108A      U+103D U+103E  wa + ha
//	U+108B–108D kinzi + i / ii / anusvara
//	U+108E      U+102D U+1036  i + anusvara
//	U+108F      U+1014  na (short-leg variant)
//	U+1090      U+101B  ra variant
//	U+1094/1095 U+1037  dot below variants
//	U+104E      U+104E U+1004 U+103A U+1038  (the Zawgyi glyph includes ngat + visarga)
//
// Pre-base vowel E (U+1031) and medial ra are typed before the consonant.

// literal is or-ed into a rune that classify has already resolved to its
// Unicode value (a digit read as a letter), so that mapZ copies it as is.
// It lies above U+10FFFF, so it never collides with a real code point.
const literal rune = 1 << 24

// role says where a Zawgyi code point goes in a Unicode syllable.
type role uint8

const (
	rOther   role = iota // not part of a Myanmar syllable
	rBase                // consonant, independent vowel, great sa, ligature
	rPrefix              // typed before the consonant: E vowel or medial ra
	rMark                // follows the consonant
	rSpaceWS             // whitespace (Zawgyi typists put spaces before marks)
)

// zmap maps a Zawgyi code point to the Unicode sequence it stands for.
var zmap = map[rune]string{
	0x1033: "\u102F",
	0x1034: "\u1030",
	0x1039: "\u103A",
	0x103A: "\u103B",
	0x103B: "\u103C",
	0x103C: "\u103D",
	0x103D: "\u103E",
	0x104E: "\u104E\u1004\u103A\u1038",
	0x105A: "\u102B\u103A",
	0x1060: "\u1039\u1000",
	0x1061: "\u1039\u1001",
	0x1062: "\u1039\u1002",
	0x1063: "\u1039\u1003",
	0x1064: "\u1004\u103A\u1039",
	0x1065: "\u1039\u1005",
	0x1066: "\u1039\u1006",
	0x1067: "\u1039\u1006",
	0x1068: "\u1039\u1007",
	0x1069: "\u1039\u1008",
	0x106A: "\u1009",
	0x106B: "\u100A",
	0x106C: "\u1039\u100B",
	0x106D: "\u1039\u100C",
	0x106E: "\u100D\u1039\u100D",
	0x106F: "\u100D\u1039\u100E",
	0x1070: "\u1039\u100F",
	0x1071: "\u1039\u1010",
	0x1072: "\u1039\u1010",
	0x1073: "\u1039\u1011",
	0x1074: "\u1039\u1011",
	0x1075: "\u1039\u1012",
	0x1076: "\u1039\u1013",
	0x1077: "\u1039\u1014",
	0x1078: "\u1039\u1015",
	0x1079: "\u1039\u1016",
	0x107A: "\u1039\u1017",
	0x107B: "\u1039\u1018",
	0x107C: "\u1039\u1019",
	0x107D: "\u103B",
	0x107E: "\u103C",
	0x107F: "\u103C",
	0x1080: "\u103C",
	0x1081: "\u103C",
	0x1082: "\u103C",
	0x1083: "\u103C",
	0x1084: "\u103C",
	0x1085: "\u1039\u101C",
	0x1086: "\u103F",
	0x1087: "\u103E",
	0x1088: "\u103E\u102F",
	0x1089: "\u103E\u1030",
	0x108A: "\u103D\u103E",
	0x108B: "\u1004\u103A\u1039\u102D",
	0x108C: "\u1004\u103A\u1039\u102E",
	0x108D: "\u1004\u103A\u1039\u1036",
	0x108E: "\u102D\u1036",
	0x108F: "\u1014",
	0x1090: "\u101B",
	0x1091: "\u100F\u1039\u100D",
	0x1092: "\u100B\u1039\u100C",
	0x1093: "\u1039\u1018",
	0x1094: "\u1037",
	0x1095: "\u1037",
	0x1096: "\u1039\u1010\u103D",
	0x1097: "\u100B\u1039\u100B",
}

func isDigit(r rune) bool { return r >= 0x1040 && r <= 0x1049 }

func isZBase(r rune) bool {
	switch {
	case r >= 0x1000 && r <= 0x102A:
		return true
	case r == 0x103F, r == 0x104E, r == 0x1086, r == 0x106A, r == 0x106B,
		r == 0x108F, r == 0x1090, r == 0x106E, r == 0x106F, r == 0x1091,
		r == 0x1092, r == 0x1097:
		return true
	}
	return false
}

func isZPrefix(r rune) bool {
	return r == 0x1031 || r == 0x103B || (r >= 0x107E && r <= 0x1084)
}

func isZMark(r rune) bool {
	switch {
	case r >= 0x102B && r <= 0x1030, r >= 0x1032 && r <= 0x103A,
		r >= 0x103C && r <= 0x103E, r == 0x105A,
		r >= 0x1060 && r <= 0x1069, r >= 0x106C && r <= 0x106D,
		r >= 0x1070 && r <= 0x107D, r == 0x1085,
		r >= 0x1087 && r <= 0x108E, r >= 0x1093 && r <= 0x1096:
		return true
	}
	return false
}

func isSpace(r rune) bool {
	return r == ' ' || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) ||
		r == 0x202F || r == 0x205F || r == 0x3000
}

// classify gives the role of the rune at i, resolving Zawgyi's use of digit
// zero (U+1040) for letter wa and digit four (U+1044) for the ၎ ligature:
// the digit is read as a letter when neither neighbour is a digit and it
// touches Myanmar letters or signs, or stands at the edge of the text.
func classify(rs []rune, i int) (role, rune) {
	r := rs[i]
	if r == 0x1040 || r == 0x1044 {
		var prev, next rune = -1, -1
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if !isDigit(prev) && !isDigit(next) {
			letter := false
			switch {
			case next >= 0 && (isZBase(next) || isZMark(next) || isZPrefix(next)):
				letter = true
			case prev >= 0 && isZMark(prev):
				letter = true
			case prev < 0 || next < 0:
				letter = true
			}
			if letter {
				if r == 0x1040 {
					return rBase, 0x101D
				}
				return rBase, 0x104E | literal // ၎ without the implied ngat
			}
		}
		return rOther, r
	}
	switch {
	case isZBase(r):
		return rBase, r
	case isZPrefix(r):
		return rPrefix, r
	case isZMark(r):
		return rMark, r
	case isSpace(r):
		return rSpaceWS, r
	}
	return rOther, r
}

// syl is one Myanmar syllable being assembled in Unicode storage order.
type syl struct {
	kinzi            bool
	base             []rune // consonant (plus ligature stack)
	stack            []rune // U+1039 + consonant pairs
	y, r, w, h       bool   // medials
	e                bool   // U+1031
	upper, lower, aa []rune // vowel signs
	anusvara         bool
	asat, dot, vis   bool
	extra            []rune // other signs, kept in input order
}

func appendOnce(list []rune, r rune) []rune {
	for _, x := range list {
		if x == r {
			return list
		}
	}
	return append(list, r)
}

// addUnicode adds one Unicode sign (already mapped from Zawgyi) to s.
func (s *syl) addUnicode(u string) {
	rs := []rune(u)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == 0x1004 && i+2 < len(rs) && rs[i+1] == 0x103A && rs[i+2] == 0x1039:
			s.kinzi = true
			i += 2
		case c == 0x1039 && i+1 < len(rs):
			s.stack = append(s.stack, 0x1039, rs[i+1])
			i++
		case c == 0x1031:
			s.e = true
		case c == 0x103B:
			s.y = true
		case c == 0x103C:
			s.r = true
		case c == 0x103D:
			s.w = true
		case c == 0x103E:
			s.h = true
		case c == 0x102D || c == 0x102E || c == 0x1032:
			s.upper = appendOnce(s.upper, c)
		case c == 0x102F || c == 0x1030:
			s.lower = appendOnce(s.lower, c)
		case c == 0x102B || c == 0x102C:
			s.aa = appendOnce(s.aa, c)
		case c == 0x1036:
			s.anusvara = true
		case c == 0x103A:
			s.asat = true
		case c == 0x1037:
			s.dot = true
		case c == 0x1038:
			s.vis = true
		default:
			s.extra = append(s.extra, c)
		}
	}
}

// ligature stacks attached to U+1025 that mean letter nya (U+1009) instead of
// independent vowel u (CLDR Zawgyi-my rules).
var nyaStacks = map[rune]bool{0x1001: true, 0x1002: true, 0x1005: true, 0x1007: true,
	0x1013: true, 0x1015: true, 0x1016: true, 0x1017: true}

// write emits s in Unicode storage order (The Unicode Standard, ch. 16.3
// Myanmar, table "Myanmar Syllabic Structure"; UTN #11): kinzi, consonant,
// stacked consonants, medials Y R W H, vowel E, upper vowels, lower vowels,
// A vowel, anusvara, asat, dot below, visarga. NFC later puts dot below
// before asat (ccc 7 < 9).
func (s *syl) write(b *strings.Builder) {
	base := s.base
	if len(base) == 1 {
		switch {
		case base[0] == 0x1025 && s.asat && len(s.stack) == 0:
			base = []rune{0x1009}
		case base[0] == 0x1025 && len(s.stack) > 0 && nyaStacks[s.stack[1]]:
			base = []rune{0x1009}
		case base[0] == 0x1025 && len(s.upper) == 1 && s.upper[0] == 0x102E:
			base = []rune{0x1026}
			s.upper = nil
		case base[0] == 0x1005 && s.y:
			// Zawgyi typists write jha ဈ as ca + medial ya.
			base = []rune{0x1008}
			s.y = false
		}
	}
	if s.kinzi {
		b.WriteString("\u1004\u103A\u1039")
	}
	for _, c := range base {
		b.WriteRune(c &^ literal)
	}
	for _, c := range s.stack {
		b.WriteRune(c)
	}
	if s.y {
		b.WriteRune(0x103B)
	}
	if s.r {
		b.WriteRune(0x103C)
	}
	if s.w {
		b.WriteRune(0x103D)
	}
	if s.h {
		b.WriteRune(0x103E)
	}
	if s.e {
		b.WriteRune(0x1031)
	}
	// ii wins over i when both were typed (they overlap in Zawgyi fonts).
	if len(s.upper) == 2 && s.upper[0] == 0x102D && s.upper[1] == 0x102E {
		s.upper = s.upper[1:]
	}
	// i / ii before ai: keep input order otherwise.
	for _, c := range s.upper {
		b.WriteRune(c)
	}
	if len(s.lower) == 2 {
		s.lower = s.lower[:1] // u and uu overlap; keep the first typed
	}
	for _, c := range s.lower {
		b.WriteRune(c)
	}
	for _, c := range s.aa {
		b.WriteRune(c)
	}
	if s.anusvara {
		b.WriteRune(0x1036)
	}
	if s.asat {
		b.WriteRune(0x103A)
	}
	if s.dot {
		b.WriteRune(0x1037)
	}
	if s.vis {
		b.WriteRune(0x1038)
	}
	for _, c := range s.extra {
		b.WriteRune(c)
	}
}

func mapZ(r rune) string {
	if r&literal != 0 {
		return string(r &^ literal)
	}
	if u, ok := zmap[r]; ok {
		return u
	}
	return string(r)
}

// ToUnicode converts Zawgyi-encoded text to standard Unicode Burmese in NFC.
// Each syllable is parsed in Zawgyi's visual order (E vowel and medial ra
// before the consonant, kinzi and stacked consonants after it, marks in any
// typing order) and written back in Unicode storage order. Text outside the
// Myanmar block is copied unchanged; invalid UTF-8 bytes become U+FFFD.
func ToUnicode(s string) string {
	if s == "" {
		return s
	}
	rs := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		rs = append(rs, r)
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)

	var cur *syl       // syllable being built
	var pending []rune // prefix runes typed before the next consonant
	flush := func() {
		if cur != nil {
			cur.write(&b)
			cur = nil
		}
	}
	flushPending := func() {
		for _, p := range pending {
			b.WriteString(mapZ(p))
		}
		pending = pending[:0]
	}

	for i := 0; i < len(rs); i++ {
		ro, r := classify(rs, i)
		switch ro {
		case rBase:
			flush()
			if r == 0x104E {
				// Zawgyi's ၎ glyph spells ၎င်း: a letter, then the
				// syllable င်း, which takes any following signs.
				flushPending()
				b.WriteRune(0x104E)
				cur = &syl{base: []rune{0x1004}, asat: true, vis: true}
				continue
			}
			cur = &syl{}
			u := []rune(mapZ(r))
			// A ligature such as ဍ္ဍ is a base plus a stack.
			cur.base = []rune{u[0]}
			if r&literal != 0 {
				cur.base = []rune{r}
			} else if len(u) > 1 {
				cur.addUnicode(string(u[1:]))
			}
			for _, p := range pending {
				cur.addUnicode(mapZ(p))
			}
			pending = pending[:0]
		case rPrefix:
			if cur != nil && len(pending) == 0 && !startsSyllable(rs, i) {
				// E or ra typed after its consonant (Unicode-like typing):
				// it still belongs to the syllable being built.
				cur.addUnicode(mapZ(r))
				continue
			}
			flush()
			pending = append(pending, r)
		case rMark:
			if len(pending) > 0 {
				// E/ra not followed by a consonant: they belong to the
				// previous syllable (Unicode-order typing such as ော).
				if cur == nil {
					flushPending()
					b.WriteString(mapZ(r))
					continue
				}
				for _, p := range pending {
					cur.addUnicode(mapZ(p))
				}
				pending = pending[:0]
			}
			if cur == nil {
				b.WriteString(mapZ(r))
				continue
			}
			cur.addUnicode(mapZ(r))
		case rSpaceWS:
			// Zawgyi typists often put a space before a sign so that it
			// renders: drop spaces before signs (a dot below keeps one space
			// after it), as the CLDR transform does.
			j := i
			for j < len(rs) && isSpace(rs[j]) {
				j++
			}
			if j < len(rs) && cur != nil && len(pending) == 0 {
				if nro, nr := classify(rs, j); nro == rMark {
					if nr == 0x1037 || nr == 0x1094 || nr == 0x1095 {
						cur.dot = true
						flush()
						b.WriteRune(r)
						i = j
						continue
					}
					i = j - 1
					continue
				}
			}
			flush()
			flushPending()
			b.WriteString(string(rs[i:j]))
			i = j - 1
		default:
			flush()
			flushPending()
			b.WriteRune(r)
		}
	}
	flush()
	flushPending()
	return norm.NFC.String(b.String())
}

// startsSyllable reports whether the prefix rune at i is followed (after
// further prefix runes) by a base, i.e. whether it was typed in Zawgyi's
// visual order before its consonant.
func startsSyllable(rs []rune, i int) bool {
	for j := i + 1; j < len(rs); j++ {
		ro, _ := classify(rs, j)
		switch ro {
		case rPrefix:
			continue
		case rBase:
			return true
		default:
			return false
		}
	}
	return false
}
