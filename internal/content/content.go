// Package content evaluates one edition of a brief in one language: it
// resolves every block's message IDs through the catalogue, parses inline
// markup, formats dates and numbers for the language, and reads images. The
// result is text and images in reading order, with no geometry; layout sets
// it.
//
// Everything that goes wrong is a diagnostic with a code, a position and a
// hint: the block's position in brief.toml, or the message's in its
// catalogue. One bad block does not hide the others: every block is
// evaluated and every problem reported.
package content

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// Options change how an edition is evaluated.
type Options struct {
	// Draft sets a message missing in the language in the brief's source
	// language instead, and marks the document a draft.
	Draft bool
	// Organisation publishes the brief (briefs.toml), for the PDF's author
	// and the masthead's name.
	Organisation string
	// NativeDigits prints the language's own digits in every edition
	// (briefs.toml [lang.X] native_digits), as an edition's native_digits
	// does for its languages.
	NativeDigits bool
	// Logo is the path of the project's masthead logo (briefs.toml's logo,
	// joined to the project's root), or "", and LogoPos where briefs.toml
	// names it.
	Logo    string
	LogoPos diag.Pos
}

// Evaluate resolves an edition of a brief in a language. It returns nil
// and the diagnostics when anything in the edition cannot be used.
func Evaluate(br *source.Brief, cat *catalog.Catalog, country, lang string) (*manuscript.Document, diag.List) {
	return EvaluateWith(br, cat, country, lang, Options{})
}

// EvaluateWith is Evaluate with options.
func EvaluateWith(br *source.Brief, cat *catalog.Catalog, country, lang string, opts Options) (*manuscript.Document, diag.List) {
	top := diag.Pos{File: br.File, Line: 1, Col: 1}
	ed, ok := br.Edition(country)
	if !ok {
		return nil, diag.List{diag.Errorf(top, "edition", "the brief's [[edition]] tables list its editions",
			"brief %s has no edition %q", br.ID, country)}
	}
	ev, ds := newEvaluator(br, cat, lang, opts)
	if ds != nil {
		return nil, ds
	}
	ev.edition = country
	ev.loc.NativeDigits = ed.UsesNativeDigits(lang) || opts.NativeDigits
	if ev.fallback != nil {
		ev.fallback.NativeDigits = ev.loc.NativeDigits
	}
	doc := &manuscript.Document{BriefID: br.ID, Edition: country, Lang: lang, Date: br.Date, Organisation: opts.Organisation}
	label, _ := ev.editionLabel(ed.Pos, country)
	doc.EditionName = text.Plain(label)
	for _, b := range br.BlocksFor(country) {
		blk, ok := ev.block(b)
		if !ok {
			continue
		}
		if b.Kind == source.Title && doc.Title == "" {
			doc.Title = text.Plain(blk.Spans)
			// The edition's name is the kicker over the title, so that
			// title and subtitle read together.
			doc.Blocks = append(doc.Blocks, manuscript.Block{Kind: manuscript.EditionLabel, MsgID: "edition.label", Spans: label})
		}
		doc.Blocks = append(doc.Blocks, blk)
	}
	doc.Masthead = ev.masthead(br, opts)
	doc.Folio = ev.folio(top, doc.Title, text.Plain(label))
	if len(ev.ds) > 0 {
		ev.ds.Sort()
		return nil, ev.ds
	}
	if len(ev.missing) > 0 {
		doc.Draft, doc.Missing = true, ev.missing
	}
	return doc, nil
}

func newEvaluator(br *source.Brief, cat *catalog.Catalog, lang string, opts Options) (*evaluator, diag.List) {
	top := diag.Pos{File: br.File, Line: 1, Col: 1}
	loc, err := cat.Localizer(br.ID, lang)
	if err != nil {
		// Name the file that is missing, at the edition that asks for it.
		pos, domain := top, br.ID
		if _, ok := cat.File(br.ID, lang); ok {
			domain = catalog.Shared
		}
		for _, e := range br.Editions {
			if slices.Contains(e.Languages, lang) {
				pos = e.Pos
				break
			}
		}
		missing := fmt.Sprintf("locales/%s.%s.toml", domain, lang)
		return nil, diag.List{diag.Errorf(pos, "no-catalogue", noCatalogueHint(cat, domain, lang),
			"brief %s has no catalogue %s, which its %s PDFs need", br.ID, missing, lang)}
	}
	ev := &evaluator{br: br, loc: loc, cat: cat}
	if opts.Draft && lang != br.SourceLang {
		if ev.fallback, err = cat.Localizer(br.ID, br.SourceLang); err != nil {
			return nil, diag.List{diag.Errorf(top, "no-catalogue", "a draft falls back to the source language's catalogue; briefs sync creates it",
				"brief %s has no catalogue in its source language %s", br.ID, br.SourceLang)}
		}
	}
	return ev, nil
}

