package catalog

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/catfile"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// messagePos finds the table of a message: ["id"] (or [id]), or id = "…"
// for the short form; a dotted ID may be nested tables.
func messagePos(path string, ix *tomlpos.Index, id string) diag.Pos {
	for _, p := range [][]string{{id}, strings.Split(id, ".")} {
		if at, ok := ix.Find(p...); ok {
			return diag.Pos{File: path, Line: at.Line, Col: at.Col}
		}
	}
	return diag.Pos{File: path, Line: 1, Col: 1}
}

// FieldPos finds a field (e.g. "other") of the message whose table is at
// msg, for findings about the text itself; msg when it has no such field.
// lines are the file's lines.
func FieldPos(lines []string, msg diag.Pos, field string) diag.Pos {
	ix := tomlpos.Parse([]byte(strings.Join(lines, "\n")))
	for _, p := range ix.Paths() {
		if at, _ := ix.Find(p...); at.Line == msg.Line && at.Col == msg.Col {
			if f, ok := ix.Find(append(p, field)...); ok {
				return diag.Pos{File: msg.File, Line: f.Line, Col: f.Col}
			}
		}
	}
	return msg
}

func tomlDiag(path string, data []byte, err error) diag.Diagnostic {
	var pe toml.ParseError
	if d, ok := source.ConflictMarker(path, data); ok && errors.As(err, &pe) {
		return d
	}
	if errors.As(err, &pe) {
		hint := source.TOMLHint(pe.Message, pe.Usage, `each message is a table: ["id"] then other = "text"`)
		return diag.Errorf(source.DecoderPos(path, data, pe), "toml-syntax", hint, "%s", pe.Message)
	}
	return diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "toml-syntax", `each message is a table: ["id"] then other = "text"`, "%v", err)
}

// FormOrder is the order of the CLDR plural categories, the order a
// message's forms are written in (catfile.FormOrder, its home).
var FormOrder = catfile.FormOrder

// messageKeys are the keys a message table may have (go-i18n's).
var messageKeys = append([]string{"description", "hash"}, FormOrder...)

// checkShape reports what go-i18n would misread or reject without saying
// where: a key of a message that is not one of messageKeys (ohter, which
// go-i18n would read as a message "id.ohter"), and a value that is not a
// string (other = 5). Each is placed at its key, with the message ID.
func checkShape(path string, ix *tomlpos.Index, probe map[string]any, tables func(id string) bool) diag.List {
	var ds diag.List
	ids := make([]string, 0, len(probe))
	for id := range probe {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		switch v := probe[id].(type) {
		case string, map[string]any:
			if !tables(id) {
				// go-i18n reads id = "text", an inline table and dotted
				// keys, but sync, import and check --fix edit a message
				// only as a table of its own: sync took such a message
				// for a new one and added its table again, which broke
				// the file.
				if sub, ok := dottedHeader(v); ok {
					// [findings.p1] without quotes: TOML reads a table
					// findings holding a table p1, and the ID is lost.
					ds = append(ds, diag.Errorf(keyPos(path, ix, id), "catalogue-format",
						fmt.Sprintf(`quote the message ID in the header: ["%s.%s"]`, id, sub),
						"the header [%s.%s] is not quoted, so TOML reads a table %q holding a table %q, not the message %q", id, sub, id, sub, id+"."+sub))
					continue
				}
				ds = append(ds, diag.Errorf(keyPos(path, ix, id), "catalogue-format",
					fmt.Sprintf(`write it as a table: a line ["%s"], then hash = … and other = "…" on lines of their own`, id),
					"message %q is not a table of its own, which briefs sync, import and check --fix need", id))
				continue
			}
			if m, ok := v.(map[string]any); ok {
				ds = append(ds, checkMessageTable(path, ix, id, m)...)
			}
		default:
			ds = append(ds, diag.Errorf(keyPos(path, ix, id), "catalogue-format", `each message is a table: ["id"] then other = "text"`,
				"message %q is %s, not a table or a string", id, source.KindOf(v)))
		}
	}
	return ds
}

