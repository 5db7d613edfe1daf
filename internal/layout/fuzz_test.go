package layout

import (
	"testing"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/shape"
)

// FuzzLayout sets arbitrary text in every language: layout must never
// panic, and every run it draws stays inside the frame. Text a face
// cannot draw is an error, which is fine.
func FuzzLayout(f *testing.F) {
	for _, s := range sampleText {
		f.Add(s)
	}
	f.Add("\u17d2\u17d2ក\u200b\u200b ់ \u0e33\u0e48 ျြ  ")
	set, err := fonts.Load()
	if err != nil {
		f.Fatal(err)
	}
	e := &Engine{Fonts: set, Shaper: &shape.Shaper{}, Breaker: linebreak.New()}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 4000 {
			return
		}
		for _, lang := range []string{"km", "my", "th", "vi", "en"} {
			for _, justify := range []bool{false, true} {
				e.Justify = justify
				out, _, err := e.Layout(doc(lang, para(s)))
				if err != nil {
					continue
				}
				for _, pg := range out.Pages {
					for _, r := range pg.Runs {
						if r.X < marginX-0.01 || r.X+runWidth(r) > pageWidth-marginX+0.01 || r.Y > pageHeight {
							t.Fatalf("%s: run %q at x %.1f..%.1f y %.1f leaves the frame", lang, r.Text, r.X, r.X+runWidth(r), r.Y)
						}
					}
				}
			}
		}
	})
}
