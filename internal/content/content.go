// Package content evaluates one edition of a brief in one language: it
// resolves every block's message IDs through the catalogue, parses inline
// markup, formats dates and numbers for the language, and reads images. The
// result is text and images in reading order, with no geometry; layout sets
// it.
package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
	"github.com/mekong-briefs/briefs/internal/zawgyi"
)

// Evaluate resolves an edition of a brief in a language.
func Evaluate(br *source.Brief, cat *catalog.Catalog, country, lang string) (*manuscript.Document, error) {
	ed, ok := br.Edition(country)
	if !ok {
		return nil, fmt.Errorf("evaluate %s: no edition %q", br.ID, country)
	}
	loc, err := cat.Localizer(br.ID, lang)
	if err != nil {
		return nil, fmt.Errorf("evaluate %s.%s.%s: %w", br.ID, country, lang, err)
	}
	loc.NativeDigits = ed.UsesNativeDigits(lang)
	ev := &evaluator{br: br, loc: loc}
	doc := &manuscript.Document{BriefID: br.ID, Edition: country, Lang: lang, Date: br.Date}
	label, err := ev.editionLabel(country)
	if err != nil {
		return nil, fmt.Errorf("evaluate %s: %w", br.ID, err)
	}
	for _, b := range br.BlocksFor(country) {
		blk, err := ev.block(b)
		if err != nil {
			return nil, fmt.Errorf("evaluate %s.%s.%s: %s: %w", br.ID, country, lang, b.Pos, err)
		}
		if b.Kind == source.Title && doc.Title == "" {
			doc.Title = text.Plain(blk.Spans)
			// The edition's name is the kicker over the title, so that
			// title and subtitle read together.
			doc.Blocks = append(doc.Blocks, manuscript.Block{Kind: manuscript.EditionLabel, MsgID: "edition.label", Spans: label})
		}
		doc.Blocks = append(doc.Blocks, blk)
	}
	folio, err := evaluateFolio(loc, doc.Title, text.Plain(label))
	if err != nil {
		return nil, fmt.Errorf("evaluate %s.%s.%s: %w", br.ID, country, lang, err)
	}
	doc.Folio = folio
	return doc, nil
}

// evaluateFolio renders the page footer before layout, with slots where
// the page number and count go, and the running footer that names the
// brief and its edition, so that layout never calls back into the
// catalogue.
func evaluateFolio(loc *catalog.Localizer, title, edition string) (manuscript.Folio, error) {
	pattern, err := loc.Text("footer.page", map[string]any{"Page": manuscript.PageSlot, "Total": manuscript.TotalSlot})
	if err != nil {
		return manuscript.Folio{}, err
	}
	running, err := loc.Text("footer.running", map[string]any{"Title": title, "Edition": edition})
	if err != nil {
		return manuscript.Folio{}, err
	}
	f := manuscript.Folio{Pattern: text.NFC(pattern), Running: text.NFC(running)}
	if loc.NativeDigits {
		f.Digits = lang.NativeDigits(loc.Lang(), "0123456789")
	}
	return f, nil
}

type evaluator struct {
	br  *source.Brief
	loc *catalog.Localizer
}

// spans renders a message and parses its inline markup.
func (ev *evaluator) spans(id string, data map[string]any) ([]manuscript.Span, error) {
	// Values filled into a template are text, not markup: an address
	// such as a*b@example.org must not open an emphasis.
	for k, v := range data {
		if str, ok := v.(string); ok {
			data[k] = text.EscapeInline(str)
		}
	}
	s, err := ev.loc.Text(id, data)
	if err != nil {
		return nil, err
	}
	if lang.ZawgyiApplies(ev.loc.Lang()) && zawgyi.IsZawgyi(s) {
		// Zawgyi renders as garbage with a Unicode font: refuse it.
		return nil, fmt.Errorf("message %q is Zawgyi-encoded Burmese; in Unicode it reads %q (briefs check shows where)", id, zawgyi.ToUnicode(s))
	}
	sp, err := text.ParseInline(text.NFC(text.Clean(s)))
	if err != nil {
		return nil, fmt.Errorf("message %q: %w", id, err)
	}
	return sp, nil
}

