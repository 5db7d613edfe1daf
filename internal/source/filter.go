package source

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// CheckFilter refuses the first value of a command's filter (--brief,
// --edition, --lang) that is not among valid, and lists the valid ones.
// build, check and export all ask it, so that a value one refuses the other
// does not take for a filter that selects nothing.
func CheckFilter(what string, asked, valid []string) error {
	valid = slices.Compact(slices.Sorted(slices.Values(valid)))
	for _, a := range asked {
		if slices.Contains(valid, a) {
			continue
		}
		if row, ok := lang.Lookup(a); what == "language" && ok {
			// A language briefs knows that no edition publishes: not
			// "unknown", which sends the user to look for a typo.
			return fmt.Errorf("no edition publishes %s (%s): add it to an edition's languages in briefs/<id>/brief.toml; published: %s", row.Name, a, strings.Join(valid, ", "))
		}
		hint := ""
		if s := LanguageSuggestion(a); what == "language" && s != "" {
			hint = " (" + s + ")"
		}
		return fmt.Errorf("unknown %s %q%s; valid: %s", what, a, hint, strings.Join(valid, ", "))
	}
	return nil
}

// EditionLanguages lists the languages the briefs' editions are published
// in, each once.
func EditionLanguages(briefs []*Brief) []string {
	var langs []string
	for _, b := range briefs {
		for _, e := range b.Editions {
			langs = append(langs, e.Languages...)
		}
	}
	return slices.Compact(slices.Sorted(slices.Values(langs)))
}
