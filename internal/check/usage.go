package check

import (
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// checkUsage evaluates every edition of the selected briefs in its
// source language (English, the one source language), as build
// does before it typesets (content.Evaluate), and reports what
// only a message's place in the brief shows: a variable the English text
// prints that its block does not give, such as {{.Towns}} in a
// paragraph, which gets no variables. build would fail on it in every
// language. The translations' variables are held to the English ones
// (checkTemplate), so the English is enough.
func (c *checker) checkUsage() {
	seen := map[string]bool{}
	for _, b := range c.briefs {
		if c.failed[b.ID] {
			continue // its errors are reported already
		}
		for _, ed := range b.Editions {
			_, ds := content.Evaluate(b, c.cat, ed.Country, b.SourceLang)
			for _, d := range ds {
				if d.Code != CodeTemplate || d.Severity != diag.Error {
					continue
				}
				if key := d.Pos.String() + "\x00" + d.Msg; !seen[key] {
					seen[key] = true
					c.add(d)
				}
			}
		}
	}
}
