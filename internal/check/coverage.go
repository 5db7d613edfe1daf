package check

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Coverage is one row of the coverage table: how much of what a brief
// edition needs in one language is translated, and translated from the
// current English.
type Coverage struct {
	Brief      string  `json:"brief"`
	Edition    string  `json:"edition"`
	Lang       string  `json:"lang"`
	Needed     int     `json:"needed"`
	Translated int     `json:"translated"`
	Current    int     `json:"current"`
	Percent    float64 `json:"percent"` // Current/Needed, rounded down to 0.1
}

// langName names a language in findings: "Khmer (km)".
func langName(code string) string {
	if row, ok := lang.Lookup(code); ok {
		return fmt.Sprintf("%s (%s)", row.Name, code)
	}
	return code
}

// catalogPath is where a domain's catalogue in a language lives.
func (c *checker) catalogPath(domain, lang string) string {
	return filepath.Join(c.cat.Root, domain+"."+lang+".toml")
}

// checkMissing reports every needed message that has no text, at the place
// in the language's catalogue where it belongs: after the message that
// precedes it in the English file. A missing file is one finding.
func (c *checker) checkMissing() {
	missingFiles := map[[2]string][]catalog.Key{}
	var fileOrder [][2]string
	for _, k := range c.needs.Keys {
		path := c.catalogPath(k.Domain, k.Lang)
		if c.broken[path] {
			continue
		}
		f, ok := c.cat.File(k.Domain, k.Lang)
		if !ok {
			fk := [2]string{k.Domain, k.Lang}
			if missingFiles[fk] == nil {
				fileOrder = append(fileOrder, fk)
			}
			missingFiles[fk] = append(missingFiles[fk], k)
			continue
		}
		m := f.Message(k.ID)
		who := describeUses(c.needs.Uses[k])
		en, hasEN := c.cat.File(k.Domain, "en")
		switch {
		case m == nil && k.Lang == "en":
			// The brief names a message the English does not have: the
			// mistake is in brief.toml (a typo or a renamed ID), and no
			// translation can be made before the English exists. An
			// edition's name belongs in the shared catalogue.
			domain := k.Domain
			if _, ok := c.namedEdition(k.ID); ok {
				domain = catalog.Shared
			}
			c.add(diag.Errorf(c.usePos(k), CodeMissing, c.unknownIDHint(en, k.Domain, k.ID),
				"message %q is used by %s but is not in %s.en.toml", k.ID, who, domain))
		case m == nil && hasEN && en.Message(k.ID) == nil:
			// Reported once, on the English.
		case m == nil:
			c.add(diag.Errorf(c.insertPos(f, k.ID), CodeMissing,
				fmt.Sprintf("add [%q] here, or run briefs sync", k.ID),
				"message %q has no %s text; needed by %s", k.ID, langName(k.Lang), who))
		case len(m.Forms) == 0 && k.Lang == "en":
			c.add(diag.Errorf(m.Pos, CodeMissing, "write it: add other = \"…\", or delete the message and the block that uses it",
				"message %q has no English text yet, which every translation is made from; needed by %s", k.ID, who))
		case len(m.Forms) == 0:
			c.add(diag.Errorf(m.Pos, CodeMissing, "translate it: add other = \"…\"",
				"message %q is not translated into %s yet; needed by %s", k.ID, langName(k.Lang), who))
		}
	}
	for _, fk := range fileOrder {
		keys := missingFiles[fk]
		var us []catalog.Use
		for _, k := range keys {
			for _, u := range c.needs.Uses[k] {
				us = appendUse(us, u)
			}
		}
		hint := c.cat.CreateHint(fk[0], fk[1])
		if misnamed, ok := c.cat.MisnamedHint(fk[0], fk[1]); ok {
			hint = misnamed
		} else if renamed, ok := c.cat.Renamed(fk[0], fk[1], c.needs.Used[fk[0]], c.isBrief); ok {
			hint = renamedHint(renamed, filepath.Base(c.catalogPath(fk[0], fk[1])), fk[1])
		}
		c.add(diag.Errorf(diag.Pos{File: c.catalogPath(fk[0], fk[1]), Line: 1, Col: 1}, CodeMissing,
			hint,
			"no %s catalogue for %s: %d messages missing; needed by %s", langName(fk[1]), fk[0], len(keys), describeUses(us)))
	}
}

func appendUse(us []catalog.Use, u catalog.Use) []catalog.Use {
	for _, x := range us {
		if x == u {
			return us
		}
	}
	return append(us, u)
}

// describeUses names briefs and editions: "jobs-in-sezs (editions region, kh)".
func describeUses(us []catalog.Use) string {
	var parts []string
	var cur string
	var eds []string
	flush := func() {
		if cur == "" {
			return
		}
		word := "edition"
		if len(eds) > 1 {
			word = "editions"
		}
		parts = append(parts, fmt.Sprintf("brief %s (%s %s)", cur, word, strings.Join(eds, ", ")))
	}
	for _, u := range us {
		if u.Brief != cur {
			flush()
			cur, eds = u.Brief, nil
		}
		eds = append(eds, u.Edition)
	}
	flush()
	return strings.Join(parts, "; ")
}

