package layout

import (
	"strings"
	"testing"
)

// TestSoftHyphenBreaksWithAHyphen: an English word too long for its line
// breaks at one of its soft hyphens, with a hyphen drawn at the line's end
// (the glyph of U+2010, whose text is still the soft hyphen, so that the
// word copies as written), not between two letters with no hyphen and a
// warning; a Khmer soft hyphen never ends a line.
func TestSoftHyphenBreaksWithAHyphen(t *testing.T) {
	e := engine(t)
	word := strings.Join([]string{"Extra", "ordinarily", "long", "soft", "hyphenated", "word", "that", "needs", "to",
		"break", "somewhere", "soon", "enough", "because", "it", "is", "too", "long", "for", "the", "measure"}, "\u00AD")
	out, ds, err := e.Layout(doc("en", para("A "+word+" really.")))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 0 {
		t.Errorf("diagnostics %v, want none: the soft hyphens give the word its breaks", ds)
	}
	gid, ok := out.Pages[0].Runs[0].Face.Font.NominalGlyph('\u2010')
	if !ok {
		t.Fatal("Noto Sans has no U+2010")
	}
	hyphen := uint16(gid)
	ends := 0
	var lines []string
	for _, r := range out.Pages[0].Runs {
		if r.Role != "P" || len(r.Glyphs) == 0 {
			continue
		}
		last := r.Glyphs[len(r.Glyphs)-1]
		at := r.Text[last.Cluster:]
		if strings.HasPrefix(at, "\u00AD") {
			if last.ID != hyphen || last.XAdvance <= 0 {
				t.Errorf("a line ends at a soft hyphen drawn as glyph %d, advance %.2f; want the hyphen %d", last.ID, last.XAdvance, hyphen)
			}
			ends++
		}
		lines = append(lines, r.Text)
	}
	if ends == 0 {
		t.Fatalf("no line ends at a soft hyphen:\n%s", strings.Join(lines, "\n"))
	}

	km := "ស្ត្រី\u00ADកម្មករ"
	for _, b := range (&setter{breaker: e.Breaker}).breaks(km) {
		if b.hyphen || strings.HasSuffix(km[:b.pos], "\u00AD") {
			t.Errorf("a Khmer line may end at its soft hyphen (%+v)", b)
		}
	}
}
