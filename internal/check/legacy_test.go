package check

import (
	"strings"
	"testing"

	"github.com/go-text/typesetting/language"
)

func TestASCIIFont(t *testing.T) {
	c := &checker{}
	for _, tc := range []struct {
		text, en string
		want     bool
	}{
		{"kmµkrPaKeRcInCaRsþI", "Most workers were women.", true}, // Latin-1 letters after letters
		{"RbeTsKmKaLa nig", "Cambodia", true},                     // case changes twice
		{"tvkyform;rsm;onf", "Most workers were women.", true},    // punctuation between letters
		{"YouTube", "Watch it on YouTube", false},                 // a word of the English
		{"LinkedIn iPhone", "Contact", false},                     // brand names change case once
		{"Mekong Migration Network (MMN)", "Mekong Migration Network", false},
		{"ការងារ SEZ", "Jobs in SEZs", false}, // its own letters
		{"2019–2020", "2019–2020", false},
		{"mEl https://youtu.be/aBcDeFgH", "Watch", false}, // a link's case is its own
	} {
		_, _, got := c.asciiFont(tc.text, language.Khmer, tc.en)
		if got != tc.want {
			t.Errorf("asciiFont(%q, en %q) = %v, want %v", tc.text, tc.en, got, tc.want)
		}
	}
}

func TestVietnameseLegacy(t *testing.T) {
	c := &checker{}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"ViÖt Nam", true},                // TCVN3: Ö is ệ
		{"Kh«ng thÓ kÕt nèi", true},       // a guillemet inside a word, upper case after lower
		{"Tieàn löông ñöôïc traû", true},  // VNI
		{"Hµ", true},                      // one word, all of a short text
		{"Hỏi bà Müller ở Zürich.", true}, // two such names, and no English to vouch for them: the keep list is for names
		{"Nhiệt độ 25°C, diện tích 40 m².", false},
		{"Cuốn «Việt Nam» đã in.", false}, // quotes at the words' ends
		{"ThuÂm", false},                  // a camel-case name: case alone
		{"Phần lớn công nhân là phụ nữ.", false},
	} {
		_, _, got := c.vietnameseLegacy(tc.text, "")
		if got != tc.want {
			t.Errorf("vietnameseLegacy(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	if _, _, got := c.vietnameseLegacy("Hỏi bà Müller ở Zürich.", "Ask Ms Müller in Zürich."); got {
		t.Errorf("names of the English text counted as legacy text")
	}
}

// TestFromTCVN3 reads known TCVN3 codes back (0xD6 is ệ, 0xB5 à, 0xE9
// ộ, 0xAD ư, 0xEA ờ: TCVN 5712:1993) and round-trips every letter of the
// table, which must be a one-to-one map.
func TestFromTCVN3(t *testing.T) {
	for in, want := range map[string]string{
		"ViÖt Nam":   "Việt Nam",
		"Hµ Néi":     "Hà Nội",
		"Ng\u00adêi": "Người",
	} {
		if got, ok := fromTCVN3(in); !ok || got != want {
			t.Errorf("fromTCVN3(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	seen := map[rune]bool{}
	var enc, dec strings.Builder
	for i, r := range tcvn3Runes {
		if r == '_' {
			continue
		}
		if seen[r] {
			t.Errorf("%c is at two codes", r)
		}
		seen[r] = true
		enc.WriteString("x")
		enc.WriteRune(rune(0xA1 + i))
		enc.WriteString(" ")
		dec.WriteString("x")
		dec.WriteRune(r)
		dec.WriteString(" ")
	}
	if got, ok := fromTCVN3(enc.String()); !ok || got != dec.String() {
		t.Errorf("round trip: got %q, %v", got, ok)
	}
	if _, ok := fromTCVN3("Tieàn löông"); ok {
		t.Errorf("VNI text read as TCVN3: two tone marks in one word")
	}
}
