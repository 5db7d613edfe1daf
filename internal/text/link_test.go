package text

import "testing"

// TestLinksKeepParentheses checks that a URL with balanced parentheses
// survives in [text](uri) and bare, while prose punctuation and an
// unopened parenthesis after a bare URL stay out of it.
func TestLinksKeepParentheses(t *testing.T) {
	for in, want := range map[string]string{
		"[w](https://en.wikipedia.org/wiki/Mekong_(river))":   "https://en.wikipedia.org/wiki/Mekong_(river)",
		"see https://en.wikipedia.org/wiki/Tonle_Sap_(lake).": "https://en.wikipedia.org/wiki/Tonle_Sap_(lake)",
		"(see https://example.org/a)":                         "https://example.org/a",
		"ទំព័រ https://example.org/km។":                       "https://example.org/km",
		"[x](https://example.org/q?a=(1)(2))":                 "https://example.org/q?a=(1)(2)",
		"mail a@example.org.":                                 "mailto:a@example.org",
	} {
		spans, err := ParseInline(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		got := ""
		for _, s := range spans {
			if s.Link != "" {
				got = s.Link
			}
		}
		if got != want {
			t.Errorf("%q: link %q, want %q", in, got, want)
		}
	}
}

func TestSafeLink(t *testing.T) {
	for uri, ok := range map[string]bool{
		"https://example.org": true, "HTTP://example.org": true, "mailto:a@example.org": true,
		"javascript:alert(1)": false, "file:///etc/passwd": false, "data:text/html,x": false,
		"https:": false, "//example.org": false, "relative/path": false, "mailto:": false, "vbscript:x": false,
	} {
		if SafeLink(uri) != ok {
			t.Errorf("SafeLink(%q) = %v", uri, !ok)
		}
	}
}
