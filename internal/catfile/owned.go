package catfile

import (
	"slices"
	"strings"
)

// FormOrder is the order of the CLDR plural categories (Unicode TR35
// Part 6, Language Plural Rules), the order a message's forms are
// written in: one list for every package that walks a message's forms
// (catalog.FormOrder is this one).
var FormOrder = []string{"zero", "one", "two", "few", "many", "other"}

// Owned comments are the ones briefs writes itself, directly under a
// table's header: they are regenerated on every sync, and every other
// comment is a person's and is kept. Each begins with a tag and a colon
// ("# en: …", "# stale: …"), or with a tag, a plural category or
// "description", and a colon ("# en one: …", "# was description: …"); a
// person's "# was told: …" or "# en route: …" is no tag of briefs.
var ownedTags = []string{"en", "was", "description", "stale", "orphan", "suggestion"}

// IsOwned reports whether a line is a comment briefs writes itself.
func IsOwned(line string) bool {
	t, ok := strings.CutPrefix(strings.TrimSpace(line), "# ")
	if !ok {
		return false
	}
	head, _, ok := strings.Cut(t, ":")
	if !ok {
		return false
	}
	tag, what, two := strings.Cut(head, " ")
	if !slices.Contains(ownedTags, tag) {
		return false
	}
	return !two || slices.Contains(FormOrder, what) || what == "description"
}

// Owned returns the text of t's owned comment lines, without "# " and
// line endings, in order.
func (t *Table) Owned() []string {
	var out []string
	for _, l := range t.Lines[1:] {
		if IsOwned(l) {
			out = append(out, strings.TrimPrefix(strings.TrimSpace(l), "# "))
		}
	}
	return out
}

// SetOwned replaces t's owned comments with lines (each without "# "),
// written directly under the header. It reports whether t changed.
func (d *Doc) SetOwned(t *Table, lines []string) bool {
	before := strings.Join(t.Lines, "")
	kept := []string{t.Lines[0]}
	for _, l := range t.Lines[1:] {
		if !IsOwned(l) {
			kept = append(kept, l)
		}
	}
	if !strings.HasSuffix(kept[0], "\n") {
		kept[0] += d.EOL
	}
	var owned []string
	for _, l := range lines {
		owned = append(owned, d.lineOf(t, "# "+l))
	}
	t.Lines = append(kept[:1], append(owned, kept[1:]...)...)
	return strings.Join(t.Lines, "") != before
}

// CommentText escapes a text for a one-line comment: a backslash and a
// line break are written as \\ and \n, so that UnComment gives it back.
func CommentText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\r", `\r`, "\n", `\n`).Replace(s)
}

// UnComment reverses CommentText.
func UnComment(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case 'r':
				b.WriteByte('\r')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
