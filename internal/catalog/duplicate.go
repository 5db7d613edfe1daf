package catalog

import (
	"errors"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// CodeDuplicateID is the finding for a message ID defined twice in one
// file. TOML forbids defining a table twice (TOML 1.0, "Table"), so the
// decoder rejects such a file with an error that names only the key;
// duplicates says which message and where its first table is, in check
// and in build alike.
const CodeDuplicateID = "duplicate-id"

// duplicates reports each message table header of text that repeats an
// earlier one, when the decoder's error err is that redefinition. It
// returns nothing otherwise: the error is then about something else (a
// key repeated inside a table, a broken line), and tomlDiag reports it.
func duplicates(path, text string, err error) diag.List {
	var pe toml.ParseError
	if !errors.As(err, &pe) || !strings.Contains(pe.Message, "already been defined") {
		return nil
	}
	var ds diag.List
	atError := false
	first := map[string]int{}
	for _, h := range headers(text) {
		if l, ok := first[h.id]; ok {
			atError = atError || h.line == pe.Position.Line
			ds = append(ds, diag.Errorf(diag.Pos{File: path, Line: h.line, Col: 1}, CodeDuplicateID,
				"keep one of the two tables: TOML rejects the file as it is",
				"message %q is defined twice in this file (first at line %d)", h.id, l))
			continue
		}
		first[h.id] = h.line
	}
	if !atError {
		return nil
	}
	return ds
}

// header is one message table header found in a catalogue's text.
type header struct {
	id   string
	line int
}

// headers finds the top-level table headers of a TOML text: [id], ["id"]
// and ['id']. Array tables ([[x]]) are not messages and are skipped.
func headers(text string) []header {
	var out []header
	for i, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[[") {
			continue
		}
		end := strings.LastIndex(t, "]")
		if end < 0 {
			continue
		}
		key := strings.TrimSpace(t[1:end])
		if u, err := strconv.Unquote(key); err == nil && strings.HasPrefix(key, `"`) {
			key = u
		} else if len(key) >= 2 && key[0] == '\'' && key[len(key)-1] == '\'' {
			key = key[1 : len(key)-1]
		}
		out = append(out, header{key, i + 1})
	}
	return out
}
