package catalog

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// Localizer renders one brief's messages in one language.
type Localizer struct {
	cat          *Catalog
	domain, lang string
	loc          *i18n.Localizer
	// NativeDigits prints numbers the layout formats itself (dates, page
	// numbers, list numbers) in the language's own digits.
	NativeDigits bool
	parser       template.Parser
}

// Localizer returns a renderer for a brief (domain) in a language. It fails
// when the language has no catalogue for the brief.
func (c *Catalog) Localizer(domain, lang string) (*Localizer, error) {
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
	return &Localizer{cat: c, domain: domain, lang: lang, loc: i18n.NewLocalizer(b, tag.String()),
		parser: &template.TextParser{Option: "missingkey=error"}}, nil
}

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
	if !ok {
		return "", fmt.Errorf("message %q has no %s translation (add it to %s.%s.toml; briefs check --lang %s lists what is missing)",
			id, l.lang, l.domain, l.lang, l.lang)
	}
	s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data,
		PluralCount: count, TemplateParser: l.parser})
	if err != nil {
		if key, ok := missingKey(err); ok {
			return "", fmt.Errorf("%s: message %q uses {{.%s}}, which it is not given (it gets %s; briefs check shows the English variables)",
				m.Pos, id, key, keyList(data))
		}
		return "", fmt.Errorf("%s: message %q: %w", m.Pos, id, err)
	}
	return s, nil
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

// missingKeyRE matches text/template's error for a variable the data lacks
// (with the missingkey=error option).
var missingKeyRE = regexp.MustCompile(`map has no entry for key "([^"]*)"`)

func missingKey(err error) (string, bool) {
	m := missingKeyRE.FindStringSubmatch(err.Error())
	if m == nil {
		return "", false
	}
	return m[1], true
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
