package content

import (
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
)

// Proof makes a document from lines of text, one paragraph each, for
// `briefs proof`. Lines are taken literally, unless markup is set: then
// they are read like catalogue text (*emphasis*, **strong**, [links](…)).
func Proof(file, lang string, lines []string, markup bool) (*Document, error) {
	doc := &Document{BriefID: "proof", Lang: lang, Title: file}
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		spans := []text.Span{{Text: text.NFC(text.Clean(l))}}
		if markup {
			var err error
			if spans, err = text.ParseInline(spans[0].Text); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", file, i+1, err)
			}
		}
		doc.Blocks = append(doc.Blocks, Block{Kind: source.Paragraph, MsgID: fmt.Sprintf("line %d", i+1),
			Pos: diag.Pos{File: file, Line: i + 1, Col: 1}, Spans: spans})
	}
	doc.Footer = func(page, total int) (string, error) { return fmt.Sprintf("%d / %d", page, total), nil }
	return doc, nil
}
