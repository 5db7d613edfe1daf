package source

import (
	"fmt"
	"image"
	_ "image/jpeg" // register decoders for image.DecodeConfig
	_ "image/png"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

var kinds = []Kind{Title, Subtitle, Heading, Paragraph, List, Table, Figure, Contact, Published, Chart}

// decodeBlock turns one [[block]] table into a Block and checks the fields
// its kind needs; pos is its header's position and
// field(key) a key's within it (pos when the key is absent), where a
// finding about that key points.
func decodeBlock(rb rawBlock, pos diag.Pos, field func(path ...string) diag.Pos, br *Brief) (Block, diag.List) {
	b := Block{
		Kind: Kind(rb.Type), Pos: pos, SrcPos: field("src"), Editions: rb.Editions,
		Msg: rb.Msg, Level: rb.Level, Items: rb.Items, Columns: rb.Columns, Rows: rb.Rows,
		Src: rb.Src, Width: rb.Width, Caption: rb.Caption, Alt: rb.Alt,
		Name: rb.Name, Role: rb.Role, Org: rb.Org, Email: rb.Email, Answers: rb.Languages,
		ID: rb.ID,
	}
	var ds diag.List
	need := func(field, value string) {
		if value == "" {
			ds = append(ds, diag.Errorf(pos, "block-field", fmt.Sprintf("add %s = \"message.id\"", field),
				"%s block needs %s", rb.Type, field))
		}
	}
	switch b.Kind {
	case Title, Subtitle, Paragraph, Published:
		need("msg", b.Msg)
	case Heading:
		need("msg", b.Msg)
		if b.Level == 0 {
			b.Level = 1
		}
		if b.Level < 1 || b.Level > 2 {
			ds = append(ds, diag.Errorf(field("level"), "block-field", "use level = 1 or 2", "heading level %d is not supported", b.Level))
		}
	case List:
		switch rb.Style {
		case "", "bullet":
		case "numbered":
			b.Numbered = true
		default:
			ds = append(ds, diag.Errorf(field("style"), "block-field", `use style = "bullet" or "numbered"`, "unknown list style %q", rb.Style))
		}
		if len(b.Items) == 0 {
			ds = append(ds, diag.Errorf(field("items"), "block-field", `add items = ["id1", "id2"]`, "list has no items"))
		}
	case Table:
		ds = append(ds, checkTable(b, field)...)
	case Figure:
		ds = append(ds, checkFigure(&b, field, br.Dir)...)
	case Chart:
		var cds diag.List
		b.Chart, cds = decodeChart(rb.rawChart, pos)
		ds = append(ds, cds...)
		need("caption", b.Caption)
	case Contact:
		need("name", b.Name)
		if b.Email != "" {
			if d, bad := checkEmail(b.Email, field("email")); bad {
				ds = append(ds, d)
			}
		}
		for _, l := range b.Answers {
			if lang.Named(l) {
				continue // contacts may answer in languages we do not publish in
			}
			if d, bad := CheckLanguage(l, field("languages")); bad {
				ds = append(ds, d)
			}
		}
	default:
		names := make([]string, len(kinds))
		for i, k := range kinds {
			names[i] = string(k)
		}
		hint := "block types: " + strings.Join(names, ", ")
		if s := diag.Closest(rb.Type, names); s != "" {
			hint = fmt.Sprintf("did you mean %q? ", s) + hint
		}
		ds = append(ds, diag.Errorf(field("type"), "block-type", hint, "unknown block type %q", rb.Type))
	}
	for _, e := range b.Editions {
		// An edition written in other case (KH) has an error of its own.
		other := slices.ContainsFunc(br.Editions, func(ed Edition) bool {
			return ed.Country != strings.ToLower(ed.Country) && strings.EqualFold(ed.Country, e)
		})
		if _, ok := br.Edition(e); !ok && br.Editions != nil && !other {
			ds = append(ds, diag.Errorf(field("editions"), "block-edition", "editions: "+countries(br.Editions),
				"block names unknown edition %q", e))
		}
	}
	return b, ds
}

func checkTable(b Block, field func(path ...string) diag.Pos) diag.List {
	var ds diag.List
	if len(b.Columns) == 0 {
		ds = append(ds, diag.Errorf(field("columns"), "block-field", `add columns = ["id1", "id2"]`, "table has no columns"))
	}
	for i, r := range b.Rows {
		if len(r) != len(b.Columns) {
			ds = append(ds, diag.Errorf(field("rows", strconv.Itoa(i)), "table-shape", "give every row one cell per column",
				"table row %d has %d cells, but there are %d columns", i+1, len(r), len(b.Columns)))
		}
	}
	return ds
}

func checkFigure(b *Block, field func(path ...string) diag.Pos, dir string) diag.List {
	var ds diag.List
	if b.Width == 0 && field("width") == b.Pos {
		b.Width = 1 // not given: the measure's width
	}
	// Written so that NaN (TOML's nan) is out of range too.
	if !(b.Width >= 0.05 && b.Width <= 1) {
		ds = append(ds, diag.Errorf(field("width"), "block-field", "width is a fraction of the text width, e.g. 0.5",
			"figure width %g is out of range", b.Width))
	}
	if b.Alt == "" {
		ds = append(ds, diag.Errorf(field("alt"), "block-field", `add alt = "message.id"`, "figure needs alt text"))
	}
	fds, cfg := checkImageFile(b.Src, b.SrcPos, dir)
	if d, heavy := overResolved(b, cfg); heavy && !fds.HasErrors() {
		fds = append(fds, d)
	}
	return append(ds, fds...)
}

// printedAcross is the widest a figure's full width prints: the text
// measure of a Letter page with the narrowest margins briefs.toml allows
// is under 7.5 in. The figure's width is a fraction of it.
const printedAcross = 7.5 // inches

// overResolved warns of a figure with far more pixels than its printed
// width can show: over 600 pixels an inch at the widest measure (twice
// what print needs, 300 ppi). Each PDF carries the image whole, in every
// edition and language, and a reader on a phone downloads it.
func overResolved(b *Block, cfg image.Config) (diag.Diagnostic, bool) {
	inches := b.Width * printedAcross
	if cfg.Width == 0 || !(b.Width >= 0.05 && b.Width <= 1) || float64(cfg.Width)/inches <= 600 {
		return diag.Diagnostic{}, false
	}
	want := int(math.Round(inches * 300))
	return diag.Warnf(b.SrcPos, "figure-resolution",
		fmt.Sprintf("scale it to about %d pixels across (300 per inch at its printed width), which prints the same", want),
		"figure %q is %d×%d pixels: over %d pixels an inch at its printed width, and every PDF carries it whole",
		b.Src, cfg.Width, cfg.Height, int(float64(cfg.Width)/inches)/100*100), true
}

// checkImageFile checks an image a brief names: a PNG or JPEG inside the
// brief's folder whose header reads and whose name says what it is.
// Confinement comes first: "../../etc/passwd" is outside the folder, which
// is what must be fixed, not merely a file of the wrong kind.
func checkImageFile(src string, pos diag.Pos, dir string) (diag.List, image.Config) {
	var ds diag.List
	path, err := FigurePath(dir, src)
	if err != nil {
		return append(ds, err.(*FigureError).Diag(pos)), image.Config{}
	}
	ext := strings.ToLower(filepath.Ext(src))
	if ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
		return append(ds, diag.Errorf(pos, "figure-format", "use a PNG or JPEG file", "figure %q is not PNG or JPEG", src)), image.Config{}
	}
	f, err := Open(path)
	if err != nil {
		return append(ds, openError(src, err).Diag(pos)), image.Config{}
	}
	defer f.Close()
	// Read the header now, so that a damaged, mislabelled or oversized
	// image is an error here, in brief.toml, rather than deep in layout.
	cfg, format, err := figureConfig(src, f)
	switch {
	case err != nil:
		ds = append(ds, err.(*FigureError).Diag(pos))
	case "."+format != ext && !(format == "jpeg" && ext == ".jpg"):
		ds = append(ds, diag.Errorf(pos, "figure-format", fmt.Sprintf("rename it to .%s", format),
			"figure %q is a %s image with a %s name", src, format, ext))
	}
	return ds, cfg
}

