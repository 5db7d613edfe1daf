package linebreak

import (
	"strings"
	"testing"
)

func TestWithWords(t *testing.T) {
	tests := []struct {
		lang, text, want string
		words            []string
	}{
		{"km", "ទៅធីឡាវ៉ាដើម្បីធ្វើការ", "ទៅ|ធីឡាវ៉ា|ដើម្បី|ធ្វើការ!", []string{"ធីឡាវ៉ា"}},
		{"th", "แรงงานจากเมียนมาไปแมนฮัตตัน", "แรงงาน|จาก|เมียนมา|ไป|แมนฮัตตัน!", []string{"เมียนมา", " แมนฮัตตัน "}},
		{"my", "ဘူရကီနာဖာဆိုနိုင်ငံသို့", "ဘူရကီနာဖာဆို|နိုင်ငံ|သို့!", []string{"ဘူရကီနာဖာဆို"}},
	}
	base := New()
	for _, tt := range tests {
		b, err := base.WithWords(tt.lang, tt.words)
		if err != nil {
			t.Fatal(err)
		}
		if got := render(tt.text, b.Breaks(tt.text)); got != tt.want {
			t.Errorf("%s with %q:\n got %s\nwant %s", tt.lang, tt.words, got, tt.want)
		}
		if got := render(tt.text, base.Breaks(tt.text)); got == tt.want {
			t.Errorf("%s: the base Breaker knows %q already; pick another test word", tt.lang, tt.words)
		}
	}
	if _, err := base.WithWords("en", []string{"x"}); err == nil {
		t.Error("WithWords(en) gave no error")
	}
}

func TestUnknown(t *testing.T) {
	b := New()
	got := b.Unknown("ទៅធីឡាវ៉ា and ខ្ញុំ")
	if len(got) == 0 || !strings.Contains(strings.Join(got, " "), "ឡា") {
		t.Errorf("Unknown = %q, want the name", got)
	}
	k, _ := b.WithWords("km", got)
	if u := k.Unknown("ទៅធីឡាវ៉ា and ខ្ញុំ"); len(u) != 0 {
		t.Errorf("after WithWords(Unknown), Unknown = %q", u)
	}
	if u := b.Unknown("ធី\u200bឡាវ៉ា"); u != nil {
		t.Errorf("a ZWSP-segmented text has unknown words: %q", u)
	}
	// Words the UI strings the counts come from hardly use are words,
	// not syllables of a name: ពលករ "worker" (syllableUnits).
	for _, text := range []string{"មកពីពលករ", "ឱ្យពលករ"} {
		if u := b.Unknown(text); len(u) != 0 {
			t.Errorf("Unknown(%s) = %q, want none", text, u)
		}
		if got := b.Breaks(text); len(got) < 2 || text[got[len(got)-2].Pos:] != "ពលករ" {
			t.Errorf("Breaks(%s) = %v, want one before ពលករ", text, got)
		}
	}
}

