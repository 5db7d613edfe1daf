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
// table after it, so they move below the new one. A table's first line
// stays its header.
func (d *Doc) Insert(after, t *Table) {
	i := 0
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
		after.Lines = append(after.Lines, d.EOL)
		if len(tail) == 0 && i < len(d.Tables) {
			tail = []string{d.EOL}
		}
		t.Lines = append(t.Lines, tail...)
	} else {
		tail := d.headTail()
		if n := len(d.Head); n > 0 {
			if !strings.HasSuffix(d.Head[n-1], "\n") {
				d.Head[n-1] += d.EOL
			}
			if strings.TrimSpace(d.Head[n-1]) != "" {
				d.Head = append(d.Head, d.EOL)
			}
		}
		if len(d.Tables) > 0 {
			t.Lines = append(t.Lines, d.EOL)
		}
		t.Lines = append(t.Lines, tail...)
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

// headTail cuts from the head the comment lines directly above the first
// table, after the head's last blank line: they belong to that table.
func (d *Doc) headTail() []string {
	if len(d.Tables) == 0 {
		return nil
	}
	for i := len(d.Head) - 1; i >= 0; i-- {
		if strings.TrimSpace(d.Head[i]) == "" {
			tail := append([]string(nil), d.Head[i+1:]...)
			d.Head = d.Head[:i+1]
			return tail
		}
	}
	return nil
}
