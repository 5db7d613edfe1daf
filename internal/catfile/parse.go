package catfile

import (
	"bytes"
	"errors"
	"os"
	"strings"
)

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// Doc is one catalogue file as lines.
type Doc struct {
	Path   string
	BOM    bool
	EOL    string // "\r\n" when the file's first line ends so, else "\n"
	Mode   os.FileMode
	Exists bool
	Head   []string // lines before the first table, each with its ending
	Tables []*Table
}

// Table is one message: its header line and every line up to the next
// header. Lines keep their endings.
type Table struct {
	ID    string
	Lines []string // Lines[0] is the header
}

var errNotRegular = errors.New("not a regular file (a folder, a pipe or a device)")

// Read reads a catalogue file; a missing file is an empty Doc with "\n"
// line endings and mode 0644.
func Read(path string) (*Doc, error) {
	// A folder, pipe or device is refused before it is opened: reading a
	// named pipe would wait for ever.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, &os.PathError{Op: "open", Path: path, Err: errNotRegular}
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return &Doc{Path: path, EOL: "\n", Mode: 0o644}, nil
	}
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	d := Parse(data)
	d.Path, d.Mode, d.Exists = path, st.Mode().Perm(), true
	return d, nil
}

// Parse splits catalogue bytes into a Doc. Bytes(Parse(b)) == b for any b.
func Parse(data []byte) *Doc {
	d := &Doc{EOL: "\n"}
	if bytes.HasPrefix(data, []byte(bom)) {
		d.BOM = true
		data = data[len(bom):]
	}
	lines := splitLines(string(data))
	if len(lines) > 0 && strings.HasSuffix(lines[0], "\r\n") {
		d.EOL = "\r\n"
	}
	var multi string // the delimiter of an open multi-line string
	var cur *Table
	for _, l := range lines {
		if multi == "" {
			if id, ok := headerID(l); ok {
				cur = &Table{ID: id}
				d.Tables = append(d.Tables, cur)
			}
		}
		multi = multiState(l, multi)
		if cur == nil {
			d.Head = append(d.Head, l)
		} else {
			cur.Lines = append(cur.Lines, l)
		}
	}
	return d
}

// splitLines splits s after each "\n", keeping the endings; the last line
// may have none.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// Bytes returns the file's bytes.
func (d *Doc) Bytes() []byte {
	var b strings.Builder
	if d.BOM {
		b.WriteString(bom)
	}
	for _, l := range d.Head {
		b.WriteString(l)
	}
	for _, t := range d.Tables {
		for _, l := range t.Lines {
			b.WriteString(l)
		}
	}
	return []byte(b.String())
}

// Table returns the table of a message ID, or nil.
func (d *Doc) Table(id string) *Table {
	for _, t := range d.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// trimEOL returns a line without its ending.
func trimEOL(l string) string { return strings.TrimRight(l, "\r\n") }
