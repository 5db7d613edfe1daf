package orthography

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Natural sentences that must produce no findings.
var good = map[string][]string{
	"th": {
		"แรงงานข้ามชาติจากเมียนมาทำงานในโรงงานแปรรูปอาหารทะเลที่จังหวัดสมุทรสาคร",
		"นายจ้างต้องจ่ายค่าจ้างขั้นต่ำและนำส่งเงินสมทบเข้ากองทุนประกันสังคม",
		"ผู้หญิงที่ทำงานบ้านมักไม่ได้รับวันหยุดพักผ่อนประจำสัปดาห์",
		"น้ำท่วมเมื่อปีที่แล้วทำให้คนงานหลายพันคนต้องตกงาน ศักดิ์ศรีของแรงงานต้องได้รับการคุ้มครอง",
	},
	"km": {
		"ពលករចំណាកស្រុកកម្ពុជារាប់សែននាក់ធ្វើការនៅប្រទេសថៃ។",
		"រោងចក្រកាត់ដេរត្រូវផ្ដល់ប្រាក់ឈ្នួលអប្បបរមាដល់កម្មករ។",
		"ប្រព័ន្ធសន្តិសុខសង្គមការពារកម្មករនៅពេលមានគ្រោះថ្នាក់ការងារ។",
		"ស្ត្រីភាគច្រើនធ្វើការក្នុងវិស័យវាយនភណ្ឌ ហើយពួកគេត្រូវការការគាំពារ។",
	},
	"my": {
		"ရွှေ့ပြောင်းလုပ်သားများသည် ထိုင်းနိုင်ငံရှိ စက်ရုံများတွင် အလုပ်လုပ်ကြသည်။",
		"အင်္ဂလိပ်ဘာသာဖြင့် ရေးသားထားသော စာချုပ်ကို အလုပ်သမားများ နားမလည်ကြပါ။",
		"ကျွန်ုပ်တို့သည် ကုမ္ပဏီများ၏ လုပ်ခကို စောင့်ကြည့်သည်။",
		"နိုင်ငံကူးလက်မှတ်နှင့် အလုပ်လုပ်ခွင့်ပါမစ်ကို ILO ၂၀၁၉ အစီရင်ခံစာတွင် ဖော်ပြထားသည်။",
	},
	"vi": {
		"Người lao động di cư Việt Nam làm việc tại các nhà máy ở Đài Loan và Hàn Quốc.",
		"Chủ sử dụng lao động phải đóng bảo hiểm xã hội cho người lao động.",
	},
	"en": {
		"Migrant workers from Cambodia, Myanmar and Laos work in Thai factories.",
	},
}