func TestPenalties(t *testing.T) {
	b := New()
	pen := func(text, at string) int {
		for _, br := range b.Breaks(text) {
			if text[:br.Pos] == at {
				return br.Penalty
			}
		}
		t.Fatalf("no break after %q in %q", at, text)
		return 0
	}
	if p := pen("ภาษาไทย ดี", "ภาษาไทย "); p != 0 {
		t.Errorf("break at a space costs %d", p)
	}
	if p := pen("ภาษาไทย", "ภาษา"); p != DictionaryPenalty {
		t.Errorf("dictionary break costs %d", p)
	}
	if p := pen("အလုပ်သမားများ မလုံလောက်ပါ", "အလုပ်သမားများ မ"); p < NegationPenalty {
		t.Errorf("break after the negation prefix costs %d", p)
	}
	// A translator's ZWSP before a particle, alone or at the head of a
	// longer stretch, or before ၏ (a sign to Unicode).
	for _, tc := range [][2]string{{"စက်ရုံ\u200bများ", "စက်ရုံ\u200b"}, {"စက်ရုံ\u200bများကို", "စက်ရုံ\u200b"}, {"အလုပ်ရှင်\u200b၏", "အလုပ်ရှင်\u200b"}} {
		if p := pen(tc[0], tc[1]); p < ParticlePenalty {
			t.Errorf("break at the ZWSP of %q costs %d", tc[0], p)
		}
	}
	if p := pen("နည်းအရ", "နည်းအ"); p < NegationPenalty {
		t.Errorf("break after the noun prefix အ costs %d", p)
	}
	if p := pen("အလုပ်သမားများ", "အလုပ်သမား"); p < ParticlePenalty {
		t.Errorf("break before a particle costs %d", p)
	}
	// Numbers: the groups of a telephone number, a range, and the word a
	// Thai or Khmer number counts; a number after an English word, or the
	// space after a range, costs nothing.
	for _, tc := range []struct {
		text, at string
		want     int
	}{
		{"call +855 12 345 678 now", "call +855 12 ", NumberGroupPenalty},
		{"1 500 workers", "1 ", NumberGroupPenalty},
		{"from 2017–2019 on", "from 2017–", NumberRangePenalty},
		{"ปี ๒๐๑๙ นี้", "ปี ", NumberLeadPenalty},
		{"តំបន់ទាំង ៤ នេះ", "តំបន់ទាំង ", NumberLeadPenalty},
		{"in 2019 we", "in ", 0},
		{"in 2019 we", "in 2019 ", 0},
		{"a 25 km road", "a 25 ", NumberUnitPenalty},
		{"paid USD 450 a month", "paid USD ", NumberUnitPenalty},
		{"khoảng 6,4 triệu THB", "khoảng 6,4 ", NumberUnitPenalty},
		{"only 41 % of them", "only 41 ", NumberUnitPenalty},
		{"the 5 men", "the 5 ", 0},
		{"sang Thái Lan làm việc", "sang Thái ", NamePenalty},
		{"ở Phnôm Pênh và", "ở Phnôm ", NamePenalty},
		{"sang Thái Lan làm việc", "sang ", 0},
		{"the Mae Sotian way", "the Mae ", 0}, // no name: a longer word
		{"ở Thành phố Hồ Chí Minh", "ở Thành phố Hồ ", NamePenalty},
		{"the country’s USD income", "the country’s ", 0},
		{"after 3 months of work", "after 3 ", NumberLeadPenalty},
		{"mất 14 tháng.", "mất 14 ", NumberLeadPenalty},
		{"500 mg a day", "500 ", NumberUnitPenalty},
		{"khoảng 6,4 triệu THB", "khoảng 6,4 triệu ", NumberUnitPenalty},
		{"from 2017–2019 on", "from 2017–2019 ", 0},
		{"a – b", "a – ", 0},
		{"ឆ្នាំ ២០១៩។ ២០២០", "ឆ្នាំ ២០១៩។ ", 0},      // after a sentence's end
		{"ဇူလိုင်လမှ 2019 ခုနှစ်", "ဇူလိုင်လမှ ", 0}, // a Burmese phrase space
	} {
		if p := pen(tc.text, tc.at); p != tc.want {
			t.Errorf("break after %q in %q costs %d, want %d", tc.at, tc.text, p, tc.want)
		}
	}
}

func TestUnknownWords(t *testing.T) {
	b := New()
	text := "ទៅធីឡាវ៉ា and ខ្ញុំ"
	got := b.UnknownWords(text)
	if len(got) != 1 || !strings.Contains(got[0].Text, "ឡា") || !strings.HasPrefix(text[got[0].Offset:], got[0].Text) {
		t.Fatalf("UnknownWords = %+v, want the name at its offset", got)
	}
	for _, w := range b.Unknown(text + " ទៅក") {
		if units([]rune(w)) < 2 {
			if slicesContain(b.UnknownWords(text+" ទៅក"), w) {
				t.Errorf("UnknownWords reports %q, a single syllable", w)
			}
		}
	}
}

func slicesContain(ws []UnknownWord, s string) bool {
	for _, w := range ws {
		if w.Text == s {
			return true
		}
	}
	return false
}

// A "word" of millions of characters (a paragraph pasted into the word
// list) once overflowed the stack while the trie was built: it is skipped.
func TestWithWordsHugeWord(t *testing.T) {
	b, err := New().WithWords("km", []string{strings.Repeat("ក", 2_000_000), "ធីឡាវ៉ា"})
	if err != nil {
		t.Fatal(err)
	}
	text := "ទៅធីឡាវ៉ាដើម្បីធ្វើការ"
	if got := render(text, b.Breaks(text)); !strings.Contains(got, "|ធីឡាវ៉ា|") {
		t.Errorf("the other word was lost: %s", got)
	}
}
