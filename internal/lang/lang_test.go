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
// digits, decimals and groups whole; a number of a word that holds a Latin
// letter, an address or an e-mail, or that follows a word ending in a
// Latin letter, is a name or code and stays.
func TestNativeDigitsInText(t *testing.T) {
	for in, want := range map[string]string{
		"ឆ្នាំ2016 ដល់ 2019":                        "ឆ្នាំ២០១៦ ដល់ ២០១៩",
		"1,363.5 នាក់ (12%) 2017–2019":              "១,៣៦៣.៥ នាក់ (១២%) ២០១៧–២០១៩",
		"COVID-19 COVID\u201119 G20 5G":             "COVID-19 COVID\u201119 G20 5G",
		"ISO 9001:2015 ISO/IEC 27001 SDG 8 p.12":    "ISO 9001:2015 ISO/IEC 27001 SDG 8 p.12",
		"www.moh.gov.kh/2020 doi:10.1000/182 A-1-2": "www.moh.gov.kh/2020 doi:10.1000/182 A-1-2",
		"info2019@example.org ទូរស័ព្ទ +855 23 123": "info2019@example.org ទូរស័ព្ទ +៨៥៥ ២៣ ១២៣",
		"no digits": "no digits",
	} {
		if got := NativeDigitsInText("km", in); got != want {
			t.Errorf("NativeDigitsInText(km, %q) = %q, want %q", in, got, want)
		}
	}
	if got := NativeDigitsInPieces("km", []string{"**", "G", "**20 នៅ 2019"}); got[2] != "**20 នៅ ២០១៩" {
		t.Errorf("pieces: %q; want the word G20 kept across them", got)
	}
	if got := NativeDigitsInText("vi", "2016"); got != "2016" {
		t.Errorf("Vietnamese, with no digits of its own: %q", got)
	}
}
