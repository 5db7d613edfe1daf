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
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/diag"
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
	Path         string
	Domain       string
	Lang         string
	Added        int // new messages, written as empty entries for translators
	Untranslated int // entries already there that still have no text
	Suggested    int // untranslated entries given a suggestion from translation memory
	Stale        int // translations whose English changed, marked with a comment
	// DescriptionOnly counts the stale translations whose English text is
	// the same and only the description changed.
	DescriptionOnly int
	Stamped         int  // translations given the current English hash (Accept)
	Rehashed        int  // untranslated entries given the current English hash
	Orphans         int  // translations with no English source, marked and kept in place
	Changed         bool // the file was written
}

// Sync updates, for each brief and the shared catalogue, the catalogue of
// every language an edition needs (locales/<domain>.<lang>.toml), after
// editors changed the English:
//
//   - a message that is needed and has no table gets one, after the table
//     of the English message before it: the current English hash, never an
//     "other" form, so that it cannot pass for a translation (go-i18n's
//     `goi18n merge` pre-fills English instead: DESIGN.md fact 5); when
//     the same English is translated in another catalogue of the language,
//     that translation is offered as a "# suggestion" comment;
//   - every table gets the current English description and text as
//     "# description:" and "# en:" comments under its header;
//   - a translation whose hash is not the current English's gets a
//     "# stale:" comment saying whether the text or only the description
//     changed, and "# was:" comments with the English it was made from
//     (kept from sync to sync until the translation is current again);
//   - Accept stamps the current hash, in place;
//   - a table with no English source is marked "# orphan" and kept.
//
// Sync owns only those comment lines and the hash values it stamps: every
// other byte (translators' comments, end-of-line comments, key order,
// BOM, CRLF, file mode) stays as it was (package catfile). A catalogue
// that exists but did not load (a TOML error) is never overwritten: Sync
// returns an error for it.
func Sync(c *catalog.Catalog, briefs []*source.Brief, opts Options) ([]Result, error) {
	needs := syncNeeds(c, briefs, opts)
	isBrief := func(domain string) bool {
		return slices.ContainsFunc(briefs, func(b *source.Brief) bool { return b.ID == domain })
	}
	memories := map[string]map[string][]catalog.Suggestion{}
	for k := range needs {
		if memories[k.lang] == nil {
			memories[k.lang] = c.Memory(k.lang)
		}
	}
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
		if !exists {
			if name, ok := c.Misnamed(k.domain, k.lang); ok {
				return results, fmt.Errorf("sync %s: %s holds these translations under another name; rename it instead of creating a new file", path, name)
			}
			if name, ok := c.Renamed(k.domain, k.lang, needs[k], isBrief); ok {
				return results, fmt.Errorf("sync %s: %s holds these translations under the brief's old name; rename it (git mv %s %s) instead of creating a new file",
					path, name, diag.ShellArg("locales/"+name), diag.ShellArg("locales/"+filepath.Base(path)))
			}
		}
		doc, err := catfile.Read(path)
		if err != nil {
			return results, fmt.Errorf("sync: %w", err)
		}
		if exists && old.Builtin {
			// A built-in translation of shared words whose English the
			// project replaced is written into the project, stale marks
			// and all, so that no translation is lost.
			data, err := old.Source()
			if err != nil {
				return results, fmt.Errorf("sync: %w", err)
			}
			doc = catfile.Parse(data)
			doc.Path, doc.Mode = path, 0o644
		}
		res := Result{Path: path, Domain: k.domain, Lang: k.lang}
		g := &merger{doc: doc, en: en, old: old, need: needs[k], accept: opts.accepts, memory: memories[k.lang], res: &res}
		if err := g.run(); err != nil {
			return results, fmt.Errorf("sync: %w", err)
		}
		if res.Changed, err = doc.Write(); err != nil {
			return results, fmt.Errorf("sync: %w", err)
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

// accepts reports whether Accept applies to a message.
func (o Options) accepts(id string) bool {
	return o.Accept && (len(o.IDs) == 0 || slices.Contains(o.IDs, id))
}
