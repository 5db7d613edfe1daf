package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/text"
)

// checkBlank reports a form that is only white space and invisible
// characters (a ZERO WIDTH SPACE, a soft hyphen, a line separator): in
// English, and in a translation where the English has text. It counts as translated, so
// coverage says 100 %, and the PDF leaves the heading or paragraph out
// without a word. An empty form is a missing translation, which check
// reports as such.
func (c *checker) checkBlank(m, en *catalog.Message) {
	eachForm(m, func(form, s string) {
		if s == "" || !blank(s) {
			return
		}
		if m.Lang == "en" {
			c.add(diag.Errorf(c.textPos(m, form, 0), CodeBlank, "write the text, or delete the message and its block",
				"%s form of the English %q has no visible text (%s): every edition would print nothing there", form, m.ID, invisibles(s)))
			return
		}
		if src := en.Forms[form]; blank(src) && (src != "" || blank(en.Other())) {
			return // blank in English too: reported there
		}
		c.add(diag.Errorf(c.textPos(m, form, 0), CodeBlank,
			"translate it, or delete the form to leave the message untranslated",
			"%s form of %q has no visible text (%s)", form, m.ID, invisibles(s)))
	})
}

// blankMessage reports whether every form of m is blank.
func blankMessage(m *catalog.Message) bool {
	for _, s := range m.Forms {
		if !blank(s) {
			return false
		}
	}
	return true
}

// blank is text.Blank, which build applies too.
func blank(s string) bool { return text.Blank(s) }

// invisibles lists the code points of a blank text, for the message:
// the text itself shows nothing.
func invisibles(s string) string {
	var cps []string
	for _, r := range s {
		cp := fmt.Sprintf("U+%04X", r)
		if !slices.Contains(cps, cp) {
			cps = append(cps, cp)
		}
	}
	return strings.Join(cps, ", ")
}
