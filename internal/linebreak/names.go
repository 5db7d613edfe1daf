package linebreak

import (
	_ "embed"
	"strings"
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
)

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