// insertPos is where a missing message belongs in a translation file: at
// the line after the last message that precedes it in the English file, or
// before the file's first message when none does.
func (c *checker) insertPos(f *catalog.File, id string) diag.Pos {
	lines := c.fileLines(f.Path)
	end := len(lines)
	if end > 0 && lines[end-1] == "" {
		end-- // the file ends with a newline: the next line is end+1
	}
	var prev *catalog.Message
	if en, ok := c.cat.File(f.Domain, "en"); ok {
		for _, em := range en.Messages {
			if em.ID == id {
				break
			}
			if m := f.Message(em.ID); m != nil {
				prev = m
			}
		}
	}
	if prev == nil {
		if len(f.Messages) > 0 {
			return diag.Pos{File: f.Path, Line: f.Messages[0].Pos.Line, Col: 1}
		}
		return diag.Pos{File: f.Path, Line: end + 1, Col: 1}
	}
	for i := prev.Pos.Line; i < end; i++ { // lines[i] is line i+1
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "[") {
			return diag.Pos{File: f.Path, Line: i + 1, Col: 1}
		}
	}
	return diag.Pos{File: f.Path, Line: end + 1, Col: 1}
}

// computeCoverage fills the coverage table, one row per brief × edition ×
// language, in brief, edition and language order.
func (c *checker) computeCoverage() []Coverage {
	var rows []Coverage
	for _, cl := range c.needs.Cells {
		row := Coverage{Brief: cl.Brief, Edition: cl.Edition, Lang: cl.Lang, Needed: len(cl.Keys)}
		for _, k := range cl.Keys {
			f, ok := c.cat.File(k.Domain, k.Lang)
			if !ok {
				continue
			}
			m := f.Message(k.ID)
			if m == nil || len(m.Forms) == 0 || k.Lang != "en" && blankMessage(m) {
				continue // a blank translation prints nothing: not translated
			}
			row.Translated++
			if c.current(m) && !c.faulty[m] {
				row.Current++
			}
		}
		if row.Needed > 0 {
			row.Percent = math.Floor(float64(row.Current)*1000/float64(row.Needed)) / 10
		}
		rows = append(rows, row)
	}
	return rows
}

// current reports whether a translation was made from the current English:
// English is always current; a translation is when its hash matches.
func (c *checker) current(m *catalog.Message) bool {
	if m.Lang == "en" {
		return true
	}
	en, ok := c.english(m.Domain, m.ID)
	return ok && m.Hash == en.SourceHash()
}

// usePos is the position in brief.toml where the first block that uses
// the message names it (in a long list or table, the block's own line
// left the ID to be searched for), or the catalogue file itself.
func (c *checker) usePos(k catalog.Key) diag.Pos {
	if e, ok := c.namedEdition(k.ID); ok {
		return e.Pos
	}
	if c.uses == nil {
		// Once: looked up block by block for each finding, 19,000 list
		// items without English took 22 s to check.
		c.uses = map[string]diag.Pos{}
		for _, b := range c.briefs {
			for _, blk := range b.Blocks {
				for _, id := range blk.MessageIDs() {
					if _, ok := c.uses[id]; !ok {
						c.uses[id] = c.idPos(blk, id)
					}
				}
			}
		}
	}
	if p, ok := c.uses[k.ID]; ok {
		return p
	}
	return diag.Pos{File: c.catalogPath(k.Domain, k.Lang), Line: 1, Col: 1}
}

// column is the column, in characters, of byte at of line i of file:
// counted on from the last one asked when that was earlier on the same
// line, as a list's IDs are asked in order (19,000 IDs on one line took
// seconds counted from the line's start each time).
func (c *checker) column(file string, i int, line string, at int) int {
	k := &c.lastCol
	if k.file != file || k.line != i || k.at > at {
		*k = colAt{file: file, line: i, col: 1}
	}
	k.col += utf8.RuneCountInString(line[k.at:at])
	k.at = at
	return k.col
}

// idPos is where block blk's text names message id (source.FindID); the
// block's position when it is not found there.
func (c *checker) idPos(blk source.Block, id string) diag.Pos {
	lines := c.fileLines(blk.Pos.File)
	if i, at, ok := source.FindID(lines, blk.Pos.Line, id); ok {
		return diag.Pos{File: blk.Pos.File, Line: i + 1, Col: c.column(blk.Pos.File, i, lines[i], at)}
	}
	return blk.Pos
}

// namedEdition finds the edition whose name message is id.
func (c *checker) namedEdition(id string) (source.Edition, bool) {
	for _, b := range c.briefs {
		for _, e := range b.Editions {
			if source.EditionNameID(e.Country) == id {
				return e, true
			}
		}
	}
	return source.Edition{}, false
}

// unknownIDHint suggests the English message whose ID is closest to id,
// as a renamed or misspelt ID usually is: first among the messages no
// edition uses (the English was renamed, rec.2 to rec2, and the brief
// still names the old ID), then among all, so that the hint never points
// a second block at a message another one uses when an unused one fits.
func (c *checker) unknownIDHint(en *catalog.File, domain, id string) string {
	if _, ok := c.namedEdition(id); ok {
		return catalog.EditionNameHint(id)
	}
	hint := fmt.Sprintf("add [%q] to the English catalogue, or fix the ID in brief.toml", id)
	if en == nil {
		return hint
	}
	used := c.needs.Used[domain]
	var unused, all []string
	for _, m := range en.Messages {
		all = append(all, m.ID)
		if !used[m.ID] {
			unused = append(unused, m.ID)
		}
	}
	best := diag.Closest(id, unused)
	if best == "" {
		best = diag.Closest(id, all)
	}
	if best != "" {
		hint = fmt.Sprintf("did you mean %q? Otherwise add [%q] to the English catalogue", best, id)
	}
	return hint
}
