package catalog

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
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

// loadWords reads the word list of every language the language table
// breaks by dictionary, NFC, into c.Words.
func (c *Catalog) loadWords() diag.List {
	var ds diag.List
	for _, row := range lang.Table {
		if row.Words != lang.WordsByDictionary {
			continue
		}
		path := filepath.Join(c.Root, WordListName(row.Code))
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		pos := diag.Pos{File: path}
		if err != nil {
			ds = append(ds, diag.Errorf(pos, "word-list", "make the file readable", "read the word list: %v", err))
			continue
		}
		if !utf8.Valid(data) {
			ds = append(ds, diag.Errorf(source.InvalidUTF8(path, data), "utf8", "save the file as UTF-8", "word list is not valid UTF-8"))
			continue
		}
		words, err := parseWords(bytes.NewReader(data))
		if err != nil {
			ds = append(ds, diag.Errorf(pos, "word-list", "one word a line; # starts a comment", "%v", err))
			continue
		}
		for i, w := range words {
			words[i] = norm.NFC.String(w)
		}
		if c.Words == nil {
			c.Words = map[string][]string{}
		}
		c.Words[row.Code] = words
	}
	return ds
}

// parseWords reads a project word list as linebreak.ParseWords does (one
// word a line; blank lines and # comments skipped). It lives here too so
// that the catalogue, which evaluation reads, does not reach the line
// breaker (test/stagecut).
func parseWords(r io.Reader) ([]string, error) {
	var words []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && !strings.HasPrefix(w, "#") {
			words = append(words, w)
		}
	}
	return words, sc.Err()
}
