package catalog

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/source"
)

// WordListName is the project word list of a language, beside the
// catalogues: names, loanwords and terms that no dictionary knows, one a
// line, so that the line breaker never breaks inside them.
func WordListName(code string) string { return "words." + code + ".txt" }

// WordListNames are the file names of every word list WordLists reads:
// the line breaker takes all of them whatever a document's language, since
// a Khmer name in an English paragraph is broken with the Khmer list.
func WordListNames() []string {
	var out []string
	for _, row := range lang.Table {
		if row.Words == lang.WordsByDictionary {
			out = append(out, WordListName(row.Code))
		}
	}
	return out
}

// loadWords reads the project's word lists into c.Words.
func (c *Catalog) loadWords() diag.List {
	words, ds := WordLists(c.Root)
	c.Words = words
	return ds
}

// WordLists reads the word list (NFC) of every language the language
// table breaks by dictionary, from a locales folder, by language code;
// proof and segment need only these, not the catalogues.
//
// Its findings are warnings: a word list only keeps names whole at line
// ends, so a list that cannot be read, or a line that is not a word, is
// left out and every PDF is still right. check (an error with --strict),
// build, proof and segment report them alike and go on.
func WordLists(root string) (map[string][]string, diag.List) {
	var out map[string][]string
	var ds diag.List
	for _, row := range lang.Table {
		if row.Words != lang.WordsByDictionary {
			continue
		}
		path := filepath.Join(root, WordListName(row.Code)) // one of WordListNames
		var data []byte
		err := source.Confine(path, root, filepath.Dir(root))
		if err == nil {
			data, err = source.ReadFile(path)
		}
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			hint := "make it a readable file, one word a line"
			if errors.Is(err, source.ErrOutside) {
				hint = source.OutsideHint
			}
			ds = append(ds, diag.Warnf(diag.Pos{File: path, Line: 1, Col: 1}, "word-list",
				hint, "read the word list: %v; it is not used", err))
			continue
		}
		if len(data) > source.MaxFileBytes {
			ds = append(ds, diag.Warnf(diag.Pos{File: path, Line: 1, Col: 1}, "word-list",
				"keep the names and loanwords no dictionary knows, one a line", "the word list is over the limit of %d MB; it is not used", source.MaxFileBytes>>20))
			continue
		}
		if !utf8.Valid(data) {
			ds = append(ds, diag.Warnf(source.InvalidUTF8(path, data), "utf8", "save the file as UTF-8", "word list is not valid UTF-8; it is not used"))
			continue
		}
		if out == nil {
			out = map[string][]string{}
		}
		words, wds := parseWordList(path, data)
		out[row.Code] = words
		ds = append(ds, wds...)
	}
	return out, ds
}

// MaxWordRunes bounds a word of a word list. The longest dictionary words
// are some 30 characters; a longer line is a paste gone wrong (a whole
// paragraph), and the line breaker's dictionary would be built for it
// character by character.
const MaxWordRunes = 100

// parseWordList reads one word a line, NFC; spaces around a word, blank
// lines and lines starting with # are skipped.
// A line over MaxWordRunes is left out, with a warning at its line.
func parseWordList(path string, data []byte) ([]string, diag.List) {
	var words []string
	var ds diag.List
	for i, l := range strings.Split(string(data), "\n") {
		w := strings.TrimSpace(strings.TrimPrefix(l, "\uFEFF"))
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		if n := utf8.RuneCountInString(w); n > MaxWordRunes {
			ds = append(ds, diag.Warnf(diag.Pos{File: path, Line: i + 1, Col: 1}, "word-list",
				"put one word on each line", "line %d is %d characters long, over the limit of %d for a word; it is left out", i+1, n, MaxWordRunes))
			continue
		}
		words = append(words, norm.NFC.String(w))
	}
	return words, ds
}
