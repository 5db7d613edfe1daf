package press

import (
	"slices"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// TestWordListsFollowScripts: a document's content key covers the word
// lists of the scripts it holds, and no other.
func TestWordListsFollowScripts(t *testing.T) {
	for text, want := range map[string][]string{
		`{"Title":"Jobs in zones"}`:               nil,
		`{"Title":"Jobs in zones","Name":"ហ៊ុន"}`: {"words.km.txt"},
		`{"A":"งาน","B":"အလုပ်","C":"Việt Nam"}`:  {"words.my.txt", "words.th.txt"},
		`{"A":"ສະບາຍດີ"}`:                         nil, // Lao is broken by matching, without a word list
	} {
		if got := wordListsFor([]byte(text)); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", text, got, want)
		}
	}
}

// TestDictionaryRangesHoldTheirScripts: a character is in the ranges
// wordListsFor looks in when, and only when, LookupScript gives it the
// script of a language broken by a word list.
func TestDictionaryRangesHoldTheirScripts(t *testing.T) {
	dict := map[language.Script]bool{}
	for _, row := range lang.Table {
		if row.Words == lang.WordsByDictionary {
			dict[row.Script] = true
		}
	}
	ranges := dictionaryRanges()
	for r := rune(0); r <= unicode.MaxRune; r++ {
		in := false
		for _, sr := range ranges {
			if r >= sr.Start && r <= sr.End {
				in = sr.Script == language.LookupScript(r)
				if !in {
					t.Fatalf("U+%04X: in a range of %v, LookupScript gives %v", r, sr.Script, language.LookupScript(r))
				}
			}
		}
		if in != dict[language.LookupScript(r)] {
			t.Fatalf("U+%04X (%v): in the ranges %v", r, language.LookupScript(r), in)
		}
	}
}
