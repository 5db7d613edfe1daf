package linebreak

import "testing"

func TestTranslatorsMarks(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"ZWSP-segmented Khmer", "ការងារ\u200bនៅរោងចក្រ", "ការងារ\u200b|នៅរោងចក្រ!"},
		{"ZWSP next to Latin does not count", "ILO\u200bការងារនៅ", "ILO\u200b|ការងារ|នៅ!"},
		{"word joiner protects its whole word", "ទៅយ៉ាំង\u2060ហ្គោន", "ទៅ|យ៉ាំង\u2060ហ្គោន!"},
		{"ZWNJ stays inside its word", "ភាសា\u200cខ្មែរ", "ភាសា\u200cខ្មែរ!"},
		{"ZWJ stays inside its word", "ภาษา\u200dไทย", "ภาษา\u200dไทย!"},
		// UAX #14 (LB21, class BA) allows a break after a soft hyphen, which
		// layout discards; the dictionary reads through it.
		{"soft hyphen stays inside its word", "ภาษ\u00adาไทยดี", "ภาษ\u00adา|ไทย|ดี!"},
		{"a number keeps its unit", "កម្មករ 700 នាក់", "កម្មករ |700 នាក់!"},
		{"Burmese number and unit", "လူ ၇၀၀ ဦး", "လူ |၇၀၀ ဦး!"},
		{"a number before Latin is left to UAX 14", "700 people", "700 |people!"},
	}
	b := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(tt.text, b.Breaks(tt.text)); got != tt.want {
				t.Errorf("Breaks(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestWordJoinerJoinsTheWordsItTouches(t *testing.T) {
	b := New()
	// Without the joiner the dictionary reads ภาษา|ไทย|ดี; the joiner
	// between ไทย and ดี makes them one word, and ภาษา stays apart.
	text := "ภาษาไทย\u2060ดี"
	if got, want := render(text, b.Breaks(text)), "ภาษา|ไทย\u2060ดี!"; got != want {
		t.Errorf("Breaks(%q) = %s, want %s", text, got, want)
	}
}
