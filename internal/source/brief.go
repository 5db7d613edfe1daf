// Package source decodes brief sources (briefs/<id>/brief.toml) into
// immutable Brief values. It knows structure only: every piece of text is a
// message ID that the catalog stage resolves.
package source

import (
	"slices"
	"time"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// Brief is one decoded brief.
type Brief struct {
	ID         string
	IDPos      diag.Pos // where brief.toml writes the id
	Dir        string   // folder holding brief.toml and its images
	File       string   // path of brief.toml
	Date       time.Time
	SourceLang string
	Editions   []Edition
	Blocks     []Block
	// Masthead names the organisation over the title block on page 1:
	// its logo and name. Nil when brief.toml has no [masthead] table;
	// the project's settings (briefs.toml) take precedence over it.
	Masthead *Masthead
}

// Masthead is brief.toml's [masthead] table.
type Masthead struct {
	Logo string // a PNG or JPEG beside brief.toml, as a figure's src
	Name string // message ID of the organisation's name
	Pos  diag.Pos
}

// Edition is one country's (or the region's) publication of a brief.
type Edition struct {
	Country      string // ISO 3166 alpha-2 in lower case, or "region"
	Languages    []string
	NativeDigits []string // languages that print native digits in this edition
	Pos          diag.Pos
}

// Kind names a block type.
type Kind string

const (
	Title     Kind = "title"
	Subtitle  Kind = "subtitle"
	Heading   Kind = "heading"
	Paragraph Kind = "paragraph"
	List      Kind = "list"
	Table     Kind = "table"
	Figure    Kind = "figure"
	Contact   Kind = "contact"
	Published Kind = "published"
)

// Block is one content block. Which fields are set depends on Kind.
type Block struct {
	Kind     Kind
	Pos      diag.Pos
	Editions []string // empty: every edition

	Msg      string     // title, subtitle, heading, paragraph, published
	Level    int        // heading: 1 or 2
	Numbered bool       // list
	Items    []string   // list
	Columns  []string   // table header cells
	Rows     [][]string // table body cells
	// ColumnStyles overrides the automatic layout of a table's columns,
	// the first len(ColumnStyles) of them; nil: every column automatic.
	ColumnStyles []ColumnStyle

	Src     string   // figure: file name beside brief.toml
	SrcPos  diag.Pos // where src is written (Pos when it is not)
	Width   float64  // figure: fraction of the measure
	Caption string   // figure, chart, table
	Alt     string   // figure

	Name, Role, Org string   // contact messages
	Email           string   // contact: literal address
	Answers         []string // contact: languages the person answers in

	ID    string     // table: the name a chart's from refers to
	Chart *ChartSpec // chart
}

// ColumnStyle is one column's override in a table block's column_styles.
type ColumnStyle struct {
	Align string  // AlignAuto (""), AlignLeft, AlignCenter or AlignRight
	Width float64 // a fraction of the measure; 0: automatic
}

// The alignments of a table column. Automatic sets a column of numbers
// flush right and any other flush left.
const (
	AlignAuto   = ""
	AlignLeft   = "left"
	AlignCenter = "center"
	AlignRight  = "right"
)

// InEdition reports whether the block appears in the edition.
func (b Block) InEdition(country string) bool {
	return len(b.Editions) == 0 || slices.Contains(b.Editions, country)
}

// MessageIDs lists the catalogue messages the block uses, in reading order.
func (b Block) MessageIDs() []string {
	var ids []string
	add := func(s ...string) {
		for _, id := range s {
			if id != "" {
				ids = append(ids, id)
			}
		}
	}
	add(b.Msg)
	add(b.Items...)
	add(b.Columns...)
	for _, r := range b.Rows {
		add(r...)
	}
	add(b.Caption, b.Alt, b.Name, b.Role, b.Org)
	for _, l := range b.Answers {
		add(LanguageNameID(l))
	}
	if b.Chart != nil {
		add(b.Chart.messageIDs()...)
	}
	return ids
}

// Edition returns the edition for a country code.
func (br *Brief) Edition(country string) (Edition, bool) {
	for _, e := range br.Editions {
		if e.Country == country {
			return e, true
		}
	}
	return Edition{}, false
}

// Blocks returns the blocks of one edition, in order.
func (br *Brief) BlocksFor(country string) []Block {
	var out []Block
	for _, b := range br.Blocks {
		if b.InEdition(country) {
			out = append(out, b)
		}
	}
	return out
}

// EditionNameID is the shared message that names the edition of a
// country ("edition.kh": "Cambodia edition"); layout prints it under the
// title and in the running footer, and the index lists editions by it.
func EditionNameID(country string) string { return "edition." + country }

// LanguageNameID is the shared message that names a language ("lang.km":
// "Khmer"), as a contact block lists the languages a contact answers in.
func LanguageNameID(code string) string { return "lang." + code }

// MessageIDs returns every message ID an edition needs, each once, in
// reading order: the edition's name first, then the blocks' messages.
// The names live in the shared catalogue; listing them here lets check
// report one that is missing before build needs it.
func (br *Brief) MessageIDs(country string) []string {
	seen := map[string]bool{EditionNameID(country): true}
	ids := []string{EditionNameID(country)}
	if br.Masthead != nil && br.Masthead.Name != "" && !seen[br.Masthead.Name] {
		seen[br.Masthead.Name] = true
		ids = append(ids, br.Masthead.Name)
	}
	for _, b := range br.BlocksFor(country) {
		for _, id := range b.MessageIDs() {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// NativeDigits reports whether lang prints native digits in the edition.
func (e Edition) UsesNativeDigits(lang string) bool {
	return slices.Contains(e.NativeDigits, lang)
}

// Pos0 is the zero position, for checks that have no file.
var Pos0 diag.Pos
