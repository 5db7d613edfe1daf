package check

import (
	"fmt"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/orthography"
)

// checkOrthography reports spelling-order mistakes that survive NFC:
// Thai decomposed SARA AM and misordered marks, Khmer split vowels and
// coeng order, Burmese medial order (package orthography, DESIGN.md fact
// 6). Not-NFC text and Zawgyi have codes of their own here, so the
// package's findings for them are left out.
func (c *checker) checkOrthography(m *catalog.Message, form, s string) {
	for _, f := range orthography.Check(m.Lang, s) {
		if f.Code == "not-nfc" || f.Code == "my-zawgyi" {
			continue
		}
		hint := fmt.Sprintf("write %q (%s)", f.Fix, codePoints(f.Fix))
		if f.Fix == "" {
			hint = "delete it"
		}
		c.add(diag.Errorf(c.textPos(m, form, f.Offset), CodeOrthography, hint,
			"%s: %s in %q (%s)", f.Code, f.Msg, s[f.Offset:f.Offset+f.Len], codePoints(s[f.Offset:f.Offset+f.Len])))
	}
}
