package catalog

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// Localizer renders one brief's messages in one language.
type Localizer struct {
	cat          *Catalog
	domain, lang string
	// NativeDigits prints numbers the layout formats itself (dates, page
	// numbers, list numbers) in the language's own digits.
	NativeDigits bool
	parser       template.Parser
}

// Localizer returns a renderer for a brief (domain) in a language. It fails
// when the language has no catalogue for the brief. The go-i18n bundle of
// a domain and language is built once, on the first plural render, and
// shared by every Localizer of them (it is only read): making a bundle
// builds all of CLDR's plural rules, which cost an index of many PDFs 15 %
// of an unchanged rebuild when every title made one.
func (c *Catalog) Localizer(domain, lang string) (*Localizer, error) {
	if !c.bundleWouldBuild(domain, lang) {
		if _, err := c.bundle(domain, lang); err != nil {
			return nil, err // the bundle's own error
		}
	}
	return &Localizer{cat: c, domain: domain, lang: lang, parser: dataParser{}}, nil
}

// bundleWouldBuild reports whether bundle would succeed: the language
// parses and has a plural rule, and both catalogues are there.
func (c *Catalog) bundleWouldBuild(domain, lang string) bool {
	tag, err := language.Parse(pluralTag(lang))
	if err != nil || !hasPluralRule(tag) {
		return false
	}
	for _, d := range []string{Shared, domain} {
		if _, ok := c.File(d, lang); !ok {
			return false
		}
	}
	return true
}

func (c *Catalog) bundle(domain, lang string) (*i18n.Localizer, error) {
	c.bundlesMu.Lock()
	defer c.bundlesMu.Unlock()
	if loc, ok := c.bundles[key{domain, lang}]; ok {
		return loc, nil
	}
	tag, err := language.Parse(pluralTag(lang))
	if err != nil {
		return nil, fmt.Errorf("localize %s: %w", lang, err)
	}
	b := i18n.NewBundle(language.English)
	for _, d := range []string{Shared, domain} {
		f, ok := c.File(d, lang)
		if !ok {
			return nil, fmt.Errorf("localize %s: no catalogue %s.%s.toml", domain, d, lang)
		}
		for _, m := range f.Messages {
			im := &i18n.Message{ID: m.ID, Description: m.Description, Hash: m.Hash,
				Zero: m.Forms["zero"], One: m.Forms["one"], Two: m.Forms["two"],
				Few: m.Forms["few"], Many: m.Forms["many"], Other: m.Forms["other"]}
			if err := b.AddMessages(tag, im); err != nil {
				return nil, fmt.Errorf("localize %s: %w", m.ID, err)
			}
		}
	}
	loc := i18n.NewLocalizer(b, tag.String())
	if c.bundles == nil {
		c.bundles = map[key]*i18n.Localizer{}
	}
	c.bundles[key{domain, lang}] = loc
	return loc, nil
}

// Message returns the message a Text call with id would render.
func (l *Localizer) Message(id string) (*Message, bool) { return l.cat.Lookup(l.domain, l.lang, id) }

// Lang returns the localizer's language code.
func (l *Localizer) Lang() string { return l.lang }

// Text renders a message. A message missing in this language is an error:
// briefs never silently falls back to English.
func (l *Localizer) Text(id string, data map[string]any) (string, error) {
	return l.render(id, data, nil)
}

// Plural renders a message in the CLDR plural form for count; data gets
// Count (formatted in the language's digits if asked).
func (l *Localizer) Plural(id string, count int, data map[string]any) (string, error) {
	d := map[string]any{"Count": l.Number(count)}
	for k, v := range data {
		d[k] = v
	}
	return l.render(id, d, count)
}

func (l *Localizer) render(id string, data map[string]any, count any) (string, error) {
	m, ok := l.cat.Lookup(l.domain, l.lang, id)
	// An entry with no text (as sync writes it for the translator to fill)
	// is as missing as no entry at all.
	if !ok || len(m.Forms) == 0 {
		domain := l.domain
		if en, _ := l.cat.File(Shared, "en"); en.Message(id) != nil {
			domain = Shared // a word the layout prints: it belongs in the shared catalogue
		}
		return "", &MissingError{ID: id, Lang: l.lang, Domain: domain}
	}
	s, err := l.localize(m, id, data, count)
	if err == nil {
		if d, dropped := l.dropped(m, id); dropped {
			return "", diag.List{d}
		}
		return s, nil
	}
	var te *TemplateError
	switch {
	case errors.As(err, &te) && te.Missing != "":
		return "", diag.List{diag.Errorf(m.FormPos(form(m, count)), "template",
			givenHint(data),
			"message %q uses {{.%s}}, which it is not given", id, te.Missing)}
	case errors.As(err, &te):
		return "", diag.List{diag.Errorf(m.FormPos(form(m, count)), "template", TemplateHint,
			"message %q is not plain text with variables: %s", id, te.Msg)}
	}
	return "", diag.List{diag.Errorf(m.Pos, "render", "briefs check shows what is wrong with the message",
		"message %q cannot be rendered in %s", id, l.lang)}
}

