package myanmar

import "testing"

// TestIsConsonant pins the table at its ends: the first and last letter of
// each range, and the code points just outside.
func TestIsConsonant(t *testing.T) {
	for r, want := range map[rune]bool{
		0x1000: true, 0x1021: true, 0x1022: true, 0x1023: false, 0x103A: false,
		0x1050: true, 0x1052: false, 0x105A: true, 0x105D: true, 0x105E: false,
		0x1061: true, 0x1062: false, 0x1075: true, 0x1081: true, 0x1082: false, 0x108E: true,
		0x1039: false, 'a': false, 0x1780: false,
	} {
		if got := IsConsonant(r); got != want {
			t.Errorf("IsConsonant(U+%04X) = %v, want %v", r, got, want)
		}
	}
}