// noCatalogueHint is the advice for a missing catalogue: to rename the
// file that holds it under another name (b.km.toml.txt, b.km-KH.toml,
// catalog.MisnamedHint), else to make it (catalog.CreateHint).
func noCatalogueHint(cat *catalog.Catalog, domain, lang string) string {
	if hint, ok := cat.MisnamedHint(domain, lang); ok {
		return hint
	}
	return cat.CreateHint(domain, lang) + ", or take the language out of the edition"
}

// folio renders the page footer before layout, with slots where the page
// number and count go, and the running footer that names the brief and
// its edition, so that layout never calls back into the catalogue.
func (ev *evaluator) folio(pos diag.Pos, title, edition string) manuscript.Folio {
	pattern, ok := ev.text(pos, "footer.page", map[string]any{"Page": manuscript.PageSlot, "Total": manuscript.TotalSlot})
	if !ok {
		return manuscript.Folio{}
	}
	// A project's own shared catalogue that predates the running footer
	// inherits the built-in footer.running (catalog, builtin.go).
	running, ok := ev.text(pos, "footer.running", map[string]any{"Title": title, "Edition": edition})
	if !ok {
		return manuscript.Folio{}
	}
	f := manuscript.Folio{Pattern: text.NFC(pattern), Running: text.NFC(running), RunningTitle: text.NFC(title)}
	if ev.loc.NativeDigits {
		f.Digits = lang.NativeDigits(ev.loc.Lang(), "0123456789")
	}
	return f
}

type evaluator struct {
	br       *source.Brief
	edition  string           // the country of the edition evaluated
	cat      *catalog.Catalog // for a chart's numbers, read in the source language
	loc      *catalog.Localizer
	fallback *catalog.Localizer // the source language, in a draft
	missing  []string           // messages set from the fallback
	ds       diag.List
}

// text renders a message; a problem becomes a diagnostic at pos (the
// block's) or at the message's own position.
func (ev *evaluator) text(pos diag.Pos, id string, data map[string]any) (string, bool) {
	s, ok := ev.rawText(pos, id, data)
	if ok && ev.loc.NativeDigits {
		s = lang.NativeDigitsInText(ev.loc.Lang(), s)
	}
	return s, ok
}

// rawText is text with its digits as written, for spans, which leave a
// link's address alone (nativeDigits).
func (ev *evaluator) rawText(pos diag.Pos, id string, data map[string]any) (string, bool) {
	s, err := ev.loc.Text(id, data)
	var miss *catalog.MissingError
	if errors.As(err, &miss) && ev.fallback != nil {
		if !slices.Contains(ev.missing, id) {
			ev.missing = append(ev.missing, id)
		}
		s, err = ev.fallback.Text(id, data)
	}
	if err == nil && text.Blank(s) {
		// As check reports it (blank): white space and invisible
		// characters only, which would print a gap and nothing else.
		ev.ds = append(ev.ds, diag.Errorf(pos, "blank", "write the text; briefs check shows the form at its line",
			"message %q (%s) has no visible text", id, ev.loc.Lang()))
		return "", false
	}
	if err == nil {
		return s, true
	}
	var list diag.List
	switch {
	case errors.As(err, &miss) && (miss.Lang == ev.br.SourceLang || !ev.inSource(miss.Domain, id)):
		// Nothing to translate from, and nothing a draft could fall back
		// to: the editor's text itself is missing. So it is when the
		// translation is missing too: "add the km translation, or build
		// --draft" sent the editor to two remedies that cannot work.
		src := ev.br.SourceLang
		hint := fmt.Sprintf("write it in locales/%s.%s.toml: every translation and draft is made from it", miss.Domain, src)
		if ev.edition != "" && id == source.EditionNameID(ev.edition) {
			hint = catalog.EditionNameHint(id)
		} else if near := ev.nearestSource(miss.Domain, id); near != "" {
			hint = fmt.Sprintf("did you mean %q? Otherwise %s", near, hint)
		}
		ev.ds = append(ev.ds, diag.Errorf(ev.idPos(pos, id), "missing", hint,
			"message %q has no text in the source language (%s)", miss.ID, src))
	case errors.As(err, &miss):
		ev.ds = append(ev.ds, diag.Errorf(ev.idPos(pos, id), "missing", miss.Hint(), "%s", miss.Error()))
	case errors.As(err, &list):
		ev.ds = append(ev.ds, list...)
	default:
		ev.ds = append(ev.ds, diag.Errorf(pos, "render", "briefs check shows what is wrong", "message %q cannot be rendered", id))
	}
	return "", false
}

