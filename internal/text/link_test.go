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

// TestBracketsThatAreText: a citation or an editor's note in brackets is
// text, as CommonMark reads it, and does not swallow a link after it; a
// link with a space before its address, or never closed, is an error.
func TestBracketsThatAreText(t *testing.T) {
	for _, c := range []struct{ in, text, link string }{
		{"as the report says [2].", "as the report says [2].", ""},
		{"they [sic] wrote", "they [sic] wrote", ""},
		{"see [2] and [the report](https://example.org)", "see [2] and the report", "https://example.org"},
		{"ILO [^1]", "ILO [^1]", ""},
		{"12 per cent [2] (ILO, 2019).", "12 per cent [2] (ILO, 2019).", ""},
		{"Download [the report [PDF]](https://example.org/r.pdf) here.", "Download the report [PDF] here.", "https://example.org/r.pdf"},
		{`[the report \[draft\]](https://x.org/r)`, "the report [draft]", "https://x.org/r"},
		{"12 per cent [2] (see https://ilo.org).", "12 per cent [2] (see https://ilo.org).", "https://ilo.org"},
	} {
		spans, err := ParseInline(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		var text, link string
		for _, sp := range spans {
			text += sp.Text
			if sp.Link != "" {
				link = sp.Link
			}
		}
		if text != c.text || link != c.link {
			t.Errorf("%q reads %q linking %q, want %q linking %q", c.in, text, link, c.text, c.link)
		}
	}
	for _, bad := range []string{"see [the report] (https://example.org)", "see [the report](https://example.org", "see [the report"} {
		if _, err := ParseInline(bad); err == nil {
			t.Errorf("%q parsed: a broken link must be an error", bad)
		}
	}
}
