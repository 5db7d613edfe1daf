package catfile

import "strings"

// Notes returns the translator's comments of a table: the comment lines
// of its body (after the header, up to its last key) that briefs does
// not own, without "# ". They travel to PO files as translator comments
// ("# ", GNU gettext manual, "The Format of PO Files") and back, so that
// a note a translator wrote in Poedit or Weblate is not lost at the next
// export.
func (t *Table) Notes() []string {
	var out []string
	for _, l := range t.Lines[1:t.bodyEnd()] {
		if isNote(l) {
			out = append(out, UnComment(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(l), "#"), " ")))
		}
	}
	return out
}

// SetNotes replaces the table's translator comments with notes, written
// after its owned comments. It reports whether the table changed.
func (d *Doc) SetNotes(t *Table, notes []string) bool {
	before := strings.Join(t.Lines, "")
	end := t.bodyEnd()
	var body []string
	for _, l := range t.Lines[1:end] {
		if !isNote(l) {
			body = append(body, l)
		}
	}
	at := 0 // after the owned comments
	for at < len(body) && IsOwned(body[at]) {
		at++
	}
	var lines []string
	for _, n := range notes {
		lines = append(lines, d.lineOf(t, "# "+CommentText(n)))
	}
	head := t.Lines[0]
	if !strings.HasSuffix(head, "\n") {
		head += d.EOL
	}
	rest := append([]string{}, t.Lines[end:]...)
	t.Lines = append(append(append(append([]string{head}, body[:at]...), lines...), body[at:]...), rest...)
	return strings.Join(t.Lines, "") != before
}

// isNote reports whether a line is a person's comment line.
func isNote(l string) bool {
	return strings.HasPrefix(strings.TrimSpace(l), "#") && !IsOwned(l)
}
