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
