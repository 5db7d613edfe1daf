// Package pages holds the laid-out document: the output of layout and the
// only input of the PDF writer.
//
// A Document is plain positioned data: glyph runs with their text, role and
// language, images, rules and links, in points on pages, plus the logical
// structure (ISO 32000-1, 14.7) and the outline. Nothing here shapes,
// measures or breaks lines, and the package imports nothing of the pipeline
// but the font handles, so the package graph keeps the writer from reaching
// the shaper, the breaker or the catalogues (as Typst's export crate cannot
// reach its layout engine).
package pages

import (
	"time"

	"github.com/mekong-briefs/briefs/fonts"
)

// Document is a laid-out brief, ready for export.
type Document struct {
	Lang     string    // BCP 47 tag of the edition language, for /Lang
	Title    string    // in the document's own language
	Subject  string    // optional
	Author   string    // optional
	Keywords string    // optional
	Date     time.Time // creation date; from the brief, never the wall clock
	Pages    []Page
	Outline  []Heading // in reading order
	// Structure is the logical structure, in reading order, for a tagged
	// PDF: each run and image names the node it belongs to.
	Structure []Node
}

// Node is one element of the logical structure tree (ISO 32000-1, 14.7).
type Node struct {
	Role   Role
	Level  int    // headings: 1 or 2
	Parent NodeID // the enclosing node; Artifact (zero) for the document itself
	Alt    string // figures: the alternate description
	// Numbering is a list's ListNumbering attribute (ISO 32000-1,
	// 14.8.5.5, Table 347): "Decimal" for numbered items, "Disc" for
	// bullets, "" to leave it out.
	Numbering string
}

// NodeID refers to a node of Document.Structure: 1 is the first. Its zero
// value, Artifact, is content that is not part of the text (page footers,
// rules and shading, ISO 32000-1, 14.8.2.2), so content nobody assigned
// a node is never mistaken for the title.
type NodeID int

const (
	Artifact NodeID = 0
	// Inherit marks a run, while a line is set, as belonging to the node
	// of the line it is placed in.
	Inherit NodeID = -1
)

// Node returns the node an id refers to; id must not be Artifact.
func (d *Document) Node(id NodeID) *Node { return &d.Structure[id-1] }

// Page is one page. Coordinates are in PDF points with the origin at the
// top-left corner of the page and y growing downwards; the writer flips them.
type Page struct {
	Width, Height float64
	// Label is the page's number as its footer prints it, when that is
	// not in ASCII digits (១, ၂): viewers show it in place of 1, 2 (page
	// labels, ISO 32000-1, 12.4.2). "" for ASCII digits.
	Label  string
	Runs   []GlyphRun
	Images []Image
	Rects  []Rect
	Links  []Link
}

// Role says what a run is part of, so that a structure tree (tagged PDF)
// can be added later without a redesign.
type Role string

const (
	RoleTitle     Role = "Title"
	RoleSubtitle  Role = "Subtitle"
	RoleHeading   Role = "H"
	RoleParagraph Role = "P"
	RoleListLabel Role = "Lbl"
	RoleListBody  Role = "LBody"
	RoleTableHead Role = "TH"
	RoleTableCell Role = "TD"
	RoleCaption   Role = "Caption"
	RoleContact   Role = "Contact"
	RolePublished Role = "Published"
	RoleFooter    Role = "Artifact"
	// Grouping roles, which hold no text of their own.
	RoleList     Role = "L"
	RoleListItem Role = "LI"
	RoleTable    Role = "Table"
	RoleRow      Role = "TR"
	RoleFigure   Role = "Figure"
	RoleDiv      Role = "Div"
	RoleLink     Role = "Link"
)

// Color is an RGB colour with components in [0, 1].
type Color struct{ R, G, B float64 }

// GlyphRun is a sequence of shaped glyphs in one face and size, drawn from
// a baseline origin.
type GlyphRun struct {
	Face  *fonts.Face
	Size  float64 // font size in points
	X, Y  float64 // origin of the first glyph on the baseline
	Color Color
	Role  Role
	Node  NodeID
	// Lang is the run's language when it differs from the document's,
	// e.g. "en" for an acronym in Khmer text; "" otherwise.
	Lang string
	// Text is the run's source text, NFC. Glyph clusters index into it.
	Text   string
	Glyphs []Glyph
}

// Glyph is one shaped glyph. Advances and offsets are in points, already
// scaled from font units; YOffset is positive upwards, as in OpenType.
type Glyph struct {
	ID       uint16
	XAdvance float64
	XOffset  float64
	YOffset  float64
	// Cluster is the byte offset in Run.Text of the first character of the
	// cluster this glyph belongs to. Glyphs of one cluster are adjacent and
	// share the value; clusters ascend in visual (here: logical) order. The
	// cluster's text runs to the next larger cluster value, or to the end.
	Cluster int
}

// Image is a raster image placed in the box X, Y (top-left), W x H.
type Image struct {
	X, Y, W, H float64
	Data       []byte // the file as it was: JPEG passes through, PNG is re-encoded
	Format     string // "jpeg" or "png"
	Alt        string
	Node       NodeID
}

// Rect is a filled rectangle (table shading) or, with Stroke, an outline or rule.
type Rect struct {
	X, Y, W, H float64
	Fill       *Color
	Stroke     *Color
	LineWidth  float64
}

// Link is a clickable area pointing at a URI (https:, mailto:).
type Link struct {
	X, Y, W, H float64
	URI        string
	Text       string // the link's words, "" when unknown
	Node       NodeID // the Link structure node
}

// Heading is an outline entry: the text and where it starts.
type Heading struct {
	Title string
	Level int // 1 = top
	Page  int // index into Document.Pages
	Y     float64
}
