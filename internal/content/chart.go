package content

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
)

// chart evaluates a chart block: labels rendered, values read (from the
// source language's catalogue for a table's cells), numbers formatted in
// the edition's digits, the axis chosen and the alternate text made.
func (ev *evaluator) chart(b source.Block, out *manuscript.Block) error {
	spec, pos := b.Chart, b.Pos
	values, err := ev.chartValues(spec)
	if err != nil {
		return err
	}
	c := &manuscript.Chart{Horizontal: spec.Horizontal(), Stacked: spec.Stacked(), DataTable: spec.DataTable,
		CategoryIDs: spec.Categories}
	if err := ev.chartLabels(pos, spec, values, c); err != nil {
		return err
	}
	if spec.CategoryName != "" {
		if c.CategoryName, err = ev.spansOrErr(pos, spec.CategoryName, nil); err != nil {
			return err
		}
		c.CategoryNameID = spec.CategoryName
	}
	c.Axis = ev.axis(spec, values)
	if spec.Note != "" {
		if c.Note, err = ev.spansOrErr(pos, spec.Note, nil); err != nil {
			return err
		}
	}
	if out.Spans, err = ev.spansOrErr(pos, b.Caption, nil); err != nil {
		return err
	}
	if c.Alt, err = ev.chartAlt(b, c, out.Spans); err != nil {
		return err
	}
	out.Chart = c
	return nil
}

// chartValues reads a chart's values and refuses any it cannot draw.
func (ev *evaluator) chartValues(spec *source.ChartSpec) ([][]float64, error) {
	values, bad := spec.Values(ev.sourceText)
	if len(bad) > 0 {
		v := bad[0]
		if v.Problem == "number" {
			return nil, fmt.Errorf("chart cell %q reads %q, which is not a number", v.ID, v.Text)
		}
		return nil, fmt.Errorf("chart value %g of series %d lies outside the axis", v.Value, v.Series+1)
	}
	if len(spec.Categories) == 0 || len(spec.Series) == 0 {
		return nil, fmt.Errorf("chart has no data")
	}
	for i, vs := range values {
		if len(vs) != len(spec.Categories) {
			return nil, fmt.Errorf("chart series %d has %d values for %d categories", i+1, len(vs), len(spec.Categories))
		}
	}
	return values, nil
}

// chartLabels renders the category labels and series names, and prints
// the values.
func (ev *evaluator) chartLabels(pos diag.Pos, spec *source.ChartSpec, values [][]float64, c *manuscript.Chart) error {
	for _, id := range spec.Categories {
		sp, err := ev.spansOrErr(pos, id, nil)
		if err != nil {
			return err
		}
		c.Categories = append(c.Categories, sp)
	}
	for i, s := range spec.Series {
		name, err := ev.spansOrErr(pos, s.Name, nil)
		if err != nil {
			return err
		}
		cs := manuscript.ChartSeries{Name: name, Values: values[i]}
		for _, v := range values[i] {
			cs.Labels = append(cs.Labels, ev.formatValue(spec, v))
		}
		c.Series = append(c.Series, cs)
		c.SeriesIDs = append(c.SeriesIDs, s.Name)
	}
	return nil
}

// sourceText returns a message's text in the brief's source language: a
// table cell's number is the editor's, whatever a translation writes.
func (ev *evaluator) sourceText(id string) (string, bool) {
	m, ok := ev.cat.Lookup(ev.cat.Domain(ev.br.ID, id), ev.br.SourceLang, id)
	if !ok {
		return "", false
	}
	return m.Other(), true
}