func TestGoodText(t *testing.T) {
	for lang, ss := range good {
		for _, s := range ss {
			if fs := Check(lang, s); len(fs) != 0 {
				t.Errorf("Check(%q, %q) = %+v, want none", lang, s, fs)
			}
			if got := Fix(lang, s); got != s {
				t.Errorf("Fix(%q, %q) = %q, want unchanged", lang, s, got)
			}
		}
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name, lang, in string
		code           string // expected code of the single finding; "" = no finding
		fix            string // expected Fix(lang, in)
	}{
		// Thai
		{"th decomposed sara am", "th", "ค่าจ\u0E49\u0E4D\u0E32ง", "th-sara-am", "ค่าจ้ำง"},
		{"th nikhahit tone sara aa", "th", "น\u0E4D\u0E49\u0E32", "th-sara-am", "น้ำ"},
		{"th sara am plain", "th", "ท\u0E4D\u0E32งาน", "th-sara-am", "ทำงาน"},
		{"th tone after sara am", "th", "น\u0E33\u0E49", "th-tone-after-sara-am", "น้ำ"},
		{"th good sara am", "th", "น้ำ", "", "น้ำ"},
		{"th doubled tone", "th", "ค\u0E48\u0E48า", "th-double-mark", "ค่า"},
		{"th doubled vowel", "th", "ท\u0E35\u0E35่", "th-double-mark", "ที่"},
		{"th two tones", "th", "ก\u0E48\u0E49า", "th-two-tones", "ก่า"},
		{"th tone before above vowel", "th", "ท\u0E48\u0E35", "th-tone-before-vowel", "ที่"},
		{"th tone before below vowel", "th", "ป\u0E48\u0E39", "th-tone-before-vowel", "ปู่"},
		{"th double sara e", "th", "\u0E40\u0E40รงงาน", "th-double-sara-e", "แรงงาน"},
		{"th orphan mark at start", "th", "\u0E48งาน", "th-orphan-mark", "งาน"},
		{"th orphan mark after space", "th", "คน \u0E35", "th-orphan-mark", "คน "},
		{"th good", "th", "ที่ปู่น้ำ", "", "ที่ปู่น้ำ"},
		// Khmer
		{"km split oe", "km", "ដ\u17C1\u17B8ម", "km-split-vowel", "ដើម"},
		{"km split oo", "km", "ក\u17C1\u17B6ង", "km-split-vowel", "កោង"},
		{"km coeng ro before other subscript", "km", "ស\u17D2\u179A\u17D2\u178Fី", "km-coeng-ro-order", "ស្ត្រី"},
		{"km good coeng ro last", "km", "ស្ត្រី", "", "ស្ត្រី"},
		{"km vowel before coeng", "km", "ក\u17B6\u17D2\u179A", "km-vowel-before-coeng", "ក្រា"},
		{"km vowel before coeng ro", "km", "ប\u17C1\u17D2\u179A\u17C0", "km-vowel-before-coeng", "ប្រេៀ"},
		{"km doubled vowel", "km", "ក\u17B6\u17B6រ", "km-double-mark", "ការ"},
		{"km doubled sign", "km", "ស\u17C6\u17C6", "km-double-mark", "សំ"},
		{"km deprecated 17A3", "km", "\u17A3", "km-deprecated", "អ"},
		{"km deprecated 17A4", "km", "\u17A4", "km-deprecated", "អា"},
		{"km deprecated 17B4", "km", "ក\u17B4", "km-deprecated", "ក"},
		{"km deprecated 17B5", "km", "ក\u17B5", "km-deprecated", "ក"},
		{"km deprecated 17D8", "km", "ផ្សេងៗ\u17D8", "km-deprecated", "ផ្សេងៗ។ល។"},
		{"km orphan", "km", " \u17B6", "km-orphan-mark", " "},
		{"km stray coeng before a space", "km", "ឯកសារ\u17D2 សង្ខេប", "km-stray-coeng", "ឯកសារ សង្ខេប"},
		{"km stray coeng at the end", "km", "សង្ខេប\u17D2", "km-stray-coeng", "សង្ខេប"},
		// Burmese
		{"my medial order wa-ya", "my", "က\u103D\u103Bန်", "my-medial-order", "ကျွန်"},
		{"my asat before aa (Zawgyi ya)", "my", "အလုပ်သမား မ\u103A\u102Cး", "my-asat-order", "အလုပ်သမား များ"},
		{"my asat before u (ကျွန်ုပ်)", "my", "ကျွန\u103A\u102Fပ်", "", "ကျွန\u103A\u102Fပ်"},
		{"my medial order ha-ra", "my", "မ\u103E\u103Cင့်", "my-medial-order", "မြှင့်"},
		{"my e before consonant", "my", "ရှင် \u1031ပး", "my-e-before-consonant", "ရှင် ပေး"},
		{"my e before consonant with medial", "my", "သူ \u1031ပ\u103Cာ ရှိ", "my-e-before-consonant", "သူ ပြော ရှိ"},
		{"my ra before consonant", "my", "\u103Cမန်မာ", "my-ra-before-consonant", "မြန်မာ"},
		{"my asat dot", "my", "င\u103A\u1037", "my-asat-dot-order", "င့်"},
		{"my doubled dot", "my", "ပို\u1037\u1037", "my-double-mark", "ပို့"},
		{"my doubled medial", "my", "ရ\u103D\u103Dေ", "my-double-mark", "ရွေ"},
		{"my anusvara before u", "my", "လ\u1036\u102F", "my-mark-order", "လုံ"},
		{"my u before i", "my", "က\u102F\u102D", "my-mark-order", "ကို"},
		{"my vowel before medial", "my", "က\u102D\u103Bး", "my-mark-order", "ကျိး"},
		{"my contraction is fine", "my", "ကျွန်ုပ်", "", "ကျွန်ုပ်"},
		{"my kinzi is fine", "my", "သင်္ဘော", "", "သင်္ဘော"},
		{"my zawgyi", "my", "ေက်ာင္းသားမ်ား", "my-zawgyi", "ကျောင်းသားများ"},
		// Vietnamese and NFC
		{"vi decomposed", "vi", "Vie\u0323\u0302t Nam", "not-nfc", "Việt Nam"},
		{"vi decomposed tone", "vi", "ngu\u031Bo\u031B\u0300i", "not-nfc", "người"},
		{"vi nfc", "vi", "Việt Nam", "", "Việt Nam"},
		{"en decomposed", "en", "cafe\u0301", "not-nfc", "café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Check(tt.lang, tt.in)
			if tt.code == "" {
				if len(fs) != 0 {
					t.Errorf("Check(%q) = %+v, want none", tt.in, fs)
				}
			} else if len(fs) != 1 || fs[0].Code != tt.code {
				t.Errorf("Check(%q) = %+v, want one %s", tt.in, fs, tt.code)
			} else {
				f := fs[0]
				if f.Offset < 0 || f.Offset+f.Len > len(tt.in) || f.Msg == "" {
					t.Errorf("bad finding %+v for %q", f, tt.in)
				}
				// Applying the one finding by hand gives Fix's result.
				manual := norm.NFC.String(tt.in[:f.Offset] + f.Fix + tt.in[f.Offset+f.Len:])
				if manual != tt.fix {
					t.Errorf("applying %+v to %q gives %q %U, want %q %U", f, tt.in, manual, []rune(manual), tt.fix, []rune(tt.fix))
				}
			}
			got := Fix(tt.lang, tt.in)
			if got != tt.fix {
				t.Errorf("Fix(%q) = %q %U, want %q %U", tt.in, got, []rune(got), tt.fix, []rune(tt.fix))
			}
			if fs := Check(tt.lang, got); len(fs) != 0 {
				t.Errorf("Check(Fix(%q)) = %+v, want none", tt.in, fs)
			}
		})
	}
}

