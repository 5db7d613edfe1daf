package check

import (
	"slices"
	"sort"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

// use names one brief edition that needs a message.
type use struct{ brief, edition string }

// needKey is one message in one language's catalogue of one domain.
type needKey struct{ domain, lang, id string }

// cell is one brief × edition × language of the coverage table, with the
// messages it needs.
type cell struct {
	brief, edition, lang string
	keys                 []needKey
}

// needs is what the selected editions need from the catalogues.
type needs struct {
	keys  []needKey                  // every needed message, in report order
	uses  map[needKey][]use          // who needs it
	used  map[string]map[string]bool // domain -> IDs some edition uses, in any language
	cells []cell
}

// computeNeeds walks every edition of every brief. A brief's message ID is
// looked up in the brief's English catalogue first, then in the shared
// one, as catalog.Lookup does. Every message of the shared English
// catalogue is needed by every edition language: the layout prints them
// (footers, month names, edition and language names).
func computeNeeds(briefs []*source.Brief, cat *catalog.Catalog, langs []string) *needs {
	n := &needs{uses: map[needKey][]use{}, used: map[string]map[string]bool{}}
	var shared []string
	if f, ok := cat.File(catalog.Shared, "en"); ok {
		for _, m := range f.Messages {
			shared = append(shared, m.ID)
		}
	}
	n.used[catalog.Shared] = map[string]bool{}
	for _, id := range shared {
		n.used[catalog.Shared][id] = true
	}
	for _, b := range briefs {
		n.used[b.ID] = map[string]bool{}
		for _, e := range b.Editions {
			ids := b.MessageIDs(e.Country)
			for _, id := range ids {
				n.used[domainOf(cat, b.ID, id)][id] = true
			}
			for _, lang := range e.Languages {
				if len(langs) > 0 && !slices.Contains(langs, lang) {
					continue
				}
				cl := cell{brief: b.ID, edition: e.Country, lang: lang}
				for _, id := range ids {
					cl.keys = append(cl.keys, needKey{domainOf(cat, b.ID, id), lang, id})
				}
				for _, id := range shared {
					if !slices.Contains(ids, id) {
						cl.keys = append(cl.keys, needKey{catalog.Shared, lang, id})
					}
				}
				for _, k := range cl.keys {
					u := use{b.ID, e.Country}
					if !slices.Contains(n.uses[k], u) {
						if len(n.uses[k]) == 0 {
							n.keys = append(n.keys, k)
						}
						n.uses[k] = append(n.uses[k], u)
					}
				}
				n.cells = append(n.cells, cl)
			}
		}
	}
	order := englishOrder(cat)
	sort.SliceStable(n.keys, func(i, j int) bool {
		a, b := n.keys[i], n.keys[j]
		if a.domain != b.domain {
			return a.domain < b.domain
		}
		if a.lang != b.lang {
			return a.lang < b.lang
		}
		return order[[2]string{a.domain, a.id}] < order[[2]string{b.domain, b.id}]
	})
	return n
}

// domainOf resolves which catalogue holds a brief's message: the brief's
// own when its English file has the ID, else the shared one when that has
// it, else the brief's own (where the English message is then missing).
func domainOf(cat *catalog.Catalog, brief, id string) string {
	for _, d := range []string{brief, catalog.Shared} {
		if f, ok := cat.File(d, "en"); ok && hasID(f, id) {
			return d
		}
	}
	return brief
}

func hasID(f *catalog.File, id string) bool {
	return findID(f, id) != nil
}

func findID(f *catalog.File, id string) *catalog.Message {
	for _, m := range f.Messages {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// englishOrder numbers the messages of every English catalogue in file
// order; IDs that are not there sort last.
func englishOrder(cat *catalog.Catalog) map[[2]string]int {
	out := map[[2]string]int{}
	for _, f := range cat.Files {
		if f.Lang != "en" {
			continue
		}
		for i, m := range f.Messages {
			out[[2]string{f.Domain, m.ID}] = i - 1_000_000
		}
	}
	return out
}
