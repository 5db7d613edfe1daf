package msgmerge

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/catalog"
)

// pluralOrder is the CLDR order of plural categories.
var pluralOrder = []string{"zero", "one", "two", "few", "many", "other"}

// renderSync writes one translation catalogue in canonical form; see Sync.
func renderSync(en, old *catalog.File, prev []byte, need map[string]bool, accept func(id string) bool, res *Result) []byte {
	var b strings.Builder
	if h := headerComment(prev); h != "" {
		b.WriteString(h)
	} else {
		fmt.Fprintf(&b, "# Catalogue %q in %s. Written by briefs sync: translate each entry\n", en.Domain, res.Lang)
		b.WriteString("# that has no other text; the English is in the \"# en:\" comment above it.\n")
	}
	notes := translatorComments(prev)
	seen := map[string]bool{}
	for _, e := range en.Messages {
		m := old.Message(e.ID)
		if m == nil && !need[e.ID] {
			continue
		}
		seen[e.ID] = true
		cur := e.SourceHash()
		b.WriteString("\n")
		fmt.Fprintf(&b, "[%s]\n", quoteTOML(e.ID))
		b.WriteString(notes[e.ID])
		// The current English stands above every entry, translated or
		// not, so a translator always sees what the text renders.
		writeEnglishComment(&b, e)
		if m == nil || len(m.Forms) == 0 {
			res.Added++
			if e.Description != "" {
				fmt.Fprintf(&b, "description = %s\n", quoteTOML(e.Description))
			}
			fmt.Fprintf(&b, "hash = %s\n", quoteTOML(cur))
			continue
		}
		hash := m.Hash
		switch {
		case accept(e.ID):
			if hash != cur {
				res.Stamped++
			}
			hash = cur
		case hash != "" && hash != cur:
			res.Stale++
			fmt.Fprintf(&b, "# stale: the English above changed after this was translated; update it, then run briefs sync --accept --lang %s --id %s\n", res.Lang, e.ID)
		}
		writeTranslation(&b, m, hash)
	}
	if old != nil {
		for _, m := range old.Messages {
			if seen[m.ID] {
				continue
			}
			res.Orphans++
			fmt.Fprintf(&b, "\n[%s]\n# orphan: %s.en.toml has no message %q\n", quoteTOML(m.ID), en.Domain, m.ID)
			b.WriteString(notes[m.ID])
			writeTranslation(&b, m, m.Hash)
		}
	}
	return []byte(b.String())
}

func writeEnglishComment(b *strings.Builder, e *catalog.Message) {
	if len(e.Forms) == 1 {
		fmt.Fprintf(b, "# en: %s\n", commentText(e.Other()))
		return
	}
	for _, f := range pluralOrder {
		if t, ok := e.Forms[f]; ok {
			fmt.Fprintf(b, "# en %s: %s\n", f, commentText(t))
		}
	}
}

func writeTranslation(b *strings.Builder, m *catalog.Message, hash string) {
	if m.Description != "" {
		fmt.Fprintf(b, "description = %s\n", quoteTOML(m.Description))
	}
	if hash != "" {
		fmt.Fprintf(b, "hash = %s\n", quoteTOML(hash))
	}
	for _, f := range pluralOrder {
		if t, ok := m.Forms[f]; ok {
			fmt.Fprintf(b, "%s = %s\n", f, quoteTOML(t))
		}
	}
}

// commentText makes a text safe for a one-line TOML comment.
func commentText(s string) string {
	return strings.NewReplacer("\r\n", "\n# ", "\n", "\n# ", "\r", " ").Replace(s)
}

// quoteTOML writes s as a TOML basic string (TOML 1.0, "String"): quote and
// backslash escaped, control characters as escapes, everything else as is.
func quoteTOML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7F || r == utf8.RuneError {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// translatorComments collects the comments a translator wrote in a
// catalogue, by message: a comment block directly above a table header,
// and comments inside the table, belong to that message. Comments that
// sync writes itself (# en:, # stale:, # orphan:) are left out, as they are
// written anew; so is the file's header comment. Sync writes the kept
// comments at the top of their message's table, so that none is lost.
func translatorComments(data []byte) map[string]string {
	out := map[string]string{}
	lines := strings.Split(string(data), "\n")
	i := 0
	for i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "#") {
		i++ // the header comment
	}
	current, pending := "", []string{}
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(t, "["):
			current = tableID(t)
			for _, c := range pending {
				out[current] += c + "\n"
			}
			pending = nil
		case strings.HasPrefix(t, "#"):
			if !syncComment(t) {
				pending = append(pending, t)
			}
		case t == "":
			// A blank line ends a block that might have been above the
			// next header: it stays with the current table.
			for _, c := range pending {
				if current != "" {
					out[current] += c + "\n"
				}
			}
			pending = nil
		default:
			for _, c := range pending {
				out[current] += c + "\n"
			}
			pending = nil
		}
	}
	for _, c := range pending {
		if current != "" {
			out[current] += c + "\n"
		}
	}
	return out
}

// tableID returns the message ID of a table header line: [id] or ["id"].
func tableID(header string) string {
	id := strings.TrimSuffix(strings.TrimPrefix(header, "["), "]")
	return strings.Trim(id, `"'`)
}

// syncComment reports whether a comment is one that sync writes itself.
func syncComment(t string) bool {
	for _, p := range []string{"# en:", "# stale:", "# orphan:", "# Catalogue ", "# that has no other text"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	for _, f := range pluralOrder {
		if strings.HasPrefix(t, "# en "+f+":") {
			return true
		}
	}
	return false
}