// dropped refuses a translation that leaves out a variable of the
// English, as check does: the PDF would lack the date or the count, with
// nothing to say so.
func (l *Localizer) dropped(m *Message, id string) (diag.Diagnostic, bool) {
	if m.Lang == "en" {
		return diag.Diagnostic{}, false
	}
	en, _ := l.cat.File(m.Domain, "en")
	src := en.Message(id)
	if src == nil {
		return diag.Diagnostic{}, false
	}
	vs := DroppedVars(src, m)
	if len(vs) == 0 {
		return diag.Diagnostic{}, false
	}
	return diag.Errorf(m.FormPos("other"), "template", DroppedHint(vs[0]),
		"translation of %q never uses {{.%s}}, which the English uses", id, vs[0]), true
}

// localize renders m as go-i18n does: it picks the plural form (other
// without a count) and renders its text through the template parser. That
// is done here, without a bundle, for the languages of the table, whose
// rules lang.Cardinal knows; any other goes to go-i18n for CLDR's rule.
func (l *Localizer) localize(m *Message, id string, data map[string]any, count any) (string, error) {
	name, ok := "other", true
	if n, isInt := count.(int); isInt {
		name, ok = lang.Cardinal(l.lang, n)
	} else if count != nil {
		ok = false
	}
	if ok {
		text := m.Forms[name]
		if text == "" {
			// go-i18n's own refusal: the form the count asks for is empty.
			return "", fmt.Errorf("message %q has no %s form", id, name)
		}
		pt, err := l.parser.Parse(text, "{{", "}}")
		if err != nil {
			return "", err
		}
		return pt.Execute(data)
	}
	loc, err := l.cat.bundle(l.domain, l.lang)
	if err != nil {
		return "", err
	}
	return loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count, TemplateParser: l.parser})
}

// form guesses the plural form a render used, for positions: "other"
// unless the message has only one form.
func form(m *Message, count any) string {
	if count == nil || len(m.Forms) == 1 {
		for f := range m.Forms {
			return f
		}
	}
	return "other"
}

// MissingError is a message with no translation in a language: briefs
// never silently falls back to English (except in a draft, which the
// caller asks for).
type MissingError struct{ ID, Lang, Domain string }

func (e *MissingError) Error() string {
	return fmt.Sprintf("message %q has no %s translation", e.ID, e.Lang)
}

// Hint says how to fix a missing message.
func (e *MissingError) Hint() string {
	return fmt.Sprintf("add it to locales/%s.%s.toml, or build --draft to set it in the source language; briefs check --lang %s lists what is missing",
		e.Domain, e.Lang, e.Lang)
}

// Number formats an integer, in native digits when asked.
func (l *Localizer) Number(n int) string {
	s := strconv.Itoa(n)
	if l.NativeDigits {
		s = lang.NativeDigits(l.lang, s)
	}
	return s
}

// Date formats a month and year with the catalogue's month names and
// pattern. Thai years count in the Buddhist era (CE + 543), as Thai
// publications print them.
func (l *Localizer) Date(t time.Time) (string, error) {
	month, err := l.Text(fmt.Sprintf("month.%d", int(t.Month())), nil)
	if err != nil {
		return "", err
	}
	row, _ := lang.Lookup(l.lang)
	year := t.Year() + row.EraOffset // the Thai Buddhist era: July 2019 is 2562
	return l.Text("date.month_year", map[string]any{"Month": month, "Year": l.Number(year)})
}

// keyList names the variables a message is given, for error messages.
func keyList(data map[string]any) string {
	if len(data) == 0 {
		return "no variables"
	}
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, "{{."+k+"}}")
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// TemplateHint is the advice for a message that is more than text and
// variables.
const TemplateHint = "a message is text with the English variables, written {{.Name}}; no range, if, with, functions or pipes"

// TemplateError is a message text that is not plain text with variables,
// or a variable the data lacks. Offset is the byte offset in the text.
type TemplateError struct {
	Offset  int
	Msg     string
	Missing string // the variable the data lacks, when that is the error
}

func (e *TemplateError) Error() string { return e.Msg }

