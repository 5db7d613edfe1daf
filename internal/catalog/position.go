package catalog

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
)

// messagePos finds the table header of a message: [id] or ["id"].
func messagePos(path string, lines []string, id string) diag.Pos {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "["+id+"]" || t == `["`+id+`"]` || t == "['"+id+"']" {
			return diag.Pos{File: path, Line: i + 1, Col: strings.Index(l, "[") + 1}
		}
	}
	return diag.Pos{File: path, Line: 1, Col: 1}
}

// FieldPos finds the line of a field (e.g. "other") inside a message's
// table, for findings about the text itself.
func FieldPos(lines []string, msg diag.Pos, field string) diag.Pos {
	for i := msg.Line; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, "[") {
			break
		}
		if rest, ok := strings.CutPrefix(t, field); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return diag.Pos{File: msg.File, Line: i + 1, Col: strings.Index(lines[i], field) + 1}
		}
	}
	return msg
}

func validUTF8(b []byte) bool { return utf8.Valid(b) }

func tomlDiag(path string, data []byte, err error) diag.Diagnostic {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		pos := diag.Pos{File: path, Line: pe.Position.Line, Col: pe.Position.Col}
		if s := pe.Position.Start; s > 0 && s <= len(data) {
			pos = source.OffsetPos(path, data, s)
		}
		hint := source.TOMLHint(pe.Message, pe.Usage, `each message is a table: ["id"] then other = "text"`)
		return diag.Errorf(pos, "toml-syntax", hint, "%s", pe.Message)
	}
	return diag.Errorf(diag.Pos{File: path}, "toml-syntax", "", "%v", err)
}
