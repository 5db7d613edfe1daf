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
// Lao vowel written after its consonant (ຄະ, ກຳ, ທາ) or the O of ເ◌ືອ.
func TestLaoVowelsStayWithTheirSyllable(t *testing.T) {
	b := New()
	for _, w := range []string{"ຄະນະກຳມະການ", "ສາທາລະນະລັດ", "ເຄື່ອນຍ້າຍ"} {
		r := []rune(w)
		index := map[int]int{} // byte offset -> rune index
		for k := range r {
			index[len(string(r[:k]))] = k
		}
		inside := func(pos int) bool {
			k, ok := index[pos]
			return ok && k > 0 && laoInside(r, k)
		}
		for _, br := range b.Breaks(w) {
			if inside(br.Pos) {
				t.Errorf("%q breaks before %q", w, w[br.Pos:])
			}
		}
		for _, sp := range SplitPoints(w) {
			if inside(sp.Pos) {
				t.Errorf("%q may be split before %q", w, w[sp.Pos:])
			}
		}
	}
	if !laoInside([]rune("ເຄື່ອນ"), 4) {
		t.Error("the O of ເ◌ືອ is not kept with its syllable")
	}
}

// TestAddressesAreOneWord: no line ends inside a URL or an e-mail address
// (UAX #14 ends one after its slashes and hyphens); the sentence around
// it breaks as before, and punctuation after it is not part of it.
func TestAddressesAreOneWord(t *testing.T) {
	b := New()
	for _, c := range []struct{ text, address string }{
		{"see https://mmn.example.org/uploads/2020/report-2017-2019-English-Final.pdf, and more", "https://mmn.example.org/uploads/2020/report-2017-2019-English-Final.pdf"},
		{"write to research-unit@mmn.example.org.", "research-unit@mmn.example.org"},
		{"at www.mmn-example.org/a-b today", "www.mmn-example.org/a-b"},
	} {
		start := strings.Index(c.text, c.address)
		end := start + len(c.address)
		spaces := 0
		for _, br := range b.Breaks(c.text) {
			if br.Pos > start && br.Pos < end {
				t.Errorf("%q breaks inside the address at %q", c.text, c.text[:br.Pos])
			}
			if br.Pos <= start || br.Pos > end {
				spaces++
			}
		}
		if spaces < 2 {
			t.Errorf("%q: %d breaks outside the address, want the sentence's", c.text, spaces)
		}
	}
	if got := addresses([]rune("a.b@c.org no 3.5 kg")); len(got) != 1 {
		t.Errorf("addresses found %v, want the one e-mail", got)
	}
	// Written into Khmer, the address ends where the script begins, and
	// the Khmer around it breaks as before.
	km := "សូមទាក់ទងមកកាន់info@ilo.orgដើម្បីទទួលបានព័ត៌មាន"
	if got := Addresses(km); len(got) != 1 || km[got[0][0]:got[0][1]] != "info@ilo.org" {
		t.Errorf("Addresses(%q) = %v, want info@ilo.org alone", km, got)
	}
	if n := len(b.Breaks(km)); n < 4 {
		t.Errorf("%q has %d breaks, want the Khmer words'", km, n)
	}
}
