package press

import (
	"slices"
	"testing"
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
