package interchange

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Written is one exported file.
type Written struct {
	Path                                       string
	Translated, Stale, Suggested, Untranslated int
	Drafts                                     int // of Suggested: drafts kept from the file replaced (carryDrafts)
	// Unchanged: the file was there with these bytes already, and is
	// left as it was (its modification time too).
	Unchanged bool
}

// Export writes DIR/<lang>/<domain>.po (format "po") or .xlf ("xliff")
// for every set the selection needs.
func Export(root string, c *catalog.Catalog, briefs []*source.Brief, sel Select, format, dir string) ([]Written, error) {
	ext, ok := map[string]string{"po": ".po", "xliff": ".xlf"}[format]
	if !ok {
		return nil, fmt.Errorf("export: unknown --format %q (po or xliff)", format)
	}
	date := revisionDate(briefs)
	var out []Written
	sets := Collect(root, c, briefs, sel)
	var paths []string
	for _, s := range sets {
		paths = append(paths, filepath.Join(dir, s.Lang, s.Domain+ext))
	}
	keep := keptNames(root)
	olds := make([]*replaced, len(sets))
	for i, s := range sets {
		olds[i] = readReplaced(root, c, s, keep, paths[i])
	}
	if format == "po" {
		for i, r := range olds {
			if r != nil && r.in != nil && r.in.Lang == sets[i].Lang {
				sets[i].Header = keptHeader(r.in.Header)
			}
		}
	}
	if err := unimported(sets, olds, format); err != nil {
		return nil, err
	}
	carryDrafts(sets, olds, format)
	if format == "po" {
		for _, s := range templates(root, c, briefs, sel) {
			var b bytes.Buffer
			if err := writePO(&b, s, date); err != nil {
				return out, err
			}
			path := filepath.Join(dir, s.Domain+".pot")
			w, err := writeChanged(path, b.Bytes(), s)
			if err != nil {
				return out, err
			}
			out = append(out, w)
		}
	}
	for i, s := range sets {
		var b bytes.Buffer
		var err error
		if format == "po" {
			err = writePO(&b, s, date)
		} else {
			err = writeXLIFF(&b, s)
		}
		if err != nil {
			return out, err
		}
		w, err := writeChanged(paths[i], b.Bytes(), s)
		if err != nil {
			return out, err
		}
		out = append(out, w)
	}
	if err := record(dir, paths, sets); err != nil {
		return out, err
	}
	return out, nil
}

// writeChanged writes the file of set s at path, unless it holds these
// bytes already: a file left alone keeps its modification time, which
// build tools and a translator's tool watching the folder go by.
func writeChanged(path string, data []byte, s Set) (Written, error) {
	w := tally(path, s)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		w.Unchanged = true
		return w, nil
	}
	if err := atomicfile.Write(path, data); err != nil {
		return w, fmt.Errorf("export: %w", err)
	}
	return w, nil
}

// templates makes the POT file of each domain the selection exports
// (GNU gettext manual, "Creating a New PO File"): every message some
// language of some edition needs, in English order, untranslated;
// Weblate starts new languages from it and updates every language's
// messages from it. So it is made from the English and the briefs alone,
// whatever languages --lang chose and whichever translations failed to
// load: made from the languages exported, it lost a message only the
// Cambodia edition's Khmer needed under --lang th, or while the Khmer
// catalogue was broken, and Weblate dropped it from every language.
func templates(root string, c *catalog.Catalog, briefs []*source.Brief, sel Select) []Set {
	domains := map[string]bool{catalog.Shared: !sel.BriefsFailed}
	for _, b := range briefs {
		if len(sel.Briefs) == 0 || slices.Contains(sel.Briefs, b.ID) {
			domains[b.ID] = true
		}
	}
	uses := usesOf(root, c, briefs)
	var out []Set
	index := map[string]int{}
	for _, k := range c.Needs(briefs, nil).Keys {
		if k.Lang == "en" || !domains[k.Domain] || c.Failed(k.Domain, "en") {
			continue
		}
		e, ok := c.Lookup(k.Domain, "en", k.ID)
		if !ok || e.Domain != k.Domain {
			continue // missing English: check reports it
		}
		i, ok := index[k.Domain]
		if !ok {
			i = len(out)
			index[k.Domain] = i
			out = append(out, Set{Domain: k.Domain})
		}
		if !slices.ContainsFunc(out[i].Units, func(x Unit) bool { return x.ID == e.ID }) {
			out[i].Units = append(out[i].Units, Unit{ID: e.ID, Description: e.Description,
				Uses: append(uses[[2]string{k.Domain, e.ID}], relPos(root, e.Pos)), English: e,
				Target: make([]string, len(ToolForms("en", e)))})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Domain < out[b].Domain })
	for i := range out {
		slices.SortStableFunc(out[i].Units, func(a, b Unit) int { return a.English.Pos.Line - b.English.Pos.Line })
	}
	return out
}

func tally(path string, s Set) Written {
	w := Written{Path: path}
	for _, u := range s.Units {
		switch u.State {
		case Translated:
			w.Translated++
		case Stale:
			w.Stale++
		case Suggested:
			w.Suggested++
		case Draft:
			w.Suggested++
			w.Drafts++
		default:
			w.Untranslated++
		}
	}
	return w
}

// revisionDate is the newest brief date, so that exports of the same
// project are byte-identical on any machine (no wall clock).
func revisionDate(briefs []*source.Brief) time.Time {
	var t time.Time
	for _, b := range briefs {
		if b.Date.After(t) {
			t = b.Date
		}
	}
	return t.UTC()
}
