package check

import (
	"fmt"
	"unicode"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// checkScript reports a translation written in another language's
// script: Thai text in the Khmer catalogue, a Burmese title pasted into
// the Thai one. Latin letters are allowed in every language (names,
// acronyms, units); letters of any other script than the language's own
// (its Script in the language table) are not. A form with none of its own
// letters is an error: it is another language's text, and the PDF would
// print it as this one's; so is one with more letters of another script
// than of its own (a Khmer title with "SEZ" in the Vietnamese catalogue).
// A form that mixes in a few is a warning: a quoted name, or a paste
// gone wrong.
func (c *checker) checkScript(m *catalog.Message) {
	row, ok := lang.Lookup(m.Lang)
	if !ok || m.Lang == "en" { // the source may quote a name in its own script
		return
	}
	eachForm(m, func(form, s string) {
		own, foreign, at := 0, 0, -1
		var first rune
		for i, r := range s {
			if !unicode.IsLetter(r) {
				continue
			}
			switch sc := language.LookupScript(r); sc {
			case row.Script:
				own++
			case language.Latin, language.Common, language.Inherited:
			default:
				if foreign == 0 {
					at, first = i, r
				}
				foreign++
			}
		}
		if foreign == 0 {
			return
		}
		pos, script := c.textPos(m, form, at), scriptName(first)
		if foreign > own {
			c.add(diag.Errorf(pos, CodeScript,
				fmt.Sprintf("translate it into %s, or move it to the catalogue of its language", row.Name),
				"%s form of %q is in the %s script: %d of its letters, against %d of %s", form, m.ID, script, foreign, own, row.Name))
			return
		}
		c.add(diag.Warnf(pos, CodeScript, "check the pasted text: keep the name or quote if it belongs there",
			"%s form of %q holds %d letter(s) of the %s script, the first at this column", form, m.ID, foreign, script))
	})
}

// scriptName is the Unicode name of r's script (Scripts.txt: "Thai",
// "Khmer", "Myanmar", "Han"); r lies in exactly one script table.
func scriptName(r rune) string {
	for name, t := range unicode.Scripts {
		if unicode.Is(t, r) {
			return name
		}
	}
	return "another"
}
