package check

import (
	"slices"
	"strings"
	"unicode"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/text"
)

// checkUntranslated reports a translation whose text is the English text,
// unless that text needs no translation (see exempt).
func (c *checker) checkUntranslated(m, en *catalog.Message) {
	tr, src := strings.TrimSpace(m.Other()), strings.TrimSpace(en.Other())
	if tr != src || c.exempt(src) {
		return
	}
	c.add(diag.Warnf(c.textPos(m, "other", 0), CodeUntranslated,
		"translate it; names and acronyms may stay: list one-word names under keep in locales/terms.toml",
		"translation of %q is the English text %q", m.ID, clip(src, 60)))
}

// exempt is NeedsNoTranslation with the termbase's keep list.
func (c *checker) exempt(s string) bool { return NeedsNoTranslation(s, c.keep()) }

// keep is the termbase's keep list, none without a termbase.
func (c *checker) keep() []string {
	if c.terms == nil {
		return nil
	}
	return c.terms.Keep
}

// kept reports whether w is an acronym or a name the termbase keeps.
func (c *checker) kept(w string) bool { return keptWord(w, c.keep()) }

func keptWord(w string, keep []string) bool { return acronym(w) || slices.Contains(keep, w) }

// NeedsNoTranslation reports whether an English text may stay as it is
// in every language, keep being the names the termbase keeps
// (locales/terms.toml): import leaves a translation equal to the English
// out by this rule too (import-copied), so the two agree. Template actions, URLs, e-mail addresses and markup are set
// aside; what is left is split into words (runs of letters). The text is
// exempt when:
//   - it has no words (numbers, punctuation, "{{.Month}} {{.Year}}");
//   - every word is an acronym (two or more capitals: SEZ, ILO, MMN) or
//     a name listed in the termbase's keep list;
//   - it has two or more words and every one is capitalised or an
//     acronym: a proper name ("Thilawa SEZ (Yangon Region)").
//
// A single capitalised word ("Contact") is not exempt: it is usually a
// label, and names of one word go in the keep list.
func NeedsNoTranslation(s string, keep []string) bool {
	words := wordsOf(s)
	allKept, allNames := true, len(words) >= 2
	for _, w := range words {
		kept := keptWord(w, keep)
		if !kept {
			allKept = false
		}
		if !kept && !capitalised(w) {
			allNames = false
		}
	}
	return allKept || allNames
}

// wordsOf returns the runs of letters of a message text, without template
// actions, markup, URLs and e-mail addresses.
func wordsOf(s string) []string {
	spans, err := text.ParseInline(s)
	if err == nil {
		s = plainText(spans)
	}
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) })
}

func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

func capitalised(w string) bool {
	for i, r := range w {
		if i == 0 {
			return unicode.IsUpper(r)
		}
	}
	return false
}
