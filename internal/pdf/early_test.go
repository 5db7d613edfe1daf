package pdf

import (
	"bytes"
	"slices"
	"testing"
)

// TestEarlyProgramsAreTheDrawnOnes checks that startPrograms finds, for
// every font the pages draw with, the glyph set drawing records, so that
// each font takes the program made early; and that a glyph set that
// differs (a font drawn with one glyph more) is refused and made afresh.
func TestEarlyProgramsAreTheDrawnOnes(t *testing.T) {
	doc := sampleDoc(t)
	w := newObjWriter()
	defer w.aside.wait()
	early := startPrograms(w, doc)
	fonts, images := newFontSet(), newImageSet()
	for i := range doc.Pages {
		if err := writePage(w, &doc.Pages[i], i, w.alloc(), w.alloc(), fonts, images, nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(fonts.order) == 0 || len(early) != len(fonts.order) {
		t.Fatalf("%d early programs for %d fonts", len(early), len(fonts.order))
	}
	for _, f := range fonts.order {
		e := early[f.program()]
		gids := f.sortedGlyphs()
		z, n, ok := e.program(gids)
		if !ok {
			t.Errorf("%s: the early program was not taken", f.face.Name)
			continue
		}
		prog, err := f.tt.Subset(gids)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := w.compressor()(prog)
		if !bytes.Equal(z, want) || n != len(prog) {
			t.Errorf("%s: the early program is not the subset of the drawn glyphs", f.face.Name)
		}
		more := append(slices.Clone(gids), gids[len(gids)-1]+1)
		if _, _, ok := e.program(more); ok {
			t.Errorf("%s: an early program was taken for another glyph set", f.face.Name)
		}
	}
}
