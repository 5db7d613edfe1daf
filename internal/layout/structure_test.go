package layout

import "testing"

// TestNumbering: numbers in any script's digits are Decimal, bullets
// Disc, anything else no attribute.
func TestNumbering(t *testing.T) {
	for want, labels := range map[string][]string{
		"Decimal": {"1.", "2.", "10."}, "Disc": {"•", "•"}, "": {"a.", "b."},
	} {
		if got := numbering(labels); got != want {
			t.Errorf("numbering(%q) = %q, want %q", labels, got, want)
		}
	}
	if got := numbering([]string{"១.", "២."}); got != "Decimal" {
		t.Errorf("Khmer digits: %q", got)
	}
}