// TestSurvivesNFC shows that the script rules find errors that NFC leaves.
func TestSurvivesNFC(t *testing.T) {
	for _, tt := range []struct{ lang, s string }{
		{"th", "น\u0E4D\u0E32"},
		{"th", "ท\u0E48\u0E35"},
		{"km", "ដ\u17C1\u17B8ម"},
		{"km", "ស\u17D2\u179A\u17D2\u178F"},
		{"my", "က\u103D\u103B"},
		{"my", "ရှင် \u1031ပ"},
	} {
		if !norm.NFC.IsNormalString(tt.s) {
			t.Errorf("%q is not NFC; the test wants NFC input", tt.s)
		}
		if len(Check(tt.lang, tt.s)) == 0 {
			t.Errorf("Check(%q, %q) found nothing", tt.lang, tt.s)
		}
	}
}

func TestOffsetsInLongText(t *testing.T) {
	s := "Workers: ពលករ ដ\u17C1\u17B8ម and น\u0E33\u0E49 and ရှင် \u1031ပး."
	fs := Check("en", s)
	if len(fs) != 3 {
		t.Fatalf("got %+v, want 3 findings", fs)
	}
	want := []string{"ដ\u17C1\u17B8", "น\u0E33\u0E49", "\u1031ပး"}
	for k, f := range fs {
		if got := s[f.Offset : f.Offset+f.Len]; got != want[k] {
			t.Errorf("finding %d covers %q, want %q", k, got, want[k])
		}
	}
	if got := Fix("en", s); got != "Workers: ពលករ ដើម and น้ำ and ရှင် ပေး." {
		t.Errorf("Fix = %q", got)
	}
}

func TestInvalidUTF8(t *testing.T) {
	s := "ค\xff\u0E48\u0E48 \xfe\u17B6 ok"
	fs := Check("th", s)
	for _, f := range fs {
		if f.Offset < 0 || f.Len < 0 || f.Offset+f.Len > len(s) {
			t.Errorf("bad span %+v", f)
		}
	}
	_ = Fix("th", s)
}

func FuzzCheck(f *testing.F) {
	for _, ss := range good {
		for _, s := range ss {
			f.Add("my", s)
		}
	}
	for _, s := range []string{"น\u0E4D\u0E49\u0E32", "ស\u17D2\u179A\u17D2\u178Fី", "\u1031ပ\u103Cာ", "\xff\u0E48", "ေက်ာင္း", "e\u0301\u0323", "\u17D2", "\u1039"} {
		f.Add("th", s)
	}
	f.Fuzz(func(t *testing.T, lang, s string) {
		fs := Check(lang, s)
		last := 0
		for _, fd := range fs {
			if fd.Offset < last || fd.Len < 0 || fd.Offset+fd.Len > len(s) {
				t.Fatalf("Check(%q): bad or overlapping span %+v", s, fd)
			}
			if fd.Code == "" || fd.Msg == "" {
				t.Fatalf("Check(%q): finding without code or message %+v", s, fd)
			}
			last = fd.Offset + fd.Len
		}
		out := Fix(lang, s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Fix(%q) = %q is not valid UTF-8", s, out)
		}
		if utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) && !norm.NFC.IsNormalString(out) {
			t.Fatalf("Fix(%q) = %q is not NFC", s, out)
		}
	})
}

// TestBurmeseFixtures checks the 43 Unicode Burmese sentences of the zawgyi
// package: well-formed text must produce no findings, and their Zawgyi
// versions must be reported as my-zawgyi with the Unicode text as the fix.
func TestBurmeseFixtures(t *testing.T) {
	read := func(name string) []string {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSpace(string(b)), "\n")
	}
	uni := read("../zawgyi/testdata/unicode.txt")
	zg := read("../zawgyi/testdata/zawgyi.txt")
	if len(uni) != len(zg) || len(uni) < 40 {
		t.Fatalf("fixtures: %d and %d lines", len(uni), len(zg))
	}
	for i := range uni {
		if fs := Check("my", uni[i]); len(fs) != 0 {
			t.Errorf("line %d: %q: %+v", i+1, uni[i], fs)
		}
		fs := Check("my", zg[i])
		if len(fs) != 1 || fs[0].Code != "my-zawgyi" || fs[0].Fix != uni[i] {
			t.Errorf("line %d: Zawgyi %q: %+v", i+1, zg[i], fs)
		}
	}
}
