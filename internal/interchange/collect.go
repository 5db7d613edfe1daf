package interchange

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/msgmerge"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Set is the units of one catalogue (domain) in one language.
type Set struct {
	Domain, Lang string
	Units        []Unit
	// Header holds the translators' own PO header fields of the file the
	// set replaces (keptHeader), which the export keeps.
	Header [][2]string
}

// Select limits an export to some languages and briefs; empty: all. The
// shared catalogue is always exported.
type Select struct {
	Langs  []string
	Briefs []string
	// BriefsFailed says some brief did not load: the shared template,
	// which may hold messages only it needs, is left as it was
	// (templates), as are its own files.
	BriefsFailed bool
}

// Collect builds the sets the selected editions need, in English order.
func Collect(root string, c *catalog.Catalog, briefs []*source.Brief, sel Select) []Set {
	var chosen []*source.Brief
	for _, b := range briefs {
		if len(sel.Briefs) == 0 || slices.Contains(sel.Briefs, b.ID) {
			chosen = append(chosen, b)
		}
	}
	needs := c.Needs(chosen, sel.Langs)
	uses := usesOf(root, c, chosen)
	sets := map[[2]string]*Set{}
	var order [][2]string
	memory := map[string]map[string][]catalog.Suggestion{}
	docs := tables{}
	for _, k := range needs.Keys {
		if k.Lang == "en" {
			continue
		}
		e, ok := c.Lookup(k.Domain, "en", k.ID)
		if !ok || e.Domain != k.Domain {
			continue // missing English: check reports it
		}
		sk := [2]string{k.Domain, k.Lang}
		if c.Failed(k.Domain, k.Lang) || c.Failed(k.Domain, "en") {
			continue // not exported: the translator's last file stays (catalog.Failed)
		}
		if sets[sk] == nil {
			sets[sk] = &Set{Domain: k.Domain, Lang: k.Lang}
			order = append(order, sk)
		}
		if memory[k.Lang] == nil {
			memory[k.Lang] = c.Memory(k.Lang)
		}
		u := unit(c, e, k.Lang, memory[k.Lang])
		u.Uses = append(uses[[2]string{k.Domain, k.ID}], relPos(root, e.Pos))
		if t := docs.table(c, k.Domain, k.Lang, k.ID); t != nil {
			u.Notes = t.Notes()
		}
		sets[sk].Units = append(sets[sk].Units, u)
	}
	sort.Slice(order, func(i, j int) bool {
		return order[i][0]+"\x00"+order[i][1] < order[j][0]+"\x00"+order[j][1]
	})
	out := make([]Set, 0, len(order))
	for _, k := range order {
		out = append(out, *sets[k])
	}
	return out
}

// unit builds the unit of one English message in one language.
func unit(c *catalog.Catalog, e *catalog.Message, code string, mem map[string][]catalog.Suggestion) Unit {
	u := Unit{ID: e.ID, Description: e.Description, English: e}
	f, _ := c.File(e.Domain, code)
	m := f.Message(e.ID)
	switch {
	case m == nil || len(m.Forms) == 0:
		u.Target = make([]string, len(ToolForms(code, e)))
		if s, ok := catalog.Suggest(mem, e); ok {
			u.State, u.From = Suggested, &s
			u.Target = toolTarget(code, e, &catalog.Message{Forms: s.Forms})
		}
	case m.Hash == e.SourceHash():
		u.State, u.Target = Translated, toolTarget(code, e, m)
	default:
		u.State, u.Target, u.Unstamped = Stale, toolTarget(code, e, m), m.Hash == ""
		if doc, err := catfile.Read(f.Path); err == nil {
			u.Was, _ = msgmerge.WasEnglish(doc.Table(e.ID), e, m)
			if d, ok := msgmerge.WasDescription(doc.Table(e.ID), e, m); ok {
				u.WasDesc = d
			}
		}
	}
	return u
}

// usesOf lists where each brief uses each message: the line of brief.toml
// that names it.
func usesOf(root string, c *catalog.Catalog, briefs []*source.Brief) map[[2]string][]string {
	out := map[[2]string][]string{}
	for _, b := range briefs {
		data, err := source.ReadRegular(b.File)
		if err != nil {
			continue
		}
		lines := strings.Split(string(data), "\n")
		for _, bl := range b.Blocks {
			for _, id := range bl.MessageIDs() {
				k := [2]string{c.Domain(b.ID, id), id}
				ref := fmt.Sprintf("%s:%d", rel(root, b.File), idLine(lines, bl.Pos.Line, id))
				if !slices.Contains(out[k], ref) {
					out[k] = append(out[k], ref)
				}
			}
		}
	}
	return out
}

// idLine finds the line, from a block's first line on, that holds "id".
func idLine(lines []string, from int, id string) int {
	for i := max(from-1, 0); i < len(lines); i++ {
		if i > from-1 && strings.HasPrefix(strings.TrimSpace(lines[i]), "[[") {
			break
		}
		if strings.Contains(lines[i], `"`+id+`"`) {
			return i + 1
		}
	}
	return from
}

func relPos(root string, p diag.Pos) string {
	return fmt.Sprintf("%s:%d", rel(root, p.File), p.Line)
}

// rel writes a path relative to the project root, with slashes, as PO
// references are (GNU gettext manual, "#: reference…").
func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// tables reads each translated catalogue once, for the notes of its
// messages' tables.
type tables map[[2]string]*catfile.Doc

func (ts tables) table(c *catalog.Catalog, domain, lang, id string) *catfile.Table {
	k := [2]string{domain, lang}
	d, ok := ts[k]
	if !ok {
		if f, found := c.File(domain, lang); found {
			d, _ = catfile.Read(f.Path)
		}
		ts[k] = d
	}
	if d == nil {
		return nil
	}
	return d.Table(id)
}
