package interchange

import (
	"slices"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// State is where a translation stands.
type State int

const (
	Untranslated State = iota
	Suggested          // a translation of the same English elsewhere, offered for review
	Stale              // made from older English, or never stamped
	Translated
	// Draft is a fuzzy translation of a message with none in the
	// catalogue, kept from the file export replaces (carryDrafts).
	Draft
)

// Unit is one message of one catalogue, ready for a PO entry or an
// XLIFF trans-unit.
type Unit struct {
	ID          string
	Description string
	Uses        []string          // "briefs/<id>/brief.toml:LINE", "locales/<domain>.en.toml:LINE"
	English     *catalog.Message  // the current English
	Was         map[string]string // the English a stale translation was made from, if known
	WasDesc     string            // the description it was made from, if known and different
	// Unstamped marks a stale translation with no hash: marked for review
	// (a reviewer's fuzzy flag, Weblate's "Needs editing"), not made
	// from other English as far as the catalogue knows.
	Unstamped bool
	Target    []string // one text per ToolForms category; "" when untranslated
	State     State
	From      *catalog.Suggestion // where a suggestion comes from
	Notes     []string            // the translator's comments in the TOML table (catfile.Table.Notes)
}

// held is the catalogue's translation of the unit, as judge sees it: a
// suggestion is not the catalogue's.
func (u Unit) held(code string) held {
	if u.State != Translated && u.State != Stale {
		return held{}
	}
	return held{forms: TOMLForms(code, u.English, u.Target), current: u.State == Translated}
}

// carried is a catalogue translation m of en as PO and XLIFF carry it,
// mapped back to TOML forms (Vietnamese one takes other's text): what an
// export was written from, as its record digests it (fileRecord.Held)
// and import compares the catalogue's translation with. nil: none.
func carried(code string, en, m *catalog.Message) map[string]string {
	if m == nil || len(m.Forms) == 0 {
		return nil
	}
	return TOMLForms(code, en, toolTarget(code, en, m))
}

// ToolForms are the plural categories a message travels with in PO and
// XLIFF: "other" for a message whose English has one form, else the
// language's lang.ToolPlurals.
func ToolForms(code string, en *catalog.Message) []string {
	if len(en.Forms) <= 1 {
		return []string{"other"}
	}
	row, _ := lang.Lookup(code)
	return row.ToolPlurals
}

// SourceForms are the English texts shown for each tool form: the
// English of the same category, or "other" where English has none.
func SourceForms(code string, en *catalog.Message) []string {
	var out []string
	for _, f := range ToolForms(code, en) {
		s, ok := en.Forms[f]
		if !ok {
			s = en.Other()
		}
		out = append(out, s)
	}
	return out
}

// toolTarget maps a translation's TOML forms onto the tool forms.
func toolTarget(code string, en, m *catalog.Message) []string {
	var out []string
	for _, f := range ToolForms(code, en) {
		out = append(out, m.Forms[f])
	}
	return out
}

// TOMLForms maps tool forms back onto every CLDR 49 category of the
// language (lang.Plurals): a category the tools do not count (Vietnamese
// "one") takes the text of "other".
func TOMLForms(code string, en *catalog.Message, target []string) map[string]string {
	tool := ToolForms(code, en)
	if len(en.Forms) <= 1 {
		return map[string]string{"other": target[0]}
	}
	row, _ := lang.Lookup(code)
	out := map[string]string{}
	for _, cat := range row.Plurals {
		i := slices.Index(tool, cat)
		if i < 0 {
			i = slices.Index(tool, "other")
		}
		out[cat] = target[i]
	}
	return out
}

// reviewNote is the exported note of a translation marked for review
// (Unstamped): nothing says the English changed.
const reviewNote = "Marked for review: check the translation against the English, then clear the fuzzy flag."