// decodeMasthead checks the [masthead] table: a logo file, a name
// message, or both.
func decodeMasthead(rm rawMasthead, pos, logoPos diag.Pos, dir string) (*Masthead, diag.List) {
	m := &Masthead{Logo: rm.Logo, Name: rm.Name, Pos: pos}
	if m.Logo == "" && m.Name == "" {
		return m, diag.List{diag.Errorf(pos, "block-field", `add logo = "logo.png" and name = "message.id"`,
			"masthead names neither a logo nor a name")}
	}
	if m.Logo == "" {
		return m, nil
	}
	ds, _ := checkImageFile(m.Logo, logoPos, dir)
	return m, ds
}

func countries(es []Edition) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Country
	}
	return strings.Join(out, ", ")
}

// checkEmail refuses a contact's e-mail that is not an address: the PDF
// links it as mailto:, and "info at example.org" printed with no link,
// without a word, while a control character in it was blamed on the
// catalogue message that prints it. An address is one @ between a local
// part and a domain with a dot, with no space, control character, or
// character a mailto: link would need escaped (RFC 5322's dot-atom, near
// enough: RFC 6068 leaves the rest to be percent-encoded).
func checkEmail(email string, pos diag.Pos) (diag.Diagnostic, bool) {
	local, domain, ok := strings.Cut(email, "@")
	bad := !ok || local == "" || strings.Contains(domain, "@") || !strings.Contains(strings.Trim(domain, "."), ".") ||
		strings.ContainsFunc(email, func(r rune) bool { return r <= ' ' || r == 0x7F || strings.ContainsRune(`"(),:;<>[\]`, r) })
	if !bad {
		return diag.Diagnostic{}, false
	}
	return diag.Errorf(pos, "block-field", `write the address alone, as email = "info@example.org"`,
		"contact e-mail %q is not an address", email), true
}
