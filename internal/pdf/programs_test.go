package pdf

import (
	"bytes"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
)

// TestProgramsShareParsesAndSubsets: two documents' resources of one font
// program share its parsed tables, and a glyph set subset again comes
// back with the bytes Subset makes, another glyph set with its own.
func TestProgramsShareParsesAndSubsets(t *testing.T) {
	run := shapeRun(t, "en", "Subsets", fonts.Regular, 11, 0, 0)
	var w objWriter
	a, err := newFontSet().use(&w, run.Face)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newFontSet().use(&w, run.Face)
	if err != nil {
		t.Fatal(err)
	}
	if a.tt != b.tt {
		t.Error("one font program parsed twice")
	}
	for _, gids := range [][]uint16{{3, 4, 5}, {3, 4, 5}, {3, 4, 6}} {
		want, err := a.tt.Subset(gids)
		if err != nil {
			t.Fatal(err)
		}
		got, err := b.subset(gids)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("glyphs %v: %d bytes, %v; Subset makes %d", gids, len(got), err, len(want))
		}
	}
}
