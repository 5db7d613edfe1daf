// Package msgmerge updates the translation catalogues after the English
// changed, as gettext's msgmerge updates PO files: `briefs sync`.
//
// It adds the messages each edition language needs (catalog.Needs) as empty
// entries with the English as a comment, marks translations made from older
// English as stale, keeps translators' comments and text, and writes each
// file through a temporary file and a rename. It is the only package that
// rewrites catalogues; catalog only reads them.
package msgmerge

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Options select what Sync writes.
type Options struct {
	Langs  []string // only these languages; empty: every language an edition needs
	Briefs []string // only these briefs' catalogues (and the shared one); empty: all
	// Accept stamps the current English hash on every existing translation
	// of the selected catalogues, marking it current. Run it only after
	// someone has compared the translations with the English: it is how a
	// reviewer says "these are up to date", and how translations made with
	// tools that drop the hash get it back.
	Accept bool
	// IDs limits Accept to these message IDs, so that a reviewer can
	// approve one updated translation without approving every other.
	IDs []string
}

// Result says what Sync did to one catalogue file.
type Result struct {
	Path    string
	Domain  string
	Lang    string
	Added   int  // new messages, written as empty entries for translators
	Stale   int  // translations whose English changed, marked with a comment
	Stamped int  // translations given the current English hash (Accept)
	Orphans int  // translations with no English source, kept at the end
	Changed bool // the file was written
}

// Sync writes, for each brief and the shared catalogue, the catalogue of
// every language an edition needs (locales/<domain>.<lang>.toml), after
// editors changed the English:
//
//   - existing translations are kept, with their hash;
//   - a message that is needed and has no translation is added as an
//     empty entry: the English text as a "# en:" comment, the English
//     description, and the current English hash, but never an "other"
//     form, so that it cannot pass for a translation (go-i18n's `goi18n
//     merge` pre-fills English instead: DESIGN.md fact 5);
//   - a translation whose hash differs from the current English gets a
//     "# stale: English is now: …" comment;
//   - a translation without a hash keeps none, unless Accept is set;
//   - translations with no English source are kept at the end, marked
//     "# orphan"; Sync never deletes a translator's text.
//
// Messages follow the English file's order, so output is deterministic.
// Files are rewritten in this canonical form (comments inside tables are
// regenerated; the header comment is kept), each through a temporary
// file and a rename. A catalogue that exists but did not load (a TOML
// error) is never overwritten: Sync returns an error for it.
func Sync(c *catalog.Catalog, briefs []*source.Brief, opts Options) ([]Result, error) {
	needs := syncNeeds(c, briefs, opts)
	var results []Result
	for _, k := range sortedNeedKeys(needs) {
		en, ok := c.File(k.domain, "en")
		if !ok {
			continue
		}
		path := filepath.Join(c.Root, k.domain+"."+k.lang+".toml")
		old, exists := c.File(k.domain, k.lang)
		if exists && old.Builtin && en.Builtin {
			continue // the binary's own words; the project has not replaced them
		}
		if _, err := os.Stat(path); err == nil && !exists {
			return results, fmt.Errorf("sync %s: the file did not load (run briefs check); not overwriting it", path)
		}
		if name, ok := c.Misnamed(k.domain, k.lang); ok && !exists {
			return results, fmt.Errorf("sync %s: %s holds these translations under a country code; rename it instead of creating a new file", path, name)
		}
		var prev []byte
		if exists {
			// A built-in translation of shared words whose English the
			// project replaced is written into the project, stale marks
			// and all, so that no translation is lost.
			var err error
			if prev, err = old.Source(); err != nil {
				return results, fmt.Errorf("sync: %w", err)
			}
		}
		res := Result{Path: path, Domain: k.domain, Lang: k.lang}
		out := renderSync(en, old, prev, needs[k], opts.accepts, &res)
		if !bytes.Equal(out, prev) {
			if err := atomicfile.Write(path, out); err != nil {
				return results, fmt.Errorf("sync: %w", err)
			}
			res.Changed = true
		}
		results = append(results, res)
	}
	return results, nil
}

type syncKey struct{ domain, lang string }

// syncNeeds lists, per catalogue file, the message IDs the selected
// editions need in languages other than English (catalog.Needs).
func syncNeeds(c *catalog.Catalog, briefs []*source.Brief, opts Options) map[syncKey]map[string]bool {
	var selected []*source.Brief
	for _, b := range briefs {
		if len(opts.Briefs) == 0 || slices.Contains(opts.Briefs, b.ID) {
			selected = append(selected, b)
		}
	}
	needs := map[syncKey]map[string]bool{}
	for _, k := range c.Needs(selected, opts.Langs).Keys {
		if k.Lang == "en" {
			continue
		}
		sk := syncKey{k.Domain, k.Lang}
		if needs[sk] == nil {
			needs[sk] = map[string]bool{}
		}
		needs[sk][k.ID] = true
	}
	return needs
}

func sortedNeedKeys(needs map[syncKey]map[string]bool) []syncKey {
	keys := make([]syncKey, 0, len(needs))
	for k := range needs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].domain != keys[j].domain {
			return keys[i].domain < keys[j].domain
		}
		return keys[i].lang < keys[j].lang
	})
	return keys
}

// headerComment returns the comment lines at the top of a file.
func headerComment(data []byte) string {
	var b strings.Builder
	for _, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "#") {
			break
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

// accepts reports whether Accept applies to a message.
func (o Options) accepts(id string) bool {
	return o.Accept && (len(o.IDs) == 0 || slices.Contains(o.IDs, id))
}
