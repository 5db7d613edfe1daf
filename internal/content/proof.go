package content

import (
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
)

// Proof makes a document from plain lines of text, one paragraph each,
// for `briefs proof`. Lines are taken literally: no markup.
func Proof(file, lang string, lines []string) *Document {
	doc := &Document{BriefID: "proof", Lang: lang, Title: file}
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		doc.Blocks = append(doc.Blocks, Block{Kind: source.Paragraph, MsgID: fmt.Sprintf("line %d", i+1),
			Pos: diag.Pos{File: file, Line: i + 1, Col: 1}, Spans: []text.Span{{Text: text.NFC(text.Clean(l))}}})
	}
	doc.Footer = func(page, total int) (string, error) { return fmt.Sprintf("%d / %d", page, total), nil }
	return doc
}
