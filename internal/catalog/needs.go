package catalog

import (
	"slices"
	"sort"

	"github.com/mekong-briefs/briefs/internal/source"
)

// Use names one brief edition that needs a message.
type Use struct{ Brief, Edition string }

// Key is one message in one language's catalogue of one domain.
type Key struct{ Domain, Lang, ID string }

// Cell is one brief × edition × language of the publishing matrix, with
// the messages it needs.
type Cell struct {
	Brief, Edition, Lang string
	Keys                 []Key
}

// Needs is what a set of editions needs from the catalogues: the one
// computation that check (coverage) and sync (which entries to add) share.
type Needs struct {
	Keys  []Key                      // every needed message: by domain, language, then English file order
	Uses  map[Key][]Use              // which editions need each key
	Used  map[string]map[string]bool // domain -> IDs some edition uses, in any language
	Cells []Cell
}

// Needs walks every edition of every brief, in every language it lists (or
// only langs, when given). A brief's message ID resolves to a domain as
// Domain does. Every message of the shared English catalogue is needed in
// every edition language: the layout prints them (footers, month names,
// edition and language names).
func (c *Catalog) Needs(briefs []*source.Brief, langs []string) *Needs {
	n := &Needs{Uses: map[Key][]Use{}, Used: map[string]map[string]bool{Shared: {}}}
	var shared []string
	if f, ok := c.File(Shared, "en"); ok {
		for _, m := range f.Messages {
			shared = append(shared, m.ID)
			n.Used[Shared][m.ID] = true
		}
	}
	for _, b := range briefs {
		n.Used[b.ID] = map[string]bool{}
		for _, e := range b.Editions {
			ids := b.MessageIDs(e.Country)
			for _, id := range ids {
				n.Used[c.Domain(b.ID, id)][id] = true
			}
			for _, lang := range e.Languages {
				if len(langs) > 0 && !slices.Contains(langs, lang) {
					continue
				}
				n.addCell(c, b.ID, e.Country, lang, ids, shared)
			}
		}
	}
	order := c.englishOrder()
	sort.SliceStable(n.Keys, func(i, j int) bool {
		a, b := n.Keys[i], n.Keys[j]
		if a.Domain != b.Domain {
			return a.Domain < b.Domain
		}
		if a.Lang != b.Lang {
			return a.Lang < b.Lang
		}
		return order[[2]string{a.Domain, a.ID}] < order[[2]string{b.Domain, b.ID}]
	})
	return n
}

func (n *Needs) addCell(c *Catalog, brief, edition, lang string, ids, shared []string) {
	cl := Cell{Brief: brief, Edition: edition, Lang: lang}
	for _, id := range ids {
		cl.Keys = append(cl.Keys, Key{c.Domain(brief, id), lang, id})
	}
	for _, id := range shared {
		if !slices.Contains(ids, id) {
			cl.Keys = append(cl.Keys, Key{Shared, lang, id})
		}
	}
	u := Use{brief, edition}
	for _, k := range cl.Keys {
		if slices.Contains(n.Uses[k], u) {
			continue
		}
		if len(n.Uses[k]) == 0 {
			n.Keys = append(n.Keys, k)
		}
		n.Uses[k] = append(n.Uses[k], u)
	}
	n.Cells = append(n.Cells, cl)
}

// Domain resolves which catalogue holds a brief's message: the brief's
// own when its English file has the ID, else the shared one when that has
// it, else the brief's own (where the English message is then missing).
// Lookup and rendering resolve the same way.
func (c *Catalog) Domain(brief, id string) string {
	for _, d := range []string{brief, Shared} {
		if f, ok := c.File(d, "en"); ok && f.Message(id) != nil {
			return d
		}
	}
	return brief
}

// englishOrder numbers the messages of every English catalogue in file
// order; IDs that are not there sort last.
func (c *Catalog) englishOrder() map[[2]string]int {
	out := map[[2]string]int{}
	for _, f := range c.Files {
		if f.Lang != "en" {
			continue
		}
		for i, m := range f.Messages {
			out[[2]string{f.Domain, m.ID}] = i - 1_000_000
		}
	}
	return out
}
