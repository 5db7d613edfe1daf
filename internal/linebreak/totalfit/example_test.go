package totalfit_test

import (
	"fmt"

	"github.com/mekong-briefs/briefs/internal/linebreak/totalfit"
)

func ExampleBreak() {
	var items []totalfit.Item
	for i, w := range []float64{10, 20, 30, 10, 40, 10, 40} {
		if i > 0 {
			items = append(items, totalfit.JustifiedSpace(10, 5, 3)...)
		}
		items = append(items, totalfit.BoxItem(w))
	}
	items = totalfit.Finish(items)
	lines, ok := totalfit.Break(items, func(int) float64 { return 100 }, totalfit.DefaultParams())
	fmt.Println(ok)
	for _, ln := range lines {
		fmt.Printf("[%d,%d) width %.0f ratio %.2f\n", ln.Start, ln.End, ln.Width, ln.Ratio)
	}
	// Output:
	// true
	// [0,5) width 80 ratio 2.00
	// [6,11) width 80 ratio 2.00
	// [12,15) width 40 ratio 0.00
}
