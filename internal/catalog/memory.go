package catalog

import (
	"sort"
	"strings"
)

// Suggestion is a translation of the same English text in another
// catalogue of the same language: translation memory.
type Suggestion struct {
	Domain string            // where it was translated
	ID     string            // under which message ID
	Forms  map[string]string // the translation
}

// SourceKey is what two English messages must share for a translation
// of one to suit the other: every form of the text. The description is
// left out, as it says where a text is used, not what it says.
func SourceKey(m *Message) string {
	var b strings.Builder
	for _, f := range FormOrder {
		if t, ok := m.Forms[f]; ok {
			b.WriteString(f + "=" + t + "\x00")
		}
	}
	return b.String()
}

// Memory indexes, for one language, the current translations (carrying
// their English's hash) by SourceKey of their English, in domain order.
func (c *Catalog) Memory(lang string) map[string][]Suggestion {
	out := map[string][]Suggestion{}
	for _, f := range c.Files {
		if f.Lang != lang {
			continue
		}
		en, ok := c.File(f.Domain, "en")
		if !ok {
			continue
		}
		for _, m := range f.Messages {
			e := en.Message(m.ID)
			if len(m.Forms) == 0 || m.Hash == "" {
				continue
			}
			if e == nil {
				// An orphan: its English was renamed (or removed) since,
				// and its hash says what it translated. A message renamed
				// with its text and description kept has that very hash,
				// and sync offers the old translation under the new ID.
				k := orphanKey(m.Hash)
				out[k] = append(out[k], Suggestion{Domain: f.Domain, ID: m.ID, Forms: m.Forms})
				continue
			}
			if m.Hash != e.SourceHash() {
				continue
			}
			k := SourceKey(e)
			out[k] = append(out[k], Suggestion{Domain: f.Domain, ID: m.ID, Forms: m.Forms})
		}
	}
	for _, s := range out {
		sort.SliceStable(s, func(i, j int) bool { return s[i].Domain < s[j].Domain })
	}
	return out
}

// Suggest returns a translation from memory for an English message of a
// domain: one made in another domain, or under another ID. It never
// offers the message's own translation.
func Suggest(mem map[string][]Suggestion, e *Message) (Suggestion, bool) {
	for _, s := range mem[SourceKey(e)] {
		if s.Domain != e.Domain || s.ID != e.ID {
			return s, true
		}
	}
	// The translation of a message renamed from another of the same
	// domain, kept as an orphan.
	for _, s := range mem[orphanKey(e.SourceHash())] {
		if s.Domain == e.Domain && s.ID != e.ID {
			return s, true
		}
	}
	return Suggestion{}, false
}

// orphanKey indexes an orphan's translation in Memory by the hash of the
// English it was made from: a key no SourceKey can be (it ends in no NUL).
func orphanKey(hash string) string { return "orphan\x01" + hash }
