package check

import "testing"

// TestFindLatinTermVariants checks that case, doubled spaces, no-break
// spaces and hyphens do not hide a term to avoid, and that the offset
// points at the raw text.
func TestFindLatinTermVariants(t *testing.T) {
	for _, s := range []string{"the illegal migrant", "the Illegal  Migrants", "the illegal\u00a0migrant", "the ILLEGAL-migrant"} {
		off, ok := findTerm(s, "illegal migrant")
		if !ok || off != 4 {
			t.Errorf("%q: found %v at %d, want 4", s, ok, off)
		}
	}
	if _, ok := findTerm("legal migrants", "illegal migrant"); ok {
		t.Error("found a term that is not there")
	}
}