// formatValue prints a value in the chart's format and the edition's
// digits, as a table of the same numbers would: thousands grouped with
// the language's separator (CLDR: from four digits, 1,363; Khmer and
// Vietnamese 1.363) and a negative value with the minus sign U+2212
// (Unicode's MINUS SIGN; the hyphen-minus is a hyphen in running text,
// and reads as one to a screen reader).
func (ev *evaluator) formatValue(spec *source.ChartSpec, v float64) string {
	s := spec.Digits(v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	row, _ := lang.Lookup(ev.loc.Lang())
	s = group(whole, cmp.Or(row.GroupSeparator, ","))
	if hasFrac {
		s += cmp.Or(row.DecimalSeparator, ".") + frac
	}
	if neg {
		s = "\u2212" + s
	}
	if spec.Format == "percent" {
		s += "%"
	}
	if ev.loc.NativeDigits {
		s = lang.NativeDigits(ev.loc.Lang(), s)
	}
	return s
}

// group parts the ASCII digits of a whole number in threes from the
// right with sep: 1363 is 1,363 (CLDR's minimum grouping digits is 1 for
// every language briefs publishes in).
func group(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// axis chooses the value axis: from min to max (or to a round number
// above the longest bar), with gridlines every step (or at a round step
// that gives four to eight of them).
func (ev *evaluator) axis(spec *source.ChartSpec, values [][]float64) manuscript.Axis {
	top := spec.Min
	for si := range values {
		for i := range values[si] {
			top = math.Max(top, spec.BarEnd(values, si, i))
		}
	}
	step := spec.Step
	if step <= 0 || (math.Max(top, spec.Max)-spec.Min)/step > 50 {
		step = niceStep((top - spec.Min) / 5)
	}
	ax := manuscript.Axis{Min: spec.Min, Max: spec.Max}
	if !spec.MaxSet {
		ax.Max = spec.Min + math.Ceil((top-spec.Min)/step-1e-9)*step
		if ax.Max <= ax.Min {
			ax.Max = ax.Min + step
		}
	}
	// Counted, not summed to the end: a sum that stops growing (a step
	// below the value's precision) never reaches it. Source refuses
	// values beyond MaxChartValue, so n is at most about 50.
	n := int(math.Floor((ax.Max-ax.Min)/step + 1e-6))
	for k := 0; k <= n && k <= maxTicks; k++ {
		v := ax.Min + float64(k)*step
		ax.Ticks = append(ax.Ticks, manuscript.Tick{Value: v, Label: ev.formatValue(spec, v)})
	}
	return ax
}

// maxTicks bounds an axis's gridlines whatever its numbers.
const maxTicks = 100

// niceStep rounds a raw step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*p+1e-9 {
			return m * p
		}
	}
	return 10 * p
}

// chartAlt is the figure's alternate text: the alt message when the block
// gives one, else the caption followed by each series' name and its
// values by category, in the edition's language and digits.
func (ev *evaluator) chartAlt(b source.Block, c *manuscript.Chart, caption []manuscript.Span) (string, error) {
	if b.Alt != "" {
		alt, err := ev.textOrErr(b.Pos, b.Alt, nil)
		return text.NFC(alt), err
	}
	sep := lang.ListSeparator(ev.loc.Lang())
	parts := []string{endSentence(ev.loc.Lang(), strings.TrimSpace(text.Plain(caption)))}
	for _, s := range c.Series {
		var pairs []string
		for i, l := range s.Labels {
			pairs = append(pairs, text.Plain(c.Categories[i])+" "+l)
		}
		row, _ := lang.Lookup(ev.loc.Lang())
		colon, ok := row.Colon, row.Colon != ""
		if !ok {
			colon = ": "
		}
		parts = append(parts, text.Plain(s.Name)+colon+strings.Join(pairs, sep))
	}
	return text.NFC(strings.Join(parts, " ")), nil
}

// endSentence ends a caption that ends in a letter or digit as a
// sentence, so that the data read after it in the alt text is heard as
// the next sentence.
func endSentence(code, s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
		return s
	}
	row, _ := lang.Lookup(code)
	return s + row.SentenceEnd
}

// errReported says a chart's problem is already a diagnostic.
var errReported = errors.New("reported")

// spansOrErr and textOrErr are spans and text for the chart code, which
// stops at its first problem: errReported once the diagnostic is recorded.
func (ev *evaluator) spansOrErr(pos diag.Pos, id string, data map[string]any) ([]manuscript.Span, error) {
	sp, ok := ev.spans(pos, id, data)
	if !ok {
		return nil, errReported
	}
	return sp, nil
}

func (ev *evaluator) textOrErr(pos diag.Pos, id string, data map[string]any) (string, error) {
	s, ok := ev.text(pos, id, data)
	if !ok {
		return "", errReported
	}
	return s, nil
}
