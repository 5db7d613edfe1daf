package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

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

// largeTermbase writes a termbase of n concepts into the sample fixture,
// the last of which avoids a word the English samples use.
func largeTermbase(tb testing.TB, n int) string {
	root := testkit.Samples(tb)
	var b strings.Builder
	for i := range n - 1 {
		fmt.Fprintf(&b, "[[concept]]\nid = \"c%d\"\navoid.en = [\"zzq%d word\"]\navoid.km = [\"ក%dខ\"]\n", i, i, i)
	}
	b.WriteString("[[concept]]\nid = \"last\"\navoid.en = [\"Migrant WORKERS\"]\n")
	if err := os.WriteFile(filepath.Join(root, "locales", "terms.toml"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return root
}

// TestLargeTermbase: the terms of each language, prepared once, still
// find a term at the end of a termbase of thousands.
func TestLargeTermbase(t *testing.T) {
	r, err := Run(largeTermbase(t, 3000), Options{Langs: []string{"en"}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range r.Findings {
		if d.Code == CodeTerm && strings.Contains(d.Msg, "(last)") {
			n++
		}
	}
	if n == 0 {
		t.Error("the last concept of a large termbase was not matched")
	}
}

// BenchmarkLargeTermbase checks the samples against 5,000 concepts: a
// message used to be folded once per term (40,000 concepts took check
// 71 s; the terms of a language and each form are now prepared once).
func BenchmarkLargeTermbase(b *testing.B) {
	root := largeTermbase(b, 5000)
	for b.Loop() {
		if _, err := Run(root, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
