package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Finding codes of chart blocks. Their labels need no code of their own:
// they are messages of the edition (source.Block.MessageIDs), so a label
// with no translation is "missing" and counts in the coverage.
const (
	CodeChartNumber = "chart-number" // a table cell a chart draws is not a number
	CodeChartRange  = "chart-range"  // a value lies outside the chart's axis
	CodeChartColors = "chart-colors" // more series than the palette tells apart
	CodeChartDigits = "chart-digits" // two different values print as the same number
)

// paletteSize is how many series the chart palette tells apart.
const paletteSize = 4

// checkCharts reads every chart's values as the build does, from the
// source language's catalogue, and reports the ones it could not draw.
func (c *checker) checkCharts() {
	for _, br := range c.briefs {
		if c.failed[br.ID] {
			// Its English catalogue did not load: every cell would read
			// as empty, and the file's own error says what is wrong.
			continue
		}
		for _, b := range br.Blocks {
			if b.Kind == source.Chart && b.Chart != nil {
				c.checkChart(br, b)
			}
		}
	}
}

func (c *checker) checkChart(br *source.Brief, b source.Block) {
	spec := b.Chart
	text := func(id string) (string, bool) {
		if c.charted == nil {
			c.charted = map[[2]string]bool{}
		}
		c.charted[[2]string{c.cat.Domain(br.ID, id), id}] = true
		m, ok := c.cat.Lookup(c.cat.Domain(br.ID, id), br.SourceLang, id)
		if !ok {
			return "", false
		}
		return m.Other(), true
	}
	values, bad := spec.Values(text)
	for _, v := range bad {
		c.add(c.badValue(br, b, v))
	}
	if len(bad) == 0 {
		c.checkChartDigits(b, values)
	}
	if n := len(spec.Series); n > paletteSize {
		c.add(diag.Warnf(b.Pos, CodeChartColors, fmt.Sprintf("draw at most %d series in one chart, or split it", paletteSize),
			"chart has %d series, but the palette tells only %d apart", n, paletteSize))
	}
}

// badValue positions a value the chart cannot draw: a cell that is not a
// number at its English message, a value out of range at the block.
func (c *checker) badValue(br *source.Brief, b source.Block, v source.BadValue) diag.Diagnostic {
	spec := b.Chart
	if v.Problem == "number" {
		pos := b.Pos
		if m, ok := c.cat.Lookup(c.cat.Domain(br.ID, v.ID), br.SourceLang, v.ID); ok {
			pos = m.Pos
		}
		return diag.Errorf(pos, CodeChartNumber,
			fmt.Sprintf("write the cell as a number (200, 12.5, 40%%); table %q feeds the chart at %s", spec.From, b.Pos),
			"message %q is drawn by a chart, but its text %q is not a number", v.ID, strings.TrimSpace(v.Text))
	}
	axis := fmt.Sprintf("%g..", spec.Min)
	if spec.MaxSet {
		axis += fmt.Sprintf("%g", spec.Max)
	}
	what := fmt.Sprintf("value %g", v.Value)
	if v.ID != "" {
		what = fmt.Sprintf("value %g (message %q)", v.Value, v.ID)
	}
	if math.IsNaN(v.Value) {
		return diag.Errorf(b.Pos, CodeChartRange, "write the value as a number (200, 12.5); TOML's nan is no quantity a bar can show",
			"chart %s of series %d is not a number", what, v.Series+1)
	}
	if math.Abs(v.Value) > source.MaxChartValue || math.IsInf(v.Value, 0) {
		return diag.Errorf(b.Pos, CodeChartRange, fmt.Sprintf("correct the value, or give the data in thousands or millions, within ±%g", source.MaxChartValue),
			"chart %s of series %d, or its bar, is too large for an axis to count", what, v.Series+1)
	}
	return diag.Errorf(b.Pos, CodeChartRange, "widen the axis with min and max, or correct the value",
		"chart %s of series %d lies outside the axis %s", what, v.Series+1, axis)
}

// checkChartDigits warns of a chart whose format prints two different
// values as one number (1e-9 and 2e-9 both 0.00 with two decimals): its
// bars differ and their labels say they do not.
func (c *checker) checkChartDigits(b source.Block, values [][]float64) {
	spec := b.Chart
	decimals := spec.Decimals
	if spec.Format == "integer" {
		decimals = 0
	}
	seen := map[string]float64{}
	for _, vs := range values {
		for _, v := range vs {
			s := spec.Digits(v) // as the PDF prints it, before separators
			if w, ok := seen[s]; ok && w != v {
				c.add(diag.Warnf(b.Pos, CodeChartDigits, "give more decimals (decimals = 1 to 4), or the data in other units (thousands, per cent)",
					"chart values %g and %g both print as %s with %d decimal(s)", w, v, s, decimals))
				return
			}
			seen[s] = v
		}
	}
}
