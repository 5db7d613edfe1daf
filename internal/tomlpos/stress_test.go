package tomlpos

import (
	"runtime"
	"strings"
	"testing"
)

// stressInputs are pathological inputs of size n: deep nesting, long
// dotted keys, many headers, unclosed strings.
func stressInputs(n int) []string {
	r := strings.Repeat
	return []string{r("[[", n), r("{", n), r("a.", n), r("[a.", n), "[[" + r("a.", n) + "]]",
		r(`"""`, n), r("a=[", n), r("[a]\n", n), r("x = [1,\n", n),
		r(`\"""`, n), "a = \"\"\"" + r(`\"`, n), r("[[a]]\n", n), r("a.b.c.d.e = 1\n", n/4)}
}

// allocated returns the bytes Parse allocates for s: a count the machine's
// load does not change, unlike time.
func allocated(s string) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Parse([]byte(s))
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestStress checks that pathological input costs linear memory: four
// times the input allocates at most eight times as much (a quadratic
// path, such as a key path joined again at each level, allocates sixteen
// times). Speed is BenchmarkStress's to measure.
func TestStress(t *testing.T) {
	small, large := stressInputs(5000), stressInputs(20000)
	for i := range small {
		a, b := allocated(small[i]), allocated(large[i])
		if b > 8*max(a, 4096) {
			t.Errorf("%q...: %d bytes for 5,000 repeats, %d for 20,000", small[i][:10], a, b)
		}
	}
}

func BenchmarkStress(b *testing.B) {
	for _, s := range stressInputs(20000) {
		b.Run(strings.NewReplacer("\n", `\n`, `"`, "q").Replace(s[:6]), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse([]byte(s))
			}
		})
	}
}
