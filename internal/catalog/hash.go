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
		if n := c.staleOf(f); n > 0 {
			out[f.Lang] += n
		}
	}
	return out
}

// StaleIn is Stale over the catalogues that in accepts, whether LoadOnly
// read them at once or deferred them. memo, when not nil, gives each
// file's count, calling count (which reads a deferred file and its
// English one) only when it has none remembered: a build that reads no
// catalogue still prints its reminders.
func (c *Catalog) StaleIn(in func(domain, lang string) bool, memo func(domain, lang string, count func() int) int) map[string]int {
	keys := map[key]bool{}
	for k := range c.index {
		keys[k] = true
	}
	for k := range c.deferred {
		keys[k] = true
	}
	out := map[string]int{}
	for k := range keys {
		if k.lang == "en" || !in(k.domain, k.lang) {
			continue
		}
		count := func() int {
			f, ok := c.File(k.domain, k.lang)
			if !ok {
				return 0
			}
			return c.staleOf(f)
		}
		n := 0
		if memo != nil {
			n = memo(k.domain, k.lang, count)
		} else {
			n = count()
		}
		if n > 0 {
			out[k.lang] += n
		}
	}
	return out
}

// staleOf counts the stale translations of one file against the English
// catalogue of its domain.
func (c *Catalog) staleOf(f *File) int {
	if f.Lang == "en" {
		return 0
	}
	en, ok := c.File(f.Domain, "en")
	if !ok {
		return 0
	}
	n := 0
	for _, m := range f.Messages {
		if e := en.Message(m.ID); e != nil && len(m.Forms) > 0 && m.Hash != e.SourceHash() {
			n++
		}
	}
	return n
}
