package layout

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestChartLabelsMatchHarfBuzz shapes every Khmer, Burmese and Thai
// label of a chart with hb-shape, in the face the chart set it in, and
// compares the glyph IDs: the labels carry the shaper's glyphs (Khmer
// subscripts, Burmese medials, Thai marks), not the characters' cmap
// glyphs.
func TestChartLabelsMatchHarfBuzz(t *testing.T) {
	hb := testkit.Tool(t, "hb-shape", "libharfbuzz-bin")
	dir := t.TempDir()
	files := map[string]string{}
	for _, lang := range []string{"km", "my", "th"} {
		d, _ := drawChart(t, lang, testChart(lang, true, false, 1))
		checked := 0
		for _, l := range d.labels {
			for _, r := range l.ln.runs {
				txt := strings.TrimRight(r.Text, " ")
				if isLatin(txt) || txt == "" {
					continue
				}
				font, ok := files[r.Face.Name]
				if !ok {
					font = filepath.Join(dir, r.Face.Name+".ttf")
					if err := os.WriteFile(font, r.Face.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					files[r.Face.Name] = font
				}
				out, err := exec.Command(hb, "--no-glyph-names", "--no-positions", "--no-clusters", "--language="+lang, font, txt).Output()
				if err != nil {
					t.Fatalf("hb-shape %q: %v", txt, err)
				}
				if got, want := glyphList(r, len(txt)), strings.TrimSpace(string(out)); got != want {
					t.Errorf("%s: label %q in %s has glyphs %s, hb-shape gives %s", lang, txt, r.Face.Name, got, want)
				}
				checked++
			}
		}
		if checked == 0 {
			t.Errorf("%s: no label in the script to compare", lang)
		}
	}
}

// glyphList prints a run's glyph IDs before byte end in hb-shape's
// notation, [1|2|3].
func glyphList(r pages.GlyphRun, end int) string {
	var ids []string
	for _, g := range r.Glyphs {
		if g.Cluster < end {
			ids = append(ids, fmt.Sprint(g.ID))
		}
	}
	return "[" + strings.Join(ids, "|") + "]"
}
