package check

import (
	"fmt"
	"unicode/utf8"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/linebreak"
)

// checkUnknownWords lists, once per language and word, the stretches of
// Thai, Khmer and Burmese text of at least two syllables that neither the
// embedded dictionaries nor the project's word list know: names,
// loanwords and terms the line breaker will cut where a dictionary word
// happens to end (`ធី|ឡា|វ៉ា`). Each finding stands at the word's first
// occurrence and says how often it occurs; adding the word to
// locales/words.<lang>.txt keeps it whole. A message its translator
// segmented with ZWSP is left alone: its marks stand.
func (c *checker) checkUnknownWords() {
	b, err := linebreak.New().WithProjectWords(c.cat.Words)
	if err != nil {
		return // catalog reports a word list it could not read
	}
	type seen struct {
		pos      diag.Pos
		count    int
		messages map[string]bool
	}
	found := map[[2]string]*seen{} // language, word
	var order [][2]string
	for _, f := range c.cat.Files {
		if row, ok := lang.Lookup(f.Lang); !ok || row.Words != lang.WordsByDictionary || !c.selected(f) {
			continue
		}
		for _, m := range f.Messages {
			if isZawgyi(m) {
				continue
			}
			eachForm(m, func(form, s string) {
				for _, w := range b.UnknownWords(s) {
					k := [2]string{wordListLang(w.Text, f.Lang), w.Text}
					if found[k] == nil {
						found[k] = &seen{pos: c.textPos(m, form, w.Offset), messages: map[string]bool{}}
						order = append(order, k)
					}
					found[k].count++
					found[k].messages[m.Domain+"/"+m.ID] = true
				}
			})
		}
	}
	for _, k := range order {
		s := found[k]
		c.add(diag.Warnf(s.pos, CodeUnknownWord,
			fmt.Sprintf("if it is one word (a name, loanword or term), add it to locales/%s so that no line breaks inside it", catalog.WordListName(k[0])),
			"%q is in no %s dictionary (%s)", k[1], langName(k[0]), occurrences(s.count, len(s.messages))))
	}
}

// wordListLang is the language whose dictionary and word list break a
// word: the catalogue's own when the word is in its script, else the
// language broken by dictionary that writes the word's script, since a
// Shan or Burmese name in a Thai text is broken with the Burmese list
// (linebreak.WithWords), and words.th.txt would not keep it whole.
func wordListLang(word, catalogueLang string) string {
	r, _ := utf8.DecodeRuneInString(word)
	script := language.LookupScript(r)
	if row, ok := lang.Lookup(catalogueLang); ok && row.Script == script {
		return catalogueLang
	}
	for _, row := range lang.Table {
		if row.Words == lang.WordsByDictionary && row.Script == script {
			return row.Code
		}
	}
	return catalogueLang
}

// occurrences says how often a word was found, in how many messages.
func occurrences(n, messages int) string {
	times := "once"
	if n > 1 {
		times = fmt.Sprintf("%d times", n)
	}
	if messages == 1 {
		return times + " in 1 message"
	}
	return fmt.Sprintf("%s in %d messages", times, messages)
}
