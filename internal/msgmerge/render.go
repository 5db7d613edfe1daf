package msgmerge

import (
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
)

// merger updates one translation catalogue in place; see Sync.
type merger struct {
	doc    *catfile.Doc
	en     *catalog.File
	old    *catalog.File
	need   map[string]bool
	accept func(id string) bool
	memory map[string][]catalog.Suggestion
	res    *Result
}

func (g *merger) run() error {
	if !g.doc.Exists {
		g.doc.SetHead(fmt.Sprintf("Catalogue %q in %s. Written by briefs sync: translate each entry", g.en.Domain, g.res.Lang),
			`that has no other text; the English is in the "# en:" comment above it.`, "")
		g.doc.Head[len(g.doc.Head)-1] = g.doc.EOL
	}
	var prev *catfile.Table
	for _, e := range g.en.Messages {
		t := g.doc.Table(e.ID)
		m := g.old.Message(e.ID)
		if m != nil && m.Inherited {
			// The built-in translation serves while it is current; once
			// the project's English differs, the project needs its own.
			if m.Hash == e.SourceHash() {
				continue
			}
			m = nil
		}
		if t == nil {
			if !g.need[e.ID] {
				continue
			}
			t = g.doc.NewTable(e.ID, "hash = "+catfile.Quote(e.SourceHash()))
			g.doc.Insert(prev, t)
			g.res.Added++
		}
		if err := g.entry(t, e, m); err != nil {
			return err
		}
		prev = t
	}
	for _, t := range g.doc.Tables {
		if g.en.Message(t.ID) == nil {
			g.res.Orphans++
			g.doc.SetOwned(t, []string{fmt.Sprintf("orphan: %s.en.toml has no message %q", g.en.Domain, t.ID)})
		}
	}
	return nil
}

// entry updates the owned comments and, with Accept, the hash of one
// message's table.
func (g *merger) entry(t *catfile.Table, e, m *catalog.Message) error {
	prev := parseOwned(t.Owned())
	owned := sourceLines(e)
	if m == nil || len(m.Forms) == 0 {
		if m != nil {
			g.res.Untranslated++
			// No text to go stale: the entry is for the current English.
			// Left with the hash it was made with, a translation written
			// under the new # en: comment was reported stale at once.
			if cur := e.SourceHash(); m.Hash != "" && m.Hash != cur {
				if _, err := g.doc.SetBefore(t, "hash", cur, catalog.FormOrder...); err != nil {
					return fmt.Errorf("%s: message %q: %v", g.res.Path, e.ID, err)
				}
				g.res.Rehashed++
			}
		}
		if s, ok := catalog.Suggest(g.memory, e); ok {
			owned = append(owned, suggestionLines(s)...)
			g.res.Suggested++
		}
		g.doc.SetOwned(t, owned)
		return nil
	}
	cur := e.SourceHash()
	hash := m.Hash
	if g.accept(e.ID) && hash != cur {
		if _, err := g.doc.SetBefore(t, "hash", cur, catalog.FormOrder...); err != nil {
			return fmt.Errorf("%s: message %q: %v", g.res.Path, e.ID, err)
		}
		g.res.Stamped++
		hash = cur
	}
	if hash != "" && hash != cur {
		g.res.Stale++
		w := prev.was(e, m)
		if w.descOnly(e) {
			g.res.DescriptionOnly++
		}
		owned = append(owned, w.lines(e)...)
		owned = append(owned, staleLine(w, e, g.res.Lang))
	}
	g.doc.SetOwned(t, owned)
	return nil
}

// SourceComments are the owned comments of a current translation of e:
// the English description and text. Import writes them on what it stamps.
func SourceComments(e *catalog.Message) []string { return sourceLines(e) }

// sourceLines are the comments that show the current English: its
// description and every form of its text.
func sourceLines(e *catalog.Message) []string {
	var out []string
	if e.Description != "" {
		out = append(out, "description: "+catfile.CommentText(e.Description))
	}
	return append(out, formLines("en", e.Forms)...)
}

// formLines writes forms as "en: text", or "en one: …" per category for
// a plural message.
func formLines(tag string, forms map[string]string) []string {
	if len(forms) == 1 {
		for _, t := range forms {
			return []string{tag + ": " + catfile.CommentText(t)}
		}
	}
	var out []string
	for _, f := range catalog.FormOrder {
		if t, ok := forms[f]; ok {
			out = append(out, tag+" "+f+": "+catfile.CommentText(t))
		}
	}
	return out
}

func suggestionLines(s catalog.Suggestion) []string {
	where := fmt.Sprintf("the same English is translated in %s, message %q; copy it below if it fits here", s.Domain, s.ID)
	return append([]string{"suggestion: " + where}, formLines("suggestion", s.Forms)...)
}

// staleLine says what changed and how to mark the translation current.
func staleLine(w wasSource, e *catalog.Message, lang string) string {
	accept := fmt.Sprintf("run briefs sync --accept --lang %s --id %s", lang, e.ID)
	switch {
	case w.descOnly(e):
		return "stale: only the description changed (the text is the same); check the translation against it, then " + accept
	case w.known:
		return "stale: the English text changed after this was translated (it was the \"was\" text above); update it, then " + accept
	}
	return "stale: the English changed after this was translated; update it, then " + accept
}

// commentForms collects "tag: text" and "tag cat: text" owned lines.
func commentForms(lines []string, tag string) map[string]string {
	out := map[string]string{}
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, tag+": "); ok {
			out["other"] = catfile.UnComment(rest)
			continue
		}
		for _, f := range catalog.FormOrder {
			if rest, ok := strings.CutPrefix(l, tag+" "+f+": "); ok {
				out[f] = catfile.UnComment(rest)
			}
		}
	}
	return out
}
