package content

import (
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/text"
)

// Proof makes a document from lines of text, one paragraph each, for
// `briefs proof`. Lines are taken literally, unless markup is set: then
// they are read like catalogue text (*emphasis*, **strong**, [links](…)),
// and broken markup or a link that is not http, https or mailto is a
// diag.List error, as in a catalogue.
func Proof(file, lang string, lines []string, markup bool) (*manuscript.Document, error) {
	doc := &manuscript.Document{BriefID: "proof", Lang: lang, Title: file}
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		spans := []manuscript.Span{{Text: text.NFC(text.Clean(l))}}
		pos := diag.Pos{File: file, Line: i + 1, Col: 1}
		if markup {
			var err error
			if spans, err = text.ParseInline(spans[0].Text); err != nil {
				return nil, diag.List{diag.Errorf(pos, "markup",
					text.PlainMarkupHint, "line %d: %v", i+1, err)}
			}
			if d, bad := linkProblem(pos, fmt.Sprintf("line %d", i+1), spans); bad {
				return nil, diag.List{d}
			}
		}
		doc.Blocks = append(doc.Blocks, manuscript.Block{Kind: manuscript.Paragraph, MsgID: fmt.Sprintf("line %d", i+1),
			Pos: pos, Spans: spans})
	}
	doc.Folio = manuscript.Folio{Pattern: manuscript.PageSlot + " / " + manuscript.TotalSlot}
	return doc, nil
}