// idPos is where the block at pos names message id in brief.toml
// (source.FindID), as check places the finding; pos when it is not found
// there. The file is read for a finding alone.
func (ev *evaluator) idPos(pos diag.Pos, id string) diag.Pos {
	if pos.File == "" || pos.Line == 0 {
		return pos
	}
	data, err := source.ReadRegular(pos.File)
	if err != nil {
		return pos
	}
	lines := strings.Split(string(data), "\n")
	if i, at, ok := source.FindID(lines, pos.Line, id); ok {
		return diag.Pos{File: pos.File, Line: i + 1, Col: utf8.RuneCountInString(lines[i][:at]) + 1}
	}
	return pos
}

// inSource reports whether the source language's catalogue of domain
// has message id.
func (ev *evaluator) inSource(domain, id string) bool {
	if ev.cat == nil {
		return true
	}
	f, ok := ev.cat.File(domain, ev.br.SourceLang)
	return ok && f.Message(id) != nil
}

// nearestSource is the source-language message of domain whose ID is
// nearest to id (a misspelt or renamed ID), or "".
func (ev *evaluator) nearestSource(domain, id string) string {
	if ev.cat == nil {
		return ""
	}
	f, ok := ev.cat.File(domain, ev.br.SourceLang)
	if !ok {
		return ""
	}
	ids := make([]string, 0, len(f.Messages))
	for _, m := range f.Messages {
		ids = append(ids, m.ID)
	}
	return diag.Closest(id, ids)
}

// spans renders a message and parses its inline markup.
func (ev *evaluator) spans(pos diag.Pos, id string, data map[string]any) ([]manuscript.Span, bool) {
	// Values filled into a template are text, not markup: an address
	// such as a*b@example.org must not open an emphasis.
	for k, v := range data {
		if str, ok := v.(string); ok {
			data[k] = text.EscapeInline(str)
		}
	}
	s, ok := ev.rawText(pos, id, data)
	if !ok {
		return nil, false
	}
	if sp, ok := parsedSpans(ev.loc.Lang(), s); ok {
		return ev.nativeDigits(sp), true
	}
	if d, bad := textProblem(pos, ev.loc.Lang(), id, s); bad {
		d.Pos = ev.textPos(pos, id) // read only now: the file is parsed for a finding alone
		ev.ds = append(ev.ds, d)
		return nil, false
	}
	clean := text.NFC(text.Clean(s))
	sp, err := text.ParseInline(clean)
	if err != nil {
		at := ""
		var me *text.MarkupError
		if errors.As(err, &me) && me.Offset <= len(clean) {
			at = fmt.Sprintf(" (at character %d of its text; briefs check gives the column)", utf8.RuneCountInString(clean[:me.Offset])+1)
		}
		ev.ds = append(ev.ds, diag.Errorf(ev.messagePos(pos, id), "markup",
			text.MarkupHint,
			"message %q: %v%s", id, err, at))
		return nil, false
	}
	if d, bad := linkProblem(pos, id, sp); bad {
		d.Pos = ev.textPos(pos, id) // at the text, as check has it; read only now, for a finding
		ev.ds = append(ev.ds, d)
		return nil, false
	}
	return ev.nativeDigits(keepSpans(ev.loc.Lang(), s, sp)), true
}

// messagePos is where a message is defined in the language's catalogue,
// or pos when it is not there (a draft's fallback).
func (ev *evaluator) messagePos(pos diag.Pos, id string) diag.Pos {
	if m, ok := ev.loc.Message(id); ok {
		return m.FormPos("other")
	}
	return pos
}

// textPos is where message id's text begins in its catalogue, as check
// places a finding about it (catalog.TextPos); pos without the message.
func (ev *evaluator) textPos(pos diag.Pos, id string) diag.Pos {
	m, ok := ev.loc.Message(id)
	if !ok {
		return pos
	}
	data, err := source.ReadRegular(m.Pos.File)
	if err != nil {
		return m.FormPos("other")
	}
	return catalog.TextPos(tomlpos.Parse(data), m, "other", 0)
}

