package msgmerge

import (
	"maps"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
)

// owned is what the comments sync wrote last time say.
type owned struct {
	desc     string
	hasDesc  bool
	en       map[string]string // the English at the last sync
	recorded wasSource         // the English a stale translation was made from
	stale    bool
}

// wasSource is the English a translation was made from, when known.
type wasSource struct {
	known   bool
	desc    string
	hasDesc bool
	forms   map[string]string
}

func parseOwned(lines []string) owned {
	var o owned
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "description: "):
			o.desc, o.hasDesc = catfile.UnComment(strings.TrimPrefix(l, "description: ")), true
		case strings.HasPrefix(l, "was description: "):
			o.recorded.desc, o.recorded.hasDesc = catfile.UnComment(strings.TrimPrefix(l, "was description: ")), true
		case strings.HasPrefix(l, "stale:"):
			o.stale = true
		}
	}
	o.en = commentForms(lines, "en")
	o.recorded.forms = commentForms(lines, "was")
	o.recorded.known = len(o.recorded.forms) > 0 || o.recorded.hasDesc
	return o
}

// was returns the English a stale translation m was made from: the one
// sync recorded before ("# was:"), or else the English of the last sync
// ("# en:", "# description:") if the translation was current then and
// its hash confirms it. Otherwise it is unknown.
func (o owned) was(e, m *catalog.Message) wasSource {
	if o.recorded.known {
		w := o.recorded
		if len(w.forms) == 0 {
			w.forms = o.en // only the description had changed then
		}
		if len(w.forms) == 0 {
			w.forms = e.Forms
		}
		if !w.hasDesc {
			w.desc = e.Description
		}
		return w
	}
	if o.stale || len(o.en) == 0 {
		return wasSource{}
	}
	descs := []string{e.Description}
	if o.hasDesc {
		descs = []string{o.desc}
	}
	for _, d := range descs {
		src := &catalog.Message{Description: d, Forms: o.en}
		if src.SourceHash() == m.Hash {
			return wasSource{known: true, desc: d, hasDesc: d != e.Description, forms: o.en}
		}
	}
	return wasSource{}
}

// descOnly reports whether only the description changed since w.
func (w wasSource) descOnly(e *catalog.Message) bool {
	return w.known && maps.Equal(w.forms, e.Forms) && w.desc != e.Description
}

// lines writes w as "# was" comments: the old text when it differs, the
// old description when it differs.
func (w wasSource) lines(e *catalog.Message) []string {
	if !w.known {
		return nil
	}
	var out []string
	if w.hasDesc {
		out = append(out, "was description: "+catfile.CommentText(w.desc))
	}
	if maps.Equal(w.forms, e.Forms) {
		return out
	}
	return append(out, formLines("was", w.forms)...)
}

// WasDescription returns the description a stale translation m of e was
// made from, when sync knows it and it differs from the current one.
func WasDescription(t *catfile.Table, e, m *catalog.Message) (string, bool) {
	if t == nil || m == nil {
		return "", false
	}
	w := parseOwned(t.Owned()).was(e, m)
	return w.desc, w.known && w.desc != e.Description
}

// WasEnglish returns the English forms a stale translation m of e was
// made from, as sync recorded them (or as its hash confirms), when they
// are known and differ from the current English: export shows them to
// translators as the previous source (#| msgid in PO).
func WasEnglish(t *catfile.Table, e, m *catalog.Message) (map[string]string, bool) {
	if t == nil || m == nil {
		return nil, false
	}
	w := parseOwned(t.Owned()).was(e, m)
	if !w.known || maps.Equal(w.forms, e.Forms) {
		return nil, false
	}
	return w.forms, true
}
