package press

import (
	"slices"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/language"
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

// TestScriptRangeAgreesWithLookupScript: the range wordListsFor skips
// lookups within holds r and gives the script go-text gives r, for every
// character.
func TestScriptRangeAgreesWithLookupScript(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		sr := scriptRange(r)
		if sr.Start > r || sr.End < r || sr.Script != language.LookupScript(r) {
			t.Fatalf("U+%04X: range %+v, LookupScript gives %v", r, sr, language.LookupScript(r))
		}
	}
}
