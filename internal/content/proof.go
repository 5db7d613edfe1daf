package content

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

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
// byte offset off of its cleaned NFC form, line: raw is walked once, a
// normalisation segment at a time (a decomposed "ệ" is one segment of
// three characters in the file and one in the text), counting what each
// segment becomes.
func rawColumn(raw, line string, off int) int {
	if raw == line {
		return utf8.RuneCountInString(line[:off]) + 1
	}
	col, at := 1, 0
	for i := 0; i < len(raw); {
		n := norm.NFC.NextBoundaryInString(raw[i:], true)
		if n <= 0 {
			n = len(raw) - i
		}
		seg := raw[i : i+n]
		l := len(text.NFC(text.Clean(seg)))
		if at+l > off {
			return col
		}
		at += l
		col += utf8.RuneCountInString(seg)
		i += n
	}
	return col
}
