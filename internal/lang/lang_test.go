package lang

import "testing"

func TestFromTag(t *testing.T) {
	for tag, want := range map[string]string{"km": "km", "km_KH": "km", "th-TH": "th", "TH": "th", "my_MM.UTF-8": "my",
		"km-Khmr-KH": "km", "vi_VN@x": "vi", " en-US ": "en"} {
		if got, ok := FromTag(tag); !ok || got != want {
			t.Errorf("FromTag(%q) = %q %v, want %q", tag, got, ok, want)
		}
	}
	for _, tag := range []string{"", "khm", "zh-CN", "kh", "x-km"} {
		if got, ok := FromTag(tag); ok {
			t.Errorf("FromTag(%q) = %q, want none", tag, got)
		}
	}
}

// TestNativeDigitsInText: the numbers of a text take the language's
// digits, decimals and groups whole; a number touching a Latin letter,
// directly or across a hyphen, is a name or code and stays.
func TestNativeDigitsInText(t *testing.T) {
	for in, want := range map[string]string{
		"ឆ្នាំ2016 ដល់ 2019":     "ឆ្នាំ២០១៦ ដល់ ២០១៩",
		"1,363.5 នាក់":           "១,៣៦៣.៥ នាក់",
		"COVID-19 និង G20 នៅ 5G": "COVID-19 និង G20 នៅ 5G",
		"(12%)":                  "(១២%)",
		"no digits":              "no digits",
	} {
		if got := NativeDigitsInText("km", in); got != want {
			t.Errorf("NativeDigitsInText(km, %q) = %q, want %q", in, got, want)
		}
	}
	if got := NativeDigitsInText("vi", "2016"); got != "2016" {
		t.Errorf("Vietnamese, with no digits of its own: %q", got)
	}
}
