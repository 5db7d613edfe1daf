package source

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
)

// resolveCharts fills the categories and series of charts that take
// their data from a table block of the brief: the label column's cells
// become the categories, each value column's header a series name, and
// its cells the values' message IDs.
func resolveCharts(br *Brief) diag.List {
	ds := duplicateTableIDs(br)
	for i := range br.Blocks {
		b := &br.Blocks[i]
		if b.Kind != Chart || b.Chart == nil || b.Chart.From == "" {
			continue
		}
		t := br.tableByID(b.Chart.From)
		if t == nil {
			ds = append(ds, diag.Errorf(b.Pos, "chart-table", "tables: "+br.tableIDs(),
				"chart refers to table %q, which this brief does not have", b.Chart.From))
			continue
		}
		ds = append(ds, b.Chart.fromTable(t, b.Pos)...)
	}
	return ds
}

func (c *ChartSpec) fromTable(t *Block, pos diag.Pos) diag.List {
	cols := len(t.Columns)
	label := c.labelColumn
	if label == 0 {
		label = 1
	}
	values := c.valueColumns
	if len(values) == 0 {
		values = []int{cols}
	}
	for _, col := range append([]int{label}, values...) {
		if col < 1 || col > cols {
			return diag.List{diag.Errorf(pos, "chart-table", fmt.Sprintf("columns of table %q are 1 to %d", c.From, cols),
				"chart column %d is not a column of table %q", col, c.From)}
		}
	}
	rows, ds := c.rows(t, pos)
	if len(rows) == 0 && len(ds) == 0 {
		return diag.List{diag.Errorf(pos, "chart-table", "add rows to the table, or give the data inline",
			"table %q has no rows for the chart to draw", c.From)}
	}
	c.CategoryName = t.Columns[label-1]
	for _, r := range rows {
		c.Categories = append(c.Categories, r[label-1])
	}
	for _, col := range values {
		s := Series{Name: t.Columns[col-1]}
		for _, r := range rows {
			s.ValueIDs = append(s.ValueIDs, r[col-1])
		}
		c.Series = append(c.Series, s)
	}
	// A table's empty cell ("") is text no chart can draw: a category
	// without a label, a value without a number. Build failed on a
	// message "" after a clean check.
	for i, r := range rows {
		for _, col := range append([]int{label}, values...) {
			if r[col-1] != "" {
				continue
			}
			hint := fmt.Sprintf("give the cell a message, or leave the row out of the chart with data_rows (table %q)", c.From)
			what := "value"
			if col == label {
				what = "category label"
			}
			ds = append(ds, diag.Errorf(pos, "chart-table", hint, "the chart's %s in row %d, column %d of its table is an empty cell", what, i+1, col))
		}
	}
	return ds
}

// rows returns the table's body rows the chart draws: data_rows = [first,
// last], counted from 1, or every row. Rows of the wrong shape are left
// out (the table block reports them).
func (c *ChartSpec) rows(t *Block, pos diag.Pos) ([][]string, diag.List) {
	first, last := 1, len(t.Rows)
	if r := c.dataRows; len(r) > 0 {
		if len(r) != 2 || r[0] < 1 || r[1] < r[0] || r[1] > len(t.Rows) {
			return nil, diag.List{diag.Errorf(pos, "chart-table", fmt.Sprintf("use data_rows = [first, last] within 1..%d", len(t.Rows)),
				"chart data_rows %v are not rows of table %q", r, c.From)}
		}
		first, last = r[0], r[1]
	}
	var out [][]string
	for _, r := range t.Rows[first-1 : last] {
		if len(r) == len(t.Columns) {
			out = append(out, r)
		}
	}
	return out, nil
}

