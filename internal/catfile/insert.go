package catfile

import "strings"

// NewTable makes a table for a message ID holding lines (without endings).
func (d *Doc) NewTable(id string, lines ...string) *Table {
	t := &Table{ID: id, Lines: []string{d.line("[" + QuoteKey(id) + "]")}}
	for _, l := range lines {
		t.Lines = append(t.Lines, d.line(l))
	}
	return t
}

// Insert places a new table after another (nil: before the first table).
// The comments and blank lines that close the previous table lead to the
// table after it, so they move below the new one.
func (d *Doc) Insert(after, t *Table) {
	i := 0
	var prevLast string
	if after != nil {
		for j, x := range d.Tables {
			if x == after {
				i = j + 1
			}
		}
		end := after.bodyEnd()
		tail := append([]string(nil), after.Lines[end:]...)
		after.Lines = after.Lines[:end]
		if !strings.HasSuffix(after.Lines[end-1], "\n") {
			after.Lines[end-1] += d.EOL
		}
		t.Lines = append([]string{d.EOL}, t.Lines...)
		if len(tail) == 0 && i < len(d.Tables) {
			tail = []string{d.EOL}
		}
		t.Lines = append(t.Lines, tail...)
	} else {
		if n := len(d.Head); n > 0 {
			prevLast = d.Head[n-1]
			if !strings.HasSuffix(prevLast, "\n") {
				d.Head[n-1] += d.EOL
			}
			if strings.TrimSpace(prevLast) != "" {
				t.Lines = append([]string{d.EOL}, t.Lines...)
			}
		}
		if len(d.Tables) > 0 {
			t.Lines = append(t.Lines, d.EOL)
		}
	}
	d.Tables = append(d.Tables[:i], append([]*Table{t}, d.Tables[i:]...)...)
}

// Append places a new table at the end of the file.
func (d *Doc) Append(t *Table) {
	if n := len(d.Tables); n > 0 {
		d.Insert(d.Tables[n-1], t)
		return
	}
	d.Insert(nil, t)
}
