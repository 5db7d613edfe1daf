package totalfit

import (
	"math/rand"
	"testing"
)

// paragraph200 is a 200-word paragraph with English-like word widths at
// 10 pt (about 5 pt per character).
func paragraph200(space func() []Item) []Item {
	rng := rand.New(rand.NewSource(1))
	var items []Item
	for i := 0; i < 200; i++ {
		if i > 0 {
			items = append(items, space()...)
		}
		items = append(items, BoxItem(float64(5*(1+rng.Intn(10)))))
	}
	return Finish(items)
}

func BenchmarkBreak(b *testing.B) {
	cases := []struct {
		name  string
		space func() []Item
	}{
		{"justified", func() []Item { return JustifiedSpace(3.33, 1.67, 1.11) }},
		{"ragged", func() []Item { return RaggedBreak(3.33, 30) }},
		{"nospace", func() []Item { return NoSpaceBreak(0) }},
		{"fallback", func() []Item { return JustifiedSpace(3.33, 0, 0) }}, // all three passes
	}
	for _, c := range cases {
		items := paragraph200(c.space)
		lw := constWidth(300)
		p := DefaultParams()
		if c.name == "nospace" {
			p.Tolerance = 5 // see NoSpaceStretch
		}
		if _, ok := Break(items, lw, p); ok == (c.name == "fallback") {
			b.Fatalf("%s: unexpected ok", c.name)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Break(items, lw, p)
			}
		})
	}
}
