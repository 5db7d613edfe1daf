package zawgyi

import "testing"

// labels are short Zawgyi texts (headings, buttons, one-word menu items)
// with their Unicode spelling, from `uconv -x my-Zawgyi`. A label has
// little evidence: often a single syllable-final U+1039, Zawgyi's asat.
var labels = []struct {
	zawgyi, unicode, why string
}{
	// U+1039 not followed by a consonant (end of text, sign, space).
	{"ဆက္သြယ္ရန္", "ဆက်သွယ်ရန်", "contact: final virama"},
	{"အလုပ္", "အလုပ်", "work: final virama"},
	{"ကတ္", "ကတ်", "card: one syllable"},
	{"ပိတ္", "ပိတ်", "close"},
	{"ဖြင့္", "ဖွင့်", "open: virama after dot below"},
	{"ကမ္း", "ကမ်း", "shore: virama before visarga"},
	{"ကိုယ့္", "ကိုယ့်", "self"},
	{"ရွာေဖြရန္", "ရှာဖွေရန်", "search"},
	{"သိမ္းဆည္းရန္", "သိမ်းဆည်းရန်", "save"},
	{"ကိုယ္ပိုင္", "ကိုယ်ပိုင်", "own"},
	{"ဝန္ထမ္း", "ဝန်ထမ်း", "staff"},
	{"ရန္ကုန္", "ရန်ကုန်", "Yangon"},
	{"ပိုမိုသိရိွရန္", "ပိုမိုသိရှိရန်", "learn more"},
	{"အလုပ္ ILO", "အလုပ် ILO", "virama before a space"},
	{"အလုပ္။", "အလုပ်။", "virama before punctuation"},
	// U+1039 before ya, ra, wa, ha (Unicode writes medials) or after nga
	// without an asat (Unicode kinzi is င်္).
	{"ဆက္သြယ္ရန္လိပ္စာ", "ဆက်သွယ်ရန်လိပ်စာ", "contact address: ယ္ရ"},
	{"ဆိုင္ရာ", "ဆိုင်ရာ", "related: င္ရ"},
	{"ကင္မရာ", "ကင်မရာ", "camera: င္မ"},
	{"သင္တန္း", "သင်တန်း", "training: င္တ"},
	{"ဝင္ေငြ", "ဝင်ငွေ", "income: င္ before E"},
	// Stacks across the Pali rows (Zawgyi asat before the next
	// syllable), each medium evidence, with ya before a vowel sign.
	{"ခလုတ္မ်ား", "ခလုတ်များ", "buttons: တ္မ, မ်ာ"},
	{"ခ်ိတ္ဆက္ပါ", "ချိတ်ဆက်ပါ", "connect: တ္ဆ, က္ပ"},
	{"မွတ္ခ်က္မ်ား", "မှတ်ချက်များ", "notes: တ္ခ, က္မ"},
	{"အခ်က္မ်ား", "အချက်များ", "points: က္မ, ခ်ိ"},
	// Already caught before: Zawgyi-only code points, E or ra first.
	{"အႀကံျပဳခ်က္မ်ား", "အကြံပြုချက်များ", "recommendations: U+1080"},
	{"ေဒါင္းလုဒ္", "ဒေါင်းလုဒ်", "download: E first"},
}

// TestShortLabels: each Zawgyi label is detected, its Unicode spelling is
// not, and ToUnicode gives that spelling.
func TestShortLabels(t *testing.T) {
	for _, l := range labels {
		if p := Probability(l.zawgyi); !IsZawgyi(l.zawgyi) {
			t.Errorf("%s (%s): Probability(%q) = %.3f, want > %v", l.why, l.unicode, l.zawgyi, p, Threshold)
		}
		if p := Probability(l.unicode); p >= 0.05 {
			t.Errorf("%s: Probability(%q) = %.3f for the Unicode spelling, want < 0.05", l.why, l.unicode, p)
		}
		if got := ToUnicode(l.zawgyi); got != l.unicode {
			t.Errorf("%s: ToUnicode(%q) = %q, want %q", l.why, l.zawgyi, got, l.unicode)
		}
	}
}

// unicodeEdges are well-formed Unicode Burmese near the rules for U+1039
// and U+103A; none may read as Zawgyi.
var unicodeEdges = []struct{ in, why string }{
	{"သင်္ဘော", "kinzi"},
	{"င်္", "kinzi quoted alone"},
	{"ဗြဟ္မာ", "ha heads a stack"},
	{"လ္ဘက်ရည်", "la heads a stack across rows"},
	{"ပဒ္မာ", "Sanskrit loan: one stack across rows"},
	{"တန္ဆာ", "one stack across rows"},
	{"ကမ္ဘာ ကုမ္ပဏီ ဥက္ကဋ္ဌ ပစ္စည်း", "stacks within a row"},
	{"ကျွန်ုပ်", "contraction: asat before u"},
	{"ယောက်ျား", "asat before medial ya"},
	{"ယောက်္ျား", "asat, virama, medial ya"},
}

func TestUnicodeEdges(t *testing.T) {
	for _, e := range unicodeEdges {
		if p := Probability(e.in); IsZawgyi(e.in) || p > 0.5 {
			t.Errorf("%s: Probability(%q) = %.3f, want <= 0.5", e.why, e.in, p)
		}
	}
}
