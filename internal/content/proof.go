package content

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/text"
)

// Proof makes a document from lines of text, one paragraph each, for
// `briefs proof`. Lines are taken literally, unless markup is set: then
// they are read like catalogue text (*emphasis*, **strong**, [links](…)),
// and broken markup or a link that is not http, https or mailto is a
// diag.List error, as in a catalogue: one for each line, at the
// character where the markup breaks.
func Proof(file, lang string, lines []string, markup bool) (*manuscript.Document, error) {
	doc := &manuscript.Document{BriefID: "proof", Lang: lang, Title: file}
	var ds diag.List
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		spans := []manuscript.Span{{Text: text.NFC(text.Clean(l))}}
		pos := diag.Pos{File: file, Line: i + 1, Col: 1}
		if markup {
			var err error
			line := spans[0].Text
			if spans, err = text.ParseInline(line); err != nil {
				at := pos
				if me, ok := err.(*text.MarkupError); ok && me.Offset <= len(line) {
					at.Col = rawColumn(l, line, me.Offset)
				}
				ds = append(ds, diag.Errorf(at, "markup", text.PlainMarkupHint, "line %d: %v", i+1, err))
				continue
			}
			if d, bad := linkProblem(pos, fmt.Sprintf("line %d", i+1), spans); bad {
				ds = append(ds, d)
				continue
			}
		}
		doc.Blocks = append(doc.Blocks, manuscript.Block{Kind: manuscript.Paragraph, MsgID: fmt.Sprintf("line %d", i+1),
			Pos: pos, Spans: spans})
	}
	if ds != nil {
		return nil, ds
	}
	doc.Folio = manuscript.Folio{Pattern: manuscript.PageSlot + " / " + manuscript.TotalSlot}
	return doc, nil
}

// rawColumn is the column in the file's line raw of the character at
// byte offset off of its cleaned NFC form, line: the characters of the
// shortest start of raw whose own cleaned form reaches off (a decomposed
// "ườ" is three characters in the file, one in the text). A very long line
// is counted on its cleaned form.
func rawColumn(raw, line string, off int) int {
	if raw == line || len(raw) > 4096 {
		return utf8.RuneCountInString(line[:off]) + 1
	}
	col := 1
	for k := range raw {
		if len(text.NFC(text.Clean(raw[:k]))) >= off {
			return col
		}
		col++
	}
	return col
}
