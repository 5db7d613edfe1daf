package shape

import (
	"testing"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/text"
)

// TestThaiToneMarksClearUpperVowels shapes words whose tone mark stands
// over an upper vowel in every face Thai and Lao text can be set in (the
// families embedded for the script, both weights), and checks that each
// mark drawn over another above the letters clears it: the upper mark's
// ink starts at most 0.05 em below the top of the mark under it. Noto
// Looped Thai and Lao 1.00 (Debian's fonts-noto-core, 2020) lower the tone mark
// onto the vowel, so that ที่ and ขึ้น read as ที and ขึน; HarfBuzz's own
// hb-view draws them the same way, so the fault is the font's.
func TestThaiToneMarksClearUpperVowels(t *testing.T) {
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, script := range []struct {
		script language.Script
		lang   string
		words  []string
	}{
		{language.Thai, "th", []string{"ที่", "ขึ้น", "ถิ่น", "นั่น", "เกี่ยว", "ชื่อ", "ดื้อ", "ปี๊บ", "จั๊ก"}},
		{language.Lao, "lo", []string{"ທີ່", "ເບິ່ງ", "ຂຶ້ນ", "ນັ້ນ", "ເຄື່ອນ"}},
	} {
		testMarksClear(t, set, script.script, script.lang, script.words)
	}
}

func testMarksClear(t *testing.T, set *fonts.Set, script language.Script, lang string, words []string) {
	for _, family := range fonts.Families(script) {
		faces := set.WithFamily(script, family)
		for _, style := range []fonts.Style{fonts.Regular, fonts.Bold} {
			for _, w := range words {
				runs := text.Itemize(w, 0, len(w), lang, style, faces)
				var sh Shaper
				gs := sh.Shape(w, runs[0])
				for i := 1; i < len(gs); i++ {
					lower, upper := gs[i-1], gs[i]
					if lower.Advance != 0 || upper.Advance != 0 || lower.Bottom < 0.3 {
						continue // not two marks stacked above the letters
					}
					if upper.Bottom < lower.Top-0.05 {
						t.Errorf("%s, %s: the mark over the upper vowel starts at %.3f em, %.3f em into the vowel below (top %.3f)",
							runs[0].Face.Name, w, upper.Bottom, lower.Top-upper.Bottom, lower.Top)
					}
				}
			}
		}
	}
}
