// Package manuscript holds an evaluated brief: one edition in one language,
// as the typesetter receives it.
//
// Every message is already rendered, every piece of inline markup parsed
// into spans, every date and number formatted, every image read. A Document
// has text and images in reading order and no geometry; layout sets it. It
// carries no message IDs to resolve and no callbacks, so layout never calls
// back into the catalogues, and this package imports nothing of the pipeline
// but diag.
package manuscript

import (
	"strconv"
	"strings"
	"time"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// Document is an evaluated edition in one language.
type Document struct {
	BriefID string
	Edition string // country code, or "region"
	Lang    string
	Title   string // plain text, for the PDF title
	Date    time.Time
	Blocks  []Block
	Folio   Folio // the page footer
	// EditionName is the edition as the title block names it ("Cambodia
	// edition"), and Organisation who publishes the brief: the PDF's
	// subject and author.
	EditionName  string
	Organisation string
	// Masthead is the organisation's logo and name over the title block
	// on page 1; nil when neither the project nor the brief names one.
	Masthead *Masthead
	// Draft is set by `build --draft`: some messages were missing in Lang
	// and are set in the source language instead. Layout marks every
	// page DRAFT and lists Missing, the IDs of those messages.
	Draft   bool
	Missing []string
}

// Kind is what a block is. The names are those of brief.toml's block
// types, plus EditionLabel, which evaluation adds over the title.
type Kind string

const (
	Title        Kind = "title"
	Subtitle     Kind = "subtitle"
	EditionLabel Kind = "edition-label" // the edition's name, e.g. "Thailand edition"
	Heading      Kind = "heading"
	Paragraph    Kind = "paragraph"
	List         Kind = "list"
	Table        Kind = "table"
	Figure       Kind = "figure"
	Contact      Kind = "contact"
	Published    Kind = "published"
)

// Block is one evaluated content block. Its spans are read only, for
// every stage after evaluation: the evaluator shares a message's parsed
// spans between the documents of a process (content/inline.go), so a
// change to one would reach every edition that renders the message.
type Block struct {
	Kind  Kind
	Level int
	MsgID string // first message of the block, for diagnostics
	// Pos is where the block is written, for diagnostics alone: the
	// cache's content key (the document as JSON) leaves it out, so that a
	// line added or removed above a block (a withdrawn edition, a
	// comment) does not typeset again every PDF of the brief, to the same
	// bytes.
	Pos diag.Pos `json:"-"`

	Spans    []Span   // title, subtitle, heading, paragraph, published, caption
	Items    [][]Span // list items; contact lines
	ItemIDs  []string // the message of each list item, for diagnostics
	Labels   []string // list labels: "•" or formatted numbers
	Numbered bool     // list: its labels count the items (Labels are numbers)
	Header   [][]Span // table header cells
	Rows     [][][]Span
	// CellIDs holds the message of each table cell: the header row, then
	// the body rows, for diagnostics.
	CellIDs [][]string
	// ColumnStyles overrides the automatic layout of the first columns
	// of a table (brief.toml's column_styles).
	ColumnStyles []ColumnStyle
	Image        *Image
	Width        float64 // figure width as a fraction of the measure
	Chart        *Chart
}

// ColumnStyle is a table column's alignment ("", "left", "center" or
// "right"; "" sets a column of numbers flush right) and width, a
// fraction of the measure (0: automatic).
type ColumnStyle struct {
	Align string
	Width float64
}

// Span is a piece of inline text with one style.
type Span struct {
	Text   string
	Strong bool
	Emph   bool
	Link   string // URI (https:, mailto:) or ""
	// Lang is the language code of a span written in another language
	// than the document's (the project's organisation name, written once
	// in the source language), or "" for the document's. It tags the
	// span for screen readers where its script does not tell (English in
	// a Vietnamese PDF) and shapes it in that language.
	Lang string
}

// Masthead names who publishes a brief, over its title: a logo, a name,
// or both. The logo is drawn as an artifact, because the name beside it
// says what it shows (a logo without a name has no text to stand for).
type Masthead struct {
	Logo *Image // nil: no logo
	Name []Span // empty: no name
	// NamePos is where the name comes from (a catalogue message or the
	// settings), for diagnostics.
	NamePos diag.Pos `json:"-"` // as Block.Pos
}

// Image is a figure's file.
type Image struct {
	Data   []byte
	Format string // "png" or "jpeg"
	Alt    string
	Src    string // the file as the brief names it, for findings
}

// The slots of a Folio pattern: private-use characters (U+E000, U+E001),
// which no catalogue text contains.
const (
	PageSlot  = "\uE000"
	TotalSlot = "\uE001"
)

// Folio is the page footer as data: the translated pattern, already
// rendered, with a slot for the page number and one for the page count,
// and the digits to write both in.
type Folio struct {
	Pattern string // e.g. "Page \uE000 of \uE001"
	// Running names the brief and its edition on every page after the
	// first, so that loose pages of different editions can be told
	// apart, e.g. "Jobs in SEZs · Cambodia edition".
	Running string
	// RunningTitle is the brief's title as Running holds it: the part a
	// footer too long for its line shortens, so that the edition stays.
	RunningTitle string
	// Digits holds the ten digits 0–9 of the language when it prints
	// native digits (០១២៣៤៥៦៧៨៩); "" means ASCII digits.
	Digits string
}

// Format fills the pattern for page (1-based) of total.
func (f Folio) Format(page, total int) string {
	return strings.NewReplacer(PageSlot, f.Number(page), TotalSlot, f.Number(total)).Replace(f.Pattern)
}

// Number writes n in the folio's digits.
func (f Folio) Number(n int) string {
	s := []rune(strconv.Itoa(n))
	digits := []rune(f.Digits)
	if len(digits) != 10 {
		return string(s)
	}
	for i, r := range s {
		if r >= '0' && r <= '9' {
			s[i] = digits[r-'0']
		}
	}
	return string(s)
}