func (ev *evaluator) block(b source.Block) (manuscript.Block, error) {
	out := manuscript.Block{Kind: manuscript.Kind(b.Kind), Level: b.Level, Pos: b.Pos}
	if ids := b.MessageIDs(); len(ids) > 0 {
		out.MsgID = ids[0]
	}
	var err error
	switch b.Kind {
	case source.Title, source.Subtitle, source.Heading, source.Paragraph:
		out.Spans, err = ev.spans(b.Msg, nil)
	case source.Published:
		var date string
		if date, err = ev.loc.Date(ev.br.Date); err == nil {
			out.Spans, err = ev.spans(b.Msg, map[string]any{"Date": date})
		}
	case source.List:
		err = ev.list(b, &out)
	case source.Table:
		err = ev.table(b, &out)
	case source.Figure:
		err = ev.figure(b, &out)
	case source.Contact:
		out.Items, err = ev.contact(b)
	}
	return out, err
}

func (ev *evaluator) list(b source.Block, out *manuscript.Block) error {
	for i, id := range b.Items {
		sp, err := ev.spans(id, nil)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, sp)
		out.ItemIDs = append(out.ItemIDs, id)
		label := "•"
		if b.Numbered {
			label = ev.loc.Number(i+1) + "."
		}
		out.Labels = append(out.Labels, label)
	}
	return nil
}

func (ev *evaluator) table(b source.Block, out *manuscript.Block) error {
	out.CellIDs = append([][]string{b.Columns}, b.Rows...)
	for _, id := range b.Columns {
		sp, err := ev.spans(id, nil)
		if err != nil {
			return err
		}
		out.Header = append(out.Header, sp)
	}
	for _, r := range b.Rows {
		var row [][]manuscript.Span
		for _, id := range r {
			sp, err := ev.spans(id, nil)
			if err != nil {
				return err
			}
			row = append(row, sp)
		}
		out.Rows = append(out.Rows, row)
	}
	return nil
}

func (ev *evaluator) figure(b source.Block, out *manuscript.Block) error {
	data, err := os.ReadFile(filepath.Join(ev.br.Dir, b.Src))
	if err != nil {
		return fmt.Errorf("read figure: %w", err)
	}
	format := "png"
	if ext := strings.ToLower(filepath.Ext(b.Src)); ext == ".jpg" || ext == ".jpeg" {
		format = "jpeg"
	}
	alt, err := ev.loc.Text(b.Alt, nil)
	if err != nil {
		return err
	}
	out.Image = &manuscript.Image{Data: data, Format: format, Alt: text.NFC(alt)}
	out.Width = b.Width
	if b.Caption != "" {
		out.Spans, err = ev.spans(b.Caption, nil)
	}
	return err
}

// contact renders the lines of a contact block: name (strong), role,
// organisation, e-mail and the languages the person answers in.
func (ev *evaluator) contact(b source.Block) ([][]manuscript.Span, error) {
	var lines [][]manuscript.Span
	for i, id := range []string{b.Name, b.Role, b.Org} {
		if id == "" {
			continue
		}
		sp, err := ev.spans(id, nil)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			for j := range sp {
				sp[j].Strong = true
			}
		}
		lines = append(lines, sp)
	}
	if b.Email != "" {
		sp, err := ev.spans("contact.email", map[string]any{"Email": b.Email})
		if err != nil {
			return nil, err
		}
		lines = append(lines, sp)
	}
	if len(b.Answers) > 0 {
		sep, err := ev.loc.Text("list.separator", nil)
		if err != nil {
			return nil, err
		}
		names := make([]string, len(b.Answers))
		for i, l := range b.Answers {
			if names[i], err = ev.loc.Text("lang."+l, nil); err != nil {
				return nil, err
			}
		}
		sp, err := ev.spans("contact.languages", map[string]any{"Languages": strings.Join(names, sep)})
		if err != nil {
			return nil, err
		}
		lines = append(lines, sp)
	}
	return lines, nil
}

func (ev *evaluator) editionLabel(country string) ([]manuscript.Span, error) {
	name, err := ev.loc.Text("edition."+country, nil)
	if err != nil {
		return nil, err
	}
	return ev.spans("edition.label", map[string]any{"Edition": name})
}
