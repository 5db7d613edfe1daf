package main

import (
	"html"
	"regexp"
	"strings"
)

// LibreOffice's help (libreoffice-help-km) is HTML, one page a topic,
// which its translators segmented with ZWSP like the UI. htmlStrings
// turns a page into its paragraphs: the body's text, a paragraph for each
// block element (HTML Living Standard, "Flow content"), inline markup
// dropped so that a sentence with a highlighted menu name stays whole,
// character references decoded.

var (
	scriptOrStyle = regexp.MustCompile(`(?is)<(script|style|head)\b.*?</(script|style|head)\s*>`)
	blockTag      = regexp.MustCompile(`(?i)</?(p|h[1-6]|li|ul|ol|td|th|tr|table|div|br|dt|dd|pre|blockquote)\b[^>]*>`)
	anyTag        = regexp.MustCompile(`(?s)<[^>]*>`)
)

// htmlStrings returns the paragraphs of an HTML page.
func htmlStrings(page string) []string {
	page = scriptOrStyle.ReplaceAllString(page, "\n")
	page = blockTag.ReplaceAllString(page, "\n")
	page = anyTag.ReplaceAllString(page, "")
	var out []string
	for _, p := range strings.Split(html.UnescapeString(page), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
