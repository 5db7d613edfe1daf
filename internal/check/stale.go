package check

import (
	"fmt"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// checkStale compares a translation's hash with go-i18n's hash of the
// current English (Message.SourceHash: go-i18n's SHA-1 of description and
// "other", and for plural messages the other forms too). A
// different hash means the English changed after the translation was
// made. A translation without a hash cannot be judged, so it is reported
// too: tools such as Poedit may drop the field, and `briefs sync --accept`
// stamps it back once someone has compared the texts.
func (c *checker) checkStale(m, en *catalog.Message) {
	if m.Hash == "" {
		c.add(diag.Warnf(m.Pos, CodeNoHash,
			fmt.Sprintf("compare it with the English, then run briefs sync --accept --lang %s --id %s to record the hash", m.Lang, m.ID),
			"translation of %q has no hash, so whether it is stale cannot be told", m.ID))
		return
	}
	want := en.SourceHash()
	if m.Hash == want {
		return
	}
	d := diag.Warnf(catalog.FieldPos(c.fileLines(m.Pos.File), m.Pos, "hash"), CodeStale,
		fmt.Sprintf("update the translation, then run briefs sync --accept --lang %s --id %s", m.Lang, m.ID),
		"translation of %q was made from older English; the English at %s is now %q", m.ID, en.Pos, clip(en.Other(), 80))
	if c.opts.Strict {
		d.Severity = diag.Error
	}
	c.add(d)
}

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