// dottedHeader reports whether v is what an unquoted dotted header such
// as [findings.p1] makes of a message: a table of tables, none of whose
// keys is a message key. It returns the first inner key.
func dottedHeader(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		return "", false
	}
	keys := make([]string, 0, len(m))
	for k, inner := range m {
		if _, table := inner.(map[string]any); !table || slices.Contains(messageKeys, k) {
			return "", false
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys[0], true
}

func checkMessageTable(path string, ix *tomlpos.Index, id string, m map[string]any) diag.List {
	var ds diag.List
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		pos := keyPos(path, ix, id, k)
		if !contains(messageKeys, k) {
			// go-i18n reads Other as other: beside other it would replace
			// the translation without a word.
			hint := "a message has description, hash and plural forms (zero, one, two, few, many, other), in lower case"
			if contains(messageKeys, strings.ToLower(k)) {
				hint = fmt.Sprintf("write %q in lower case", strings.ToLower(k))
			} else if s := diag.Closest(k, messageKeys); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			ds = append(ds, diag.Errorf(pos, "unknown-key", hint, "message %q has an unknown key %q", id, k))
			continue
		}
		if _, ok := m[k].(string); !ok {
			ds = append(ds, diag.Errorf(pos, "catalogue-type", fmt.Sprintf(`put the text in quotes: %s = "…"`, k),
				"%s of message %q is %s, not a string", k, id, source.KindOf(m[k])))
		}
	}
	return ds
}

func keyPos(path string, ix *tomlpos.Index, keys ...string) diag.Pos {
	if at, ok := ix.Find(keys...); ok {
		return diag.Pos{File: path, Line: at.Line, Col: at.Col}
	}
	return messagePos(path, ix, keys[0])
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fieldPositions returns the position of each key of a message's table.
func fieldPositions(path string, ix *tomlpos.Index, id string) map[string]diag.Pos {
	out := map[string]diag.Pos{}
	for _, base := range [][]string{{id}, strings.Split(id, ".")} {
		for _, k := range messageKeys {
			if _, done := out[k]; done {
				continue
			}
			if at, ok := ix.Find(append(base, k)...); ok {
				out[k] = diag.Pos{File: path, Line: at.Line, Col: at.Col}
			}
		}
	}
	if at, ok := ix.Find(id); ok {
		if _, has := out["other"]; !has {
			out["other"] = diag.Pos{File: path, Line: at.Line, Col: at.Col} // id = "text"
		}
	}
	return out
}

// MaxMessages bounds one catalogue: as many messages as a brief of
// source.MaxPieces pieces can use. A 4 MB catalogue of 200,000 one-line
// messages took check over a minute and a gigabyte, so larger ones are
// refused before their messages are read.
const MaxMessages = 20_000

// tooManyMessages reports a catalogue of more than MaxMessages messages,
// counted in the index so that the decoder never reads such a file, and
// placed at the first message past the limit.
func tooManyMessages(path string, ix *tomlpos.Index) (diag.Diagnostic, bool) {
	seen := 0
	for _, p := range ix.Paths() {
		if len(p) != 1 {
			continue
		}
		if seen++; seen > MaxMessages {
			return diag.Errorf(keyPos(path, ix, p[0]), "catalogue-too-large", "split the brief, or check that this is the file you meant",
				"the catalogue has more than %d messages", MaxMessages), true
		}
	}
	return diag.Diagnostic{}, false
}

// TextPos is where the text of form of m, at byte offset off, stands in
// m's file, by the file's position index ix (tomlpos, the one position
// finder): the key of the form when the index cannot say. check and
// build place a finding about a message's text alike through it.
func TextPos(ix *tomlpos.Index, m *Message, form string, off int) diag.Pos {
	paths := [][]string{{m.ID, form}, append(strings.Split(m.ID, "."), form)}
	if form == "other" {
		paths = append(paths, []string{m.ID}) // the short form: id = "text"
	}
	for _, p := range paths {
		if at, ok := ix.TextPos(off, p...); ok {
			return diag.Pos{File: m.Pos.File, Line: at.Line, Col: at.Col}
		}
	}
	return m.FormPos(form)
}
