package linebreak

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Names of the region: places the briefs of Mekong networks name that a
// dictionary parts into other words (เมียนมา, the Thai name of Myanmar
// since 2019, as เมีย|นมา "wife | comes"; ថាកែវ, Takeo, as "say | glass").
// They join each engine as a project's word list does (WithWords), so
// that they win over any split into listed words.
var (
	//go:embed dicts/names.th.txt
	thaiNames string
	//go:embed dicts/names.km.txt
	khmerNames string
	//go:embed dicts/names.my.txt
	burmeseNames string
	//go:embed dicts/names.latin.txt
	latinNames string
)

// NamePenalty is the cost of a line break at a space inside a name of the
// region written in Latin letters (Thái | Lan, Phnôm | Pênh): as much as
// parting a Thai number from the word it counts.
const NamePenalty = 300

// spacedNames are the names of latinNames, as runes.
var spacedNames = sync.OnceValue(func() [][]rune {
	var out [][]rune
	for line := range strings.Lines(latinNames) {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			out = append(out, []rune(w))
		}
	}
	return out
})

// namePenalties adds NamePenalty at the spaces inside each name of
// spacedNames that text holds as whole words.
func namePenalties(text []rune, pen func(i int, p int32)) {
	for _, name := range spacedNames() {
		for i := 0; i+len(name) <= len(text); i++ {
			if text[i] != name[0] || !slices.Equal(text[i:i+len(name)], name) {
				continue
			}
			if i > 0 && unicode.IsLetter(text[i-1]) || i+len(name) < len(text) && unicode.IsLetter(text[i+len(name)]) {
				continue // inside a longer word
			}
			for k := 1; k < len(name); k++ {
				if name[k-1] == ' ' {
					pen(i+k, NamePenalty)
				}
			}
		}
	}
}

var regionNames = map[script]*string{scriptThai: &thaiNames, scriptKhmer: &khmerNames, scriptMyanmar: &burmeseNames}

// namesTrie is the trie of script s's names of the region, or nil.
func namesTrie(s script) *trie {
	list, ok := regionNames[s]
	if !ok {
		return nil
	}
	var words [][]rune
	for line := range strings.Lines(*list) {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			words = append(words, []rune(w))
		}
	}
	return buildTrie(words, nil, model{})
}
