package tomlpos

import (
	"strings"
	"testing"
	"time"
)

// TestStress checks that pathological input costs linear time.
func TestStress(t *testing.T) {
	for _, s := range []string{strings.Repeat("[[", 20000), strings.Repeat("{", 20000), strings.Repeat("a.", 20000), strings.Repeat("[a.", 20000), "[[" + strings.Repeat("a.", 20000) + "]]",
		strings.Repeat(`"""`, 20000), strings.Repeat("a=[", 20000), strings.Repeat("[a]\n", 20000), strings.Repeat("x = [1,\n", 20000),
		strings.Repeat(`\"""`, 20000), "a = \"\"\"" + strings.Repeat(`\"`, 20000), strings.Repeat("[[a]]\n", 20000), strings.Repeat("a.b.c.d.e = 1\n", 5000)} {
		st := time.Now()
		Parse([]byte(s))
		if d := time.Since(st); d > 200*time.Millisecond {
			t.Errorf("%q...: %v", s[:10], d)
		}
	}
}