// ParseTemplate reads a message text as data: text and {{.Name}}
// variables, nothing else. text/template's parser finds the actions; an
// action that is anything but one field (range, if, with, a function
// call, a pipeline, a variable, a comment) is refused, so a translation
// is never executed as a program. It returns the pieces in order.
func ParseTemplate(src string) ([]Piece, error) {
	if !strings.Contains(src, "{{") {
		if i := strings.Index(src, "}}"); i >= 0 {
			return nil, &TemplateError{Offset: i, Msg: "}} closes no {{"}
		}
		return []Piece{{Text: src}}, nil
	}
	t := parse.New("message")
	t.Mode = parse.SkipFuncCheck | parse.ParseComments
	if _, err := t.Parse(src, "{{", "}}", map[string]*parse.Tree{}); err != nil {
		at := brokenAction(src)
		if name, ok := unclosedVar(src[at:]); ok {
			return nil, &TemplateError{Offset: at, Msg: "{{." + name + " is not closed: write {{." + name + "}}"}
		}
		return nil, &TemplateError{Offset: at, Msg: parseErr(err)}
	}
	var out []Piece
	for _, n := range t.Root.Nodes {
		p, err := piece(n)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// brokenAction is the offset of the {{ of the first action in src that
// does not parse on its own (one with no }}, "{{.Total}"), for a text
// text/template refuses: its error names only the line. When each
// action parses alone it is the first {{.
func brokenAction(src string) int {
	for i := 0; ; {
		j := strings.Index(src[i:], "{{")
		if j < 0 {
			break
		}
		start := i + j
		k := strings.Index(src[start+2:], "}}")
		if k < 0 {
			return start
		}
		end := start + 2 + k + 2
		t := parse.New("action")
		t.Mode = parse.SkipFuncCheck | parse.ParseComments
		if _, err := t.Parse(src[start:end], "{{", "}}", map[string]*parse.Tree{}); err != nil {
			return start
		}
		i = end
	}
	return strings.Index(src, "{{")
}

// unclosedVar reports whether action, from its {{, is a variable left
// without its }} ("{{.Date} ", "{{.Date"), and names it: text/template
// says only "bad character U+007D '}'" or "unclosed action".
func unclosedVar(action string) (string, bool) {
	rest, ok := strings.CutPrefix(action, "{{")
	if !ok {
		return "", false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " "), ".")
	if !ok {
		return "", false
	}
	n := strings.IndexFunc(rest, func(r rune) bool { // a variable's name is ASCII: {{.Count}}
		return !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	})
	if n < 0 {
		n = len(rest)
	}
	if n == 0 || strings.HasPrefix(strings.TrimLeft(rest[n:], " "), "}}") {
		return "", false
	}
	return rest[:n], true
}

// Piece is text, or the variable Var.
type Piece struct{ Text, Var string }

func piece(n parse.Node) (Piece, error) {
	off := int(n.Position())
	switch n := n.(type) {
	case *parse.TextNode:
		if i := strings.Index(string(n.Text), "}}"); i >= 0 {
			return Piece{}, &TemplateError{Offset: off + i, Msg: "}} closes no {{"}
		}
		return Piece{Text: string(n.Text)}, nil
	case *parse.ActionNode:
		p := n.Pipe
		if len(p.Decl) == 0 && len(p.Cmds) == 1 && len(p.Cmds[0].Args) == 1 {
			if f, ok := p.Cmds[0].Args[0].(*parse.FieldNode); ok && len(f.Ident) == 1 {
				return Piece{Var: f.Ident[0]}, nil
			}
		}
		return Piece{}, &TemplateError{Offset: actionStart(off), Msg: fmt.Sprintf("%s is not a variable such as {{.Name}}", clip(n.String()))}
	case *parse.CommentNode:
		return Piece{}, &TemplateError{Offset: actionStart(off), Msg: "a template comment is not allowed"}
	}
	return Piece{}, &TemplateError{Offset: actionStart(off), Msg: fmt.Sprintf("%s is not allowed: only variables such as {{.Name}}", clip(n.String()))}
}

// actionStart is a guess at where the {{ of a node begins: text/template
// gives the offset of the node's first token, just after the delimiter.
func actionStart(off int) int { return max(off-2, 0) }

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// parseErr drops text/template's "template: NAME:LINE: " prefix.
func parseErr(err error) string {
	s := err.Error()
	if rest, ok := strings.CutPrefix(s, "template: "); ok {
		if j := strings.Index(rest, ": "); j >= 0 {
			return rest[j+2:]
		}
	}
	return s
}

// dataParser is the go-i18n template parser briefs renders with: it
// substitutes variables into text and never executes anything.
type dataParser struct{}

func (dataParser) Cacheable() bool { return true }

func (dataParser) Parse(src, _, _ string) (template.ParsedTemplate, error) {
	ps, err := ParseTemplate(src)
	if err != nil {
		return nil, err
	}
	return pieces(ps), nil
}

type pieces []Piece

func (ps pieces) Execute(data any) (string, error) {
	var b strings.Builder
	for _, p := range ps {
		if p.Var == "" {
			b.WriteString(p.Text)
			continue
		}
		v, ok := lookupVar(data, p.Var)
		if !ok {
			return "", &TemplateError{Missing: p.Var, Msg: fmt.Sprintf("{{.%s}} is not given", p.Var)}
		}
		fmt.Fprint(&b, v)
	}
	return b.String(), nil
}

func lookupVar(data any, name string) (any, bool) {
	switch d := data.(type) {
	case map[string]any:
		v, ok := d[name]
		return v, ok
	case map[string]string:
		v, ok := d[name]
		return v, ok
	}
	return nil, false
}

// givenHint says which variables a message's place in the brief gives it.
func givenHint(data map[string]any) string {
	if len(data) == 0 {
		return "it gets no variables here: write the text without {{…}}"
	}
	return "it gets " + keyList(data) + " here: use only those"
}
