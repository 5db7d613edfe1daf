package layout

import (
	"math"
	"testing"
)

// TestJustifyCapsWordBoundaries: a justified line widens a word boundary
// that has no space (Thai, Khmer, Burmese) by at most twice its stretch; the
// rest of the slack goes to the spaces, or, with none, stays at the end
// of the line rather than open the boundaries to the width of a space.
func TestJustifyCapsWordBoundaries(t *testing.T) {
	boundary := piece{g0: 0, g1: 1, width: 10, stretch: 1}
	space := piece{g0: 1, g1: 2, width: 10, spaceW: 3, stretch: 1.8}
	end := piece{g0: 2, g1: 3, width: 10}
	for _, tc := range []struct {
		name   string
		pieces []piece
		want   []float64 // extra advance of each piece's last glyph
	}{
		{"a space takes the rest", []piece{boundary, space, end}, []float64{2, 18, 0}},
		{"no space: the line stays short", []piece{boundary, {g0: 1, g1: 2, width: 10, stretch: 1}, end}, []float64{2, 2, 0}},
		{"within the stretch: even", []piece{boundary, space, end}, nil},
	} {
		p := &paragraph{pieces: tc.pieces}
		measure := 30 + 3 + 20.0
		if tc.want == nil {
			measure = 30 + 3 + 1.4 // half the total stretch
		}
		extra := make([]float64, 3)
		p.justify(0, 2, measure, extra, 0)
		want := tc.want
		if want == nil {
			want = []float64{0.5, 0.9, 0}
		}
		for i := range want {
			if math.Abs(extra[i]-want[i]) > 1e-9 {
				t.Errorf("%s: extra %v, want %v", tc.name, extra, want)
				break
			}
		}
	}
}
