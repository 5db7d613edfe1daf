package press

import (
	"fmt"
	"testing"
)

// TestSharesAreEven: the PDFs of 300 briefs in one edition and language
// fall into every share of 2, 3 and 4 in about equal parts. With FNV-1a
// every one of them fell into one share of 2: the brief's ID is written
// twice in a path, and FNV's lowest bit is the parity of the bytes'.
func TestSharesAreEven(t *testing.T) {
	const briefs = 300
	for _, n := range []int{2, 3, 4} {
		counts := make([]int, n)
		for b := 0; b < briefs; b++ {
			id := fmt.Sprintf("brief-%d", b)
			path := id + "/" + id + ".region.en.pdf"
			held := 0
			for k := 1; k <= n; k++ {
				if (Shard{K: k, N: n}).Holds(path) {
					counts[k-1]++
					held++
				}
			}
			if held != 1 {
				t.Fatalf("%s is in %d shares of %d, want one", path, held, n)
			}
		}
		for k, c := range counts {
			if want := briefs / n; c < want*2/3 || c > want*4/3 {
				t.Errorf("share %d/%d holds %d of %d PDFs, want about %d", k+1, n, c, briefs, want)
			}
		}
	}
}
