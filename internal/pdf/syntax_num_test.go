package pdf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestAppendNumMatchesNum checks that the content stream's appending
// formatter writes exactly the bytes the fmt-based writer did
// (fmt.Sprintf("%s", num(v, prec))), on edge values and random ones.
func TestAppendNumMatchesNum(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 0.0005, -0.0005, 0.00049999, -0.00049999,
		0.0015, 0.0025, 1.0005, 2.675, -2.675, 0.125, 0.005, -0.005, 0.0049999, 1e-9, -1e-9,
		1e15, -1e15, 123456789.123456, 9.9995, 9.99949999, 0.1 + 0.2, 841.8897637795275, 595.2755905511812,
		math.MaxInt32, -math.MaxInt32, 1e21, 5e-324, math.SmallestNonzeroFloat64}
	r := rand.New(rand.NewPCG(1, 17))
	for range 20000 {
		vals = append(vals, (r.Float64()-0.5)*2000, (r.Float64()-0.5)*2, math.Round(r.Float64()*1e6)/1e6+0.0005,
			float64(r.IntN(200000)-100000)/1000+0.0005, -float64(r.IntN(200000))/200)
	}
	for _, v := range vals {
		for _, prec := range []int{0, 1, 2, 3, 4} {
			want := fmt.Sprintf("%s", num(v, prec))
			if got := string(appendNum([]byte("x"), v, prec)); got != "x"+want {
				t.Fatalf("appendNum(%v, %d) = %q, want %q", v, prec, got[1:], want)
			}
		}
	}
}

// TestAppendHex4 checks the glyph-code formatter against "%04X".
func TestAppendHex4(t *testing.T) {
	for v := 0; v <= 0xFFFF; v++ {
		if got, want := string(appendHex4(nil, uint16(v))), fmt.Sprintf("%04X", v); got != want {
			t.Fatalf("appendHex4(%d) = %q, want %q", v, got, want)
		}
	}
}