// duplicateTableIDs reports a table id that an earlier table has: a
// chart's from would draw the first whatever the editor meant, and check
// said nothing.
func duplicateTableIDs(br *Brief) diag.List {
	var ds diag.List
	first := map[string]diag.Pos{}
	for _, b := range br.Blocks {
		if b.Kind != Table || b.ID == "" {
			continue
		}
		if p, ok := first[b.ID]; ok {
			ds = append(ds, diag.Errorf(b.Pos, "duplicate-id", "give each table its own id",
				"table id %q is the id of the table at line %d too", b.ID, p.Line))
			continue
		}
		first[b.ID] = b.Pos
	}
	return ds
}

func (br *Brief) tableByID(id string) *Block {
	for i := range br.Blocks {
		if b := &br.Blocks[i]; b.Kind == Table && b.ID == id {
			return b
		}
	}
	return nil
}

func (br *Brief) tableIDs() string {
	var ids []string
	for _, b := range br.Blocks {
		if b.Kind == Table && b.ID != "" {
			ids = append(ids, fmt.Sprintf("%q", b.ID))
		}
	}
	if len(ids) == 0 {
		return `none has an id; add id = "name" to the table block`
	}
	return strings.Join(ids, ", ")
}

// BadValue is a chart value that cannot be drawn: a table cell whose text
// is not a number, or a value outside the axis.
type BadValue struct {
	Series, Index int
	ID            string // the cell's message ID, for values from a table
	Text          string
	Value         float64
	Problem       string // "number" or "range"
}

// Values returns the chart's values, series by series. Inline values are
// taken as they are; a table cell's value is parsed from its text, which
// text returns for a message ID (the source language's). Values that
// cannot be drawn come back as bad.
func (c *ChartSpec) Values(text func(id string) (string, bool)) (values [][]float64, bad []BadValue) {
	for si, s := range c.Series {
		vs := slices.Clone(s.Values)
		for i, id := range s.ValueIDs {
			t, _ := text(id)
			v, ok := ParseNumber(t)
			if !ok {
				bad = append(bad, BadValue{Series: si, Index: i, ID: id, Text: t, Problem: "number"})
			}
			vs = append(vs, v)
		}
		values = append(values, vs)
	}
	unread := len(bad) > 0 // the range of a chart with unreadable cells is not known
	for si, vs := range values {
		for i, v := range vs {
			if unread {
				break
			}
			end := c.BarEnd(values, si, i)
			if v < c.Min || end < c.Min || c.MaxSet && end > c.Max || math.IsNaN(v) || math.IsInf(v, 0) ||
				math.Abs(v) > MaxChartValue || math.Abs(end) > MaxChartValue {
				bad = append(bad, BadValue{Series: si, Index: i, ID: idAt(c, si, i), Value: v, Problem: "range"})
			}
		}
	}
	return values, bad
}

// BarEnd is where the bar of value [si][i] ends before the axis clips
// it (manuscript.Stack): the value itself, or in a stacked chart the end
// of its segment, positive values laid up from zero and negative ones
// down. The range check reads it, and evaluation chooses the axis by it.
func (c *ChartSpec) BarEnd(values [][]float64, si, i int) float64 {
	var category []float64
	for s := range values {
		if i < len(values[s]) {
			category = append(category, values[s][i])
		} else {
			category = append(category, 0)
		}
	}
	_, to := manuscript.Stack(c.Stacked(), category)
	return to[si]
}

func idAt(c *ChartSpec, si, i int) string {
	if ids := c.Series[si].ValueIDs; i < len(ids) {
		return ids[i]
	}
	return ""
}

// ParseNumber reads a number from a table cell's text: inline markup
// (**700**), thousands separators, a percent sign and surrounding spaces
// are ignored, and native digits count as digits.
func ParseNumber(s string) (float64, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '*' || r == ',' || r == '%' || r == '\u00A0' || unicode.IsSpace(r):
		case unicode.IsDigit(r):
			b.WriteRune('0' + rune(digitValue(r)))
		default:
			b.WriteRune(r)
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

// digitValue is the value of a decimal digit of any script.
func digitValue(r rune) int {
	for base := r; base > r-10 && base >= 0; base-- {
		if !unicode.IsDigit(base - 1) {
			return int(r - base)
		}
	}
	return 0
}
