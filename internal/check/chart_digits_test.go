package check

import (
	"testing"

	"github.com/mekong-briefs/briefs/internal/source"
)

// TestChartDigitsAsPrinted: chart-digits compares the labels the PDF
// prints (source.ChartSpec.Digits): as whole numbers 2.5 prints as 3
// (half away from zero), so 2.5 and 3 look alike and 2.5 and 2 do not;
// -0.4 and 0 both print as 0.
func TestChartDigitsAsPrinted(t *testing.T) {
	for _, tc := range []struct {
		values []float64
		warn   bool
	}{
		{[]float64{2.5, 3}, true},
		{[]float64{2.5, 2}, false},
		{[]float64{-0.4, 0}, true},
		{[]float64{1, 2}, false},
	} {
		c := &checker{}
		c.checkChartDigits(source.Block{Chart: &source.ChartSpec{Format: "integer"}}, [][]float64{tc.values})
		if got := len(c.out) > 0; got != tc.warn {
			t.Errorf("integer values %v: warned %v, want %v (%v)", tc.values, got, tc.warn, c.out)
		}
	}
}
