package diag

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"description", "hash", "other", "one"}
	for word, want := range map[string]string{
		"ohter": "other", "descripton": "description", "hsah": "hash", "xyz": "", "other": "", "Other": "other",
	} {
		if got := Closest(word, keys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", word, got, want)
		}
	}
}
