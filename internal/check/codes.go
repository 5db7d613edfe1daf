package check

import "github.com/mekong-briefs/briefs/internal/catalog"

// Finding codes. They are stable: CI configurations and editors match on
// them. doc.go and SCHEMA.md describe each.
const (
	CodeMissing      = "missing"
	CodeBriefID      = "brief-id" // as package source names its own brief-ID findings
	CodeStale        = "stale"
	CodeNoHash       = "no-hash"
	CodeOrphan       = "orphan"
	CodeDuplicateID  = catalog.CodeDuplicateID
	CodeUntranslated = "untranslated"
	CodeBlank        = "blank" // a translation with no character a reader sees
	CodeTemplate     = "template"
	CodePlural       = "plural"
	CodeMarkup       = "markup"
	CodeNumbers      = "numbers"
	CodeLinks        = "links"
	CodeNotNFC       = "not-nfc"
	CodeZawgyi       = "zawgyi"
	CodeMojibake     = "mojibake" // UTF-8 read as Windows-1252, or U+FFFD
	CodeOrthography  = "orthography"
	CodeDottedCircle = "dotted-circle"
	CodeNoGlyph      = "no-glyph"
	CodeWhitespace   = "whitespace"
	CodeZWSP         = "zwsp"
	CodeTerm         = "term"
	CodeTermsFile    = "terms-file"
	CodeMemory       = "memory" // one English text, two translations in one language
	CodeUnknownWord  = "unknown-word"
	CodeScript       = "script"
	CodeLegacyFont   = "legacy-font" // text typed in a pre-Unicode font (Limon, TCVN3)
)
