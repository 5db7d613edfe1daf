package catalog

import (
	"crypto/sha1"
	"fmt"
	"io"
)

// Hash is go-i18n's source hash of a message: "sha1-" and the hex SHA-1 of
// the description followed by the "other" text (goi18n merge computes it
// this way). A translation carrying a different hash than its English
// message's current Hash was made from older English: it is stale.
func Hash(description, other string) string {
	h := sha1.New()
	io.WriteString(h, description)
	io.WriteString(h, other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// SourceHash is the hash a translation of m should carry. For a message
// with one form it is go-i18n's Hash. For a plural message it also covers
// the forms other than "other" (in CLDR order), which go-i18n's hash
// leaves out, so that a change to the English "one" form alone also
// makes the translations stale.
func (m *Message) SourceHash() string {
	if len(m.Forms) <= 1 {
		return Hash(m.Description, m.Other())
	}
	h := sha1.New()
	io.WriteString(h, m.Description)
	io.WriteString(h, m.Other())
	for _, f := range []string{"zero", "one", "two", "few", "many"} {
		if t, ok := m.Forms[f]; ok {
			fmt.Fprintf(h, "\x00%s=%s", f, t)
		}
	}
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// Stale counts, per language, the translations whose hash is not the
// current English's: made from older English, or never stamped. Build
// prints it as a reminder; check gives the details.
func (c *Catalog) Stale() map[string]int {
	out := map[string]int{}
	for _, f := range c.Files {
		if f.Lang == "en" {
			continue
		}
		en, ok := c.File(f.Domain, "en")
		if !ok {
			continue
		}
		for _, m := range f.Messages {
			if e := en.Message(m.ID); e != nil && len(m.Forms) > 0 && m.Hash != e.SourceHash() {
				out[f.Lang]++
			}
		}
	}
	return out
}
