package check

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/text"
)

// checkConsistency compares a translation's "other" form with the
// English: the same inline markup (README "Inline markup"), the same link
// targets and e-mail addresses, and the same numbers by value.
func (c *checker) checkConsistency(m, en *catalog.Message) {
	tr, ok := m.Forms["other"]
	src := en.Other()
	if !ok || src == "" {
		return
	}
	pos := c.textPos(m, "other", 0)
	trSpans, trStrays, err := text.ParseInlineStrays(tr)
	if err != nil {
		return // checkRefused's error says where
	}
	enSpans, enStrays, err := text.ParseInlineStrays(src)
	if err != nil {
		return
	}
	if len(trStrays) > len(enStrays) {
		// The English prints no such asterisks: a translator's strong
		// markup that does not open or close ("** word**") prints them.
		c.add(diag.Errorf(c.textPos(m, "other", trStrays[0]), CodeMarkup,
			text.StrayStrongHint,
			"translation of %q has ** that opens and closes nothing: the PDF would print the asterisks", m.ID))
	}
	a, b := countMarkup(src), countMarkup(tr)
	for _, k := range []struct {
		name    string
		en, got int
	}{{"**strong**", a.strong, b.strong}, {"*emphasis*", a.emph, b.emph}, {"[link](…)", a.links, b.links}} {
		if k.en != k.got {
			c.add(diag.Warnf(pos, CodeMarkup, "keep the English markup around the matching words",
				"translation of %q has %d %s spans, the English has %d", m.ID, k.got, k.name, k.en))
		}
	}
	if miss, extra := diffSets(linkTargets(enSpans), linkTargets(trSpans)); len(miss)+len(extra) > 0 {
		c.add(diag.Warnf(pos, CodeLinks, "keep link targets and e-mail addresses exactly as in the English",
			"translation of %q: %s", m.ID, describeDiff(miss, extra)))
	}
	enNums, trNums := numbers(plainText(enSpans)), numbers(plainText(trSpans))
	miss, extra := diffNumbers(m.Lang, enNums, trNums)
	switch {
	case len(miss)+len(extra) == 0:
	case c.charted[[2]string{m.Domain, m.ID}]:
		// A chart drawn from the table prints the English value beside
		// this cell: the PDF would say two numbers for one (the table
		// 999, its bar 320), which no reader can tell the true one of.
		c.add(diag.Errorf(pos, CodeNumbers, "write the English number (in any digits): a chart draws its bar from the English cell",
			"translation of %q, a table cell a chart is drawn from: %s", m.ID, describeDiff(miss, extra)))
	default:
		c.add(diag.Warnf(pos, CodeNumbers, "numbers are compared by value, in any digits (០–៩, ๐–๙, ၀–၉ equal 0–9)",
			"translation of %q: %s", m.ID, describeDiff(miss, extra)))
	}
}

// markupCount counts the markup of a message text, scanning it as
// text.ParseInline does (escapes \* and \[ are literal).
type markupCount struct{ strong, emph, links int }

func countMarkup(s string) markupCount {
	var n markupCount
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], `\*`) || strings.HasPrefix(s[i:], `\[`):
			i += 2
		case strings.HasPrefix(s[i:], "**"):
			n.strong++
			i += 2
		case s[i] == '*':
			n.emph++
			i++
		case s[i] == '[' && strings.Contains(s[i:], "]("):
			n.links++
			i++
		default:
			i++
		}
	}
	n.strong /= 2
	n.emph /= 2
	return n
}

// linkTargets lists the URIs of explicit links, bare URLs and e-mail
// addresses (as mailto:), sorted.
func linkTargets(spans []manuscript.Span) []string {
	var out []string
	for _, s := range spans {
		if s.Link != "" {
			out = append(out, s.Link)
		}
	}
	sort.Strings(out)
	return out
}

// plainText is the text of spans without bare URLs and e-mail addresses
// (compared as links) and without template actions.
func plainText(spans []manuscript.Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Link != "" && (s.Link == s.Text || s.Link == "mailto:"+s.Text) {
			continue
		}
		b.WriteString(s.Text)
		b.WriteByte(' ')
	}
	out := b.String()
	for {
		i := strings.Index(out, "{{")
		j := strings.Index(out, "}}")
		if i < 0 || j < i {
			return out
		}
		out = out[:i] + " " + out[j+2:]
	}
}

// diffSets returns what is in want but not in got, and in got but not in want.
func diffSets(want, got []string) (missing, extra []string) {
	for _, w := range want {
		if !slices.Contains(got, w) && !slices.Contains(missing, w) {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) && !slices.Contains(extra, g) {
			extra = append(extra, g)
		}
	}
	return missing, extra
}

func describeDiff(missing, extra []string) string {
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, fmt.Sprintf("lacks %s from the English", strings.Join(missing, ", ")))
	}
	if len(extra) > 0 {
		parts = append(parts, fmt.Sprintf("has %s, which the English has not", strings.Join(extra, ", ")))
	}
	return strings.Join(parts, "; ")
}
