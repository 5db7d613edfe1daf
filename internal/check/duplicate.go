package check

import (
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
)

// header is one message table header found in a catalogue's text.
type header struct {
	id   string
	line int
}

// checkDuplicates reports a message ID defined twice in one file (TOML
// forbids defining a table twice, so go-i18n cannot load such a file; the
// TOML error it replaces names only the key) and IDs defined both in a
// brief's catalogue and in the shared one, where the brief's text wins.
func (c *checker) checkDuplicates() {
	paths, _ := filepath.Glob(filepath.Join(c.cat.Root, "*.toml"))
	sort.Strings(paths)
	for _, p := range paths {
		parts := strings.Split(filepath.Base(p), ".")
		if len(parts) != 3 || !c.selected(&catalog.File{Domain: parts[0], Lang: parts[1]}) {
			continue
		}
		data, err := source.ReadRegular(p)
		if err != nil {
			continue
		}
		first := map[string]int{}
		dup := false
		for _, h := range headers(string(data)) {
			if l, ok := first[h.id]; ok {
				dup = true
				c.add(diag.Errorf(diag.Pos{File: p, Line: h.line, Col: 1}, CodeDuplicateID,
					"keep one of the two tables: TOML rejects the file as it is",
					"message %q is defined twice in this file (first at line %d)", h.id, l))
				continue
			}
			first[h.id] = h.line
		}
		if dup {
			c.out = slices.DeleteFunc(c.out, func(d diag.Diagnostic) bool {
				return d.Pos.File == p && d.Code == "toml-syntax" && strings.Contains(d.Msg, "already been defined")
			})
		}
	}
	for _, f := range c.cat.Files {
		if f.Domain == catalog.Shared || !c.selected(f) {
			continue
		}
		sh, ok := c.cat.File(catalog.Shared, f.Lang)
		if !ok {
			continue
		}
		for _, m := range f.Messages {
			if s := sh.Message(m.ID); s != nil {
				c.add(diag.Warnf(m.Pos, CodeDuplicateID, "rename one of them, or delete one",
					"message %q is also defined in the shared catalogue (%s); this brief's text wins", m.ID, s.Pos))
			}
		}
	}
}

// headers finds the top-level table headers of a TOML text: [id], ["id"]
// and ['id']. Array tables ([[x]]) are not messages and are skipped.
func headers(text string) []header {
	var out []header
	for i, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[[") {
			continue
		}
		end := strings.LastIndex(t, "]")
		if end < 0 {
			continue
		}
		key := strings.TrimSpace(t[1:end])
		if u, err := strconv.Unquote(key); err == nil && strings.HasPrefix(key, `"`) {
			key = u
		} else if len(key) >= 2 && key[0] == '\'' && key[len(key)-1] == '\'' {
			key = key[1 : len(key)-1]
		}
		out = append(out, header{key, i + 1})
	}
	return out
}
