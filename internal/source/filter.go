package source

import (
	"fmt"
	"slices"
	"strings"
)

// CheckFilter refuses the first value of a command's filter (--brief,
// --edition, --lang) that is not among valid, and lists the valid ones.
// build and check both ask it, so that a value one refuses the other
// does not take for a filter that selects nothing.
func CheckFilter(what string, asked, valid []string) error {
	valid = slices.Compact(slices.Sorted(slices.Values(valid)))
	for _, a := range asked {
		if slices.Contains(valid, a) {
			continue
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
