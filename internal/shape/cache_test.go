package shape

import (
	"reflect"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/text"
)

// TestCacheGivesTheSameGlyphs shapes a phrase twice at different offsets
// of a paragraph with one shaper, and once with a fresh shaper: the cached
// result must equal the fresh one, clusters moved to the new offset.
func TestCacheGivesTheSameGlyphs(t *testing.T) {
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	p := "ស្ត្រី ស្ត្រី"
	runs := text.Itemize(p, 0, len(p), "km", fonts.Regular, set)
	if len(runs) != 1 {
		t.Fatalf("runs = %v", runs)
	}
	first := runs[0]
	first.End = len("ស្ត្រី")
	second := first
	second.Start, second.End = len("ស្ត្រី "), len(p)

	var cached Shaper
	cached.Shape(p, first)
	got := cached.Shape(p, second)
	var fresh Shaper
	want := fresh.Shape(p, second)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cached %v\nfresh  %v", got, want)
	}
	if got[0].Cluster != second.Start {
		t.Errorf("first cluster %d, want %d", got[0].Cluster, second.Start)
	}
}