func (ev *evaluator) block(b source.Block) (manuscript.Block, bool) {
	out := manuscript.Block{Kind: manuscript.Kind(b.Kind), Level: b.Level, Pos: b.Pos}
	if ids := b.MessageIDs(); len(ids) > 0 {
		out.MsgID = ids[0]
	}
	before := len(ev.ds)
	switch b.Kind {
	case source.Title, source.Subtitle, source.Heading, source.Paragraph:
		out.Spans, _ = ev.spans(b.Pos, b.Msg, nil)
	case source.Published:
		if date, ok := ev.date(b.Pos); ok {
			out.Spans, _ = ev.spans(b.Pos, b.Msg, map[string]any{"Date": date})
		}
	case source.List:
		ev.list(b, &out)
	case source.Table:
		ev.table(b, &out)
	case source.Figure:
		ev.figure(b, &out)
	case source.Chart:
		if err := ev.chart(b, &out); err != nil && !errors.Is(err, errReported) {
			ev.ds = append(ev.ds, diag.Errorf(b.Pos, "chart", "briefs check shows where and what is wrong", "%v", err))
		}
	case source.Contact:
		out.Items, out.ItemIDs = ev.contact(b)
	}
	return out, len(ev.ds) == before
}

// date formats the brief's date with the catalogue's month names and
// pattern.
func (ev *evaluator) date(pos diag.Pos) (string, bool) {
	t := ev.br.Date
	month, ok := ev.text(pos, fmt.Sprintf("month.%d", int(t.Month())), nil)
	if !ok {
		return "", false
	}
	row, _ := lang.Lookup(ev.loc.Lang())
	year := t.Year() + row.EraOffset // the Thai Buddhist era: July 2019 is 2562
	return ev.text(pos, "date.month_year", map[string]any{"Month": month, "Year": ev.loc.Number(year)})
}

func (ev *evaluator) list(b source.Block, out *manuscript.Block) {
	out.Numbered = b.Numbered
	for i, id := range b.Items {
		sp, _ := ev.spans(b.Pos, id, nil)
		out.Items = append(out.Items, sp)
		out.ItemIDs = append(out.ItemIDs, id)
		label := "•"
		if b.Numbered {
			label = ev.loc.Number(i+1) + "."
		}
		out.Labels = append(out.Labels, label)
	}
}

func (ev *evaluator) table(b source.Block, out *manuscript.Block) {
	out.CellIDs = append([][]string{b.Columns}, b.Rows...)
	for _, cs := range b.ColumnStyles {
		out.ColumnStyles = append(out.ColumnStyles, manuscript.ColumnStyle{Align: cs.Align, Width: cs.Width})
	}
	if b.Caption != "" {
		out.Spans, _ = ev.spans(b.Pos, b.Caption, nil)
	}
	out.Header = ev.cells(b.Pos, b.Columns)
	for _, r := range b.Rows {
		out.Rows = append(out.Rows, ev.cells(b.Pos, r))
	}
}

// cells renders a table row, the header's too: a cell written "" is
// empty, as check (MessageIDs) has it: no message.
func (ev *evaluator) cells(pos diag.Pos, ids []string) [][]manuscript.Span {
	var row [][]manuscript.Span
	for _, id := range ids {
		if id == "" {
			row = append(row, nil)
			continue
		}
		sp, _ := ev.spans(pos, id, nil)
		row = append(row, sp)
	}
	return row
}

// nativeDigits gives spans with the numbers of their text in the
// language's own digits, in an edition that prints them (native_digits),
// but those of names, codes and addresses (lang.NativeDigitsInPieces:
// COVID-19, ISO 9001, www.moh.gov.kh/2020), judged on the spans' whole
// text, so that **G**20 stays; a link's words are text like any other,
// and its address is not touched. The edition's numbers are all in one
// system: the dates, page, list and chart numbers briefs sets, a table's
// cells and the translator's running text. One translation serves the
// editions with and without Khmer digits, so no translator could write
// them right for both; the Cambodia edition read "៧០០" over "700 នាក់",
// and ២០០ in a table row beside "3 ប្រទេស" (a reader's review). The spans
// may be shared with other documents (parsedSpans), which a copy leaves
// as they are.
func (ev *evaluator) nativeDigits(spans []manuscript.Span) []manuscript.Span {
	if !ev.loc.NativeDigits || len(spans) == 0 {
		return spans
	}
	texts := make([]string, len(spans))
	for i, sp := range spans {
		texts[i] = sp.Text
	}
	var out []manuscript.Span
	for i, t := range lang.NativeDigitsInPieces(ev.loc.Lang(), texts) {
		if t != spans[i].Text {
			if out == nil {
				out = slices.Clone(spans)
			}
			out[i].Text = t
		}
	}
	if out == nil {
		return spans
	}
	return out
}

