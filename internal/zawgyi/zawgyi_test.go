package zawgyi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestToUnicodeFixtures(t *testing.T) {
	for _, pair := range [][2]string{
		{"testdata/zawgyi.txt", "testdata/unicode.txt"},
		{"testdata/typed.zg.txt", "testdata/typed.want.txt"},
	} {
		in, want := readLines(t, pair[0]), readLines(t, pair[1])
		if len(in) != len(want) || len(in) == 0 {
			t.Fatalf("%s has %d lines, %s has %d", pair[0], len(in), pair[1], len(want))
		}
		for i := range in {
			if got := ToUnicode(in[i]); got != want[i] {
				t.Errorf("%s:%d\n in   %s\n got  %s %U\n want %s %U", pair[0], i+1, in[i], got, []rune(got), want[i], []rune(want[i]))
			}
		}
	}
}

func TestToUnicodeCases(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"latin passes through", "ILO 2019, SEZ!", "ILO 2019, SEZ!"},
		{"khmer passes through", "ពលករ\u200bចំណាកស្រុក", "ពលករ\u200bចំណាកស្រុក"},
		{"E and ya before consonant", "ေက်ာင္း", "ကျောင်း"},
		{"ra variant, u+i, dot variant", "ၿမိဳ႕", "မြို့"},
		{"kinzi after its consonant", "အဂၤလိပ္", "အင်္ဂလိပ်"},
		{"stacked bha", "ကမၻာ", "ကမ္ဘာ"},
		{"short na with i and u", "ႏိုင္ငံ", "နိုင်ငံ"},
		{"u typed before i", "ကုိ", "ကို"},
		{"anusvara typed before u", "လံု", "လုံ"},
		{"wa+ha ligature", "လႊဲ", "လွှဲ"},
		{"ha+u ligature", "ႏႈန္း", "နှုန်း"},
		{"E + ra prefix, both orders", "ေျပာ ျေပာ", "ပြော ပြော"},
		{"zawgyi asat + dot both orders", "ေတာ့ ေတာ့္", "တော့ တော့်"},
		{"u + ii is uu-vowel letter", "ဦး", "ဦး"},
		{"u + asat is nya", "ဥ္", "ဉ်"},
		{"ca + ya is jha", "ေစ်း", "ဈေး"},
		{"digit zero as wa at start", "၀န္", "ဝန်"},
		{"digits stay digits", "၂၀၁၉", "၂၀၁၉"},
		{"great sa", "ျပႆနာ", "ပြဿနာ"},
		{"lone E", "ေ", "ေ"},
		{"lone sign", "ာ", "ာ"},
		{"invalid utf-8", "\xff\xfeက", "\uFFFD\uFFFDက"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ToUnicode(tt.in); got != tt.want {
				t.Errorf("ToUnicode(%q) = %q %U, want %q %U", tt.in, got, []rune(got), tt.want, []rune(tt.want))
			}
		})
	}
}

// ambiguous lists typed fixtures that carry no sequence illegal in Unicode;
// a detector cannot and should not call them Zawgyi.
var ambiguous = map[int]bool{
	9: true, // "ဥပေဒ ဥ ီးစြာ": only E after a consonant and a space before a sign
}

func TestDetectFixtures(t *testing.T) {
	uni := readLines(t, "testdata/unicode.txt")
	uni = append(uni, readLines(t, "testdata/typed.want.txt")...)
	for i, s := range uni {
		if p := Probability(s); p >= 0.05 || IsZawgyi(s) {
			t.Errorf("unicode line %d: Probability = %.4f, want < 0.05: %s", i+1, p, s)
		}
	}
	for i, s := range readLines(t, "testdata/zawgyi.txt") {
		if p := Probability(s); p <= 0.99 || !IsZawgyi(s) {
			t.Errorf("zawgyi.txt:%d: Probability = %.4f, want > 0.99: %s", i+1, p, s)
		}
	}
	for i, s := range readLines(t, "testdata/typed.zg.txt") {
		p := Probability(s)
		if ambiguous[i+1] {
			if p > Threshold {
				t.Errorf("typed.zg.txt:%d: ambiguous line scored %.4f; update the list", i+1, p)
			}
			continue
		}
		if !IsZawgyi(s) {
			t.Errorf("typed.zg.txt:%d: Probability = %.4f, want > %v: %s", i+1, p, Threshold, s)
		}
	}
}

func TestProbabilityCases(t *testing.T) {
	zParagraph := strings.Join(readLines(t, "testdata/zawgyi.txt")[:5], " ")
	uParagraph := strings.Join(readLines(t, "testdata/unicode.txt")[:5], " ")
	tests := []struct {
		name   string
		in     string
		lo, hi float64
	}{
		{"empty", "", 0, 0},
		{"latin", "Migrant workers in Thailand, 2019.", 0, 0},
		{"khmer", "ពលករចំណាកស្រុកធ្វើការនៅរោងចក្រ។", 0, 0},
		{"thai", "แรงงานข้ามชาติทำงานในโรงงาน", 0, 0},
		{"invalid utf-8", "\xff\xfe\xfd", 0, 0},
		{"unicode with latin, digits and khmer", "ILO ၏ ၂၀၁၉ အစီရင်ခံစာ (ខ្មែរ) SEZ 42%", 0, 0.05},
		{"unicode kinzi", "အင်္ဂလိပ်", 0, 0.05},
		{"unicode single syllable", "က", 0, 0.05},
		{"myanmar digits only", "၁၂၃၄", 0, 0.05},
		{"unicode paragraph", uParagraph, 0, 0.001},
		{"zawgyi word with E first", "ေက်ာင္း", 0.99, 1},
		{"zawgyi word with ra first", "ျမန္မာ", Threshold, 1},
		{"zawgyi stacked form", "ကမၻာ", Threshold, 1},
		{"zawgyi paragraph", zParagraph, 0.9999, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Probability(tt.in)
			if p < tt.lo || p > tt.hi {
				t.Errorf("Probability(%q) = %.5f, want in [%v, %v]", tt.in, p, tt.lo, tt.hi)
			}
		})
	}
}

func FuzzToUnicode(f *testing.F) {
	for _, s := range []string{"ေက်ာင္း", "ၿမိဳ႕", "\xff", "၀၄ ၀ ၄", "ေ", "ျ ေ ႏ", "ကၤၤၤ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := ToUnicode(s)
		if !utf8.ValidString(out) {
			t.Fatalf("ToUnicode(%q) is not valid UTF-8", s)
		}
		p := Probability(s)
		if p < 0 || p > 1 || p != p {
			t.Fatalf("Probability(%q) = %v", s, p)
		}
	})
}

// TestRepairKeepsUnicodeWords: in a text mixing Zawgyi and Unicode words,
// only the Zawgyi ones are converted; all-Zawgyi text converts as
// ToUnicode does.
func TestRepairKeepsUnicodeWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ေျမ ဇုန္", "မြေ ဇုန်"},     // all Zawgyi
		{"ေျမ ဇုန်", "မြေ ဇုန်"},     // the second word already Unicode
		{"ေျမ၊ ဇုန်။", "မြေ၊ ဇုန်။"}, // with punctuation
	} {
		if got := Repair(c.in); got != c.want {
			t.Errorf("Repair(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	const all = "အထူးစီးပြားေရးဇုန္မ်ား"
	if Repair(all) != ToUnicode(all) {
		t.Errorf("Repair(%q) = %q, ToUnicode gives %q", all, Repair(all), ToUnicode(all))
	}
}
