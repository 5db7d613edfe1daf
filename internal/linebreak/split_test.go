package linebreak

import (
	"strings"
	"testing"
)

// TestSplitPoints marks where overlong words may be split: URLs and
// addresses by CMOS 14.18, never after a hyphen; Burmese, Khmer and Thai
// between syllables, never before a final consonant or a killed one.
func TestSplitPoints(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.org/a-b_c?x=1", "https://|example|.org|/a|-b|_c|?x|=|1"},
		{"yangon.office@mekongmigration.example.org", "yangon|.office|@mekongmigration|.example|.org"},
		{"နိုင်ငံကူးလက်မှတ်", "နိုင်|ငံ|ကူး|လက်|မှတ်"},
		{"ពាក្យបណ្ដឹងរបស់", "ពា|ក្យ|ប|ណ្ដឹង|រ|បស់"},
		{"បន្ទុក", "ប|ន្ទុក"},
		{"มหาวิทยาลัย", "ม|หา|วิ|ท|ยา|ลัย"},
		{"fixed-duration", "fixed|-duration"},
	} {
		var b strings.Builder
		last := 0
		for _, p := range SplitPoints(c.in) {
			b.WriteString(c.in[last:p.Pos] + "|")
			last = p.Pos
		}
		b.WriteString(c.in[last:])
		if b.String() != c.want {
			t.Errorf("SplitPoints(%q) = %q, want %q", c.in, b.String(), c.want)
		}
	}
}

// TestLaoVowelsStayWithTheirSyllable: no break, and no split, before a
// Lao vowel written after its consonant (ຄະ, ກຳ, ທາ).
func TestLaoVowelsStayWithTheirSyllable(t *testing.T) {
	b := New()
	for _, w := range []string{"ຄະນະກຳມະການ", "ສາທາລະນະລັດ"} {
		offs := map[int]rune{}
		for at, c := range w {
			offs[at] = c
		}
		for _, br := range b.Breaks(w + " ") {
			if laoInside(offs[br.Pos]) {
				t.Errorf("%q breaks before %q", w, w[br.Pos:])
			}
		}
		for _, sp := range SplitPoints(w) {
			if laoInside(offs[sp.Pos]) {
				t.Errorf("%q may be split before %q", w, w[sp.Pos:])
			}
		}
	}
}