func (ev *evaluator) figure(b source.Block, out *manuscript.Block) {
	data, format, err := source.ReadFigure(ev.br.Dir, b.Src)
	if err != nil {
		var fe *source.FigureError
		if errors.As(err, &fe) {
			ev.ds = append(ev.ds, fe.Diag(b.SrcPos))
		} else {
			ev.ds = append(ev.ds, diag.Errorf(b.SrcPos, "figure-damaged", "check the file", "figure %q cannot be read", b.Src))
		}
	}
	alt, ok := ev.text(b.Pos, b.Alt, nil)
	if err != nil || !ok {
		return
	}
	out.Image = &manuscript.Image{Data: data, Format: format, Alt: text.NFC(alt), Src: b.Src}
	out.Width = b.Width
	if b.Caption != "" {
		out.Spans, _ = ev.spans(b.Pos, b.Caption, nil)
	}
}

// contact renders the lines of a contact block: name (strong), role,
// organisation, e-mail and the languages the person answers in, and the
// message each line is made of, for the layout's findings.
func (ev *evaluator) contact(b source.Block) (lines [][]manuscript.Span, ids []string) {
	for i, id := range []string{b.Name, b.Role, b.Org} {
		if id == "" {
			continue
		}
		sp, _ := ev.spans(b.Pos, id, nil)
		if i == 0 {
			sp = slices.Clone(sp) // the spans may be shared (parsed)
			for j := range sp {
				sp[j].Strong = true
			}
		}
		lines, ids = append(lines, sp), append(ids, id)
	}
	if b.Email != "" {
		sp, _ := ev.spans(b.Pos, "contact.email", map[string]any{"Email": b.Email})
		lines, ids = append(lines, sp), append(ids, "contact.email")
	}
	if len(b.Answers) > 0 {
		sep := lang.ListSeparator(ev.loc.Lang())
		names := make([]string, len(b.Answers))
		for i, l := range b.Answers {
			names[i], _ = ev.text(b.Pos, source.LanguageNameID(l), nil)
		}
		sp, _ := ev.spans(b.Pos, "contact.languages", map[string]any{"Languages": strings.Join(names, sep)})
		lines, ids = append(lines, sp), append(ids, "contact.languages")
	}
	return lines, ids
}

// masthead takes the logo and the name from the project's settings when
// they name them, each from the brief's [masthead] otherwise: a network
// publishes every brief under one masthead, and a project without
// settings can still give a brief its own.
func (ev *evaluator) masthead(br *source.Brief, opts Options) *manuscript.Masthead {
	var m manuscript.Masthead
	bm := br.Masthead
	if bm == nil {
		bm = &source.Masthead{Pos: diag.Pos{File: br.File, Line: 1, Col: 1}}
	}
	switch {
	case opts.Organisation != "":
		// The settings hold one name for every language, written as the
		// rest of the project's own text is: in the source language.
		m.Name = []manuscript.Span{{Text: text.NFC(text.Clean(opts.Organisation)), Lang: br.SourceLang}}
	case bm.Name != "":
		m.Name, _ = ev.spans(bm.Pos, bm.Name, nil)
		m.NamePos = ev.messagePos(bm.Pos, bm.Name)
	}
	if dir, src, pos := LogoFile(br, opts.Logo, opts.LogoPos); src != "" {
		data, format, err := source.ReadFigure(dir, src)
		var fe *source.FigureError
		switch {
		case errors.As(err, &fe):
			ev.ds = append(ev.ds, fe.Diag(pos))
		case err != nil:
			ev.ds = append(ev.ds, diag.Errorf(pos, "figure-damaged", "check the file", "logo %q cannot be read", src))
		default:
			m.Logo = &manuscript.Image{Data: data, Format: format, Alt: text.Plain(m.Name)}
		}
	}
	if m.Logo == nil && len(m.Name) == 0 {
		return nil
	}
	return &m
}

// LogoFile is the masthead logo a brief's PDFs carry, as a figure's folder
// and name, and where it is named: the project's (settings; logo, a path,
// and its position), else the brief's [masthead] one; src is "" for none.
// build and check read the same file through it.
func LogoFile(br *source.Brief, logo string, logoPos diag.Pos) (dir, src string, pos diag.Pos) {
	if logo != "" {
		return filepath.Dir(logo), filepath.Base(logo), logoPos
	}
	if m := br.Masthead; m != nil {
		return br.Dir, m.Logo, m.Pos
	}
	return "", "", diag.Pos{}
}

func (ev *evaluator) editionLabel(pos diag.Pos, country string) ([]manuscript.Span, bool) {
	name, ok := ev.text(pos, source.EditionNameID(country), nil)
	if !ok {
		return nil, false
	}
	return ev.spans(pos, "edition.label", map[string]any{"Edition": name})
}
