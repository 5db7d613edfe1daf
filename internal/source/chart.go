package source

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// Chart is a block drawn from data: a chart block in brief.toml.
const Chart Kind = "chart"

// Chart types: horizontal bars, vertical columns, and their stacked
// variants, where the series of a category are drawn end to end.
var chartTypes = []string{"bar", "column", "stacked-bar", "stacked-column"}

// Value formats of a chart's numbers.
var chartFormats = []string{"integer", "percent", "decimal"}

// rawChart holds the keys of a chart block, and the id by which a chart
// refers to a table block. It is embedded in rawBlock.
type rawChart struct {
	ID           string      `toml:"id"`
	Chart        string      `toml:"chart"`
	Categories   []string    `toml:"categories"`
	Series       []rawSeries `toml:"series"`
	From         string      `toml:"from"`
	LabelColumn  int         `toml:"label_column"`
	ValueColumns []int       `toml:"value_columns"`
	DataRows     []int       `toml:"data_rows"`
	Note         string      `toml:"note"`
	Format       string      `toml:"format"`
	Decimals     int         `toml:"decimals"`
	Min          *float64    `toml:"min"`
	Max          *float64    `toml:"max"`
	Step         float64     `toml:"step"`
	DataTable    bool        `toml:"data_table"`
}

type rawSeries struct {
	Name   string    `toml:"name"`
	Values []float64 `toml:"values"`
}

// ChartSpec is a chart block's data and how to draw it. Labels are
// message IDs; values are numbers given inline or message IDs of the
// cells of a table block, read from the source language's catalogue.
type ChartSpec struct {
	Type       string   // one of bar, column, stacked-bar, stacked-column
	Categories []string // message IDs, one per bar or column group
	Series     []Series
	From       string // id of the table block the data comes from, or ""
	// CategoryName is the message ID of the header of the table's label
	// column, which heads the categories in the chart's data table; ""
	// for inline data.
	CategoryName string
	Note         string // message ID of a note on the source, or ""
	Format       string // integer, percent or decimal
	Decimals     int    // digits after the point (decimal, percent)
	Min, Max     float64
	MaxSet       bool    // Max was given; otherwise it is chosen from the data
	Step         float64 // distance of gridlines; 0: chosen from the range
	DataTable    bool    // set the numbers as a table under the chart

	labelColumn  int
	valueColumns []int
	dataRows     []int
}

// Digits prints a value in the chart's format as ASCII digits, before
// any language's separators and digits: rounded half away from zero to a
// whole number (integer) or to Decimals places, the point a full stop,
// and "-" before a negative value that does not round to zero (-0.4 is
// "0", not "-0"). The layout's labels and check's chart-digits finding
// both start from it, so that check compares what the PDF prints.
func (s *ChartSpec) Digits(v float64) string {
	var out string
	if s.Format == "integer" {
		out = strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	} else {
		out = strconv.FormatFloat(v, 'f', s.Decimals, 64)
	}
	if strings.HasPrefix(out, "-") && strings.Trim(out, "-0.") == "" {
		out = out[1:]
	}
	return out
}

// Series is one set of values, one per category.
type Series struct {
	Name     string    // message ID
	Values   []float64 // inline values
	ValueIDs []string  // message IDs of table cells holding the values
}

// Stacked reports whether the series of a category are drawn end to end.
func (c *ChartSpec) Stacked() bool { return strings.HasPrefix(c.Type, "stacked-") }

// Horizontal reports whether bars run left to right.
func (c *ChartSpec) Horizontal() bool { return strings.HasSuffix(c.Type, "bar") }

// messageIDs lists the chart's labels in reading order.
func (c *ChartSpec) messageIDs() []string {
	ids := slices.Clone(c.Categories)
	for _, s := range c.Series {
		ids = append(ids, s.Name)
	}
	return append(ids, c.Note)
}

// decodeChart reads a chart block's keys. A reference to a table is
// resolved once every block is decoded (resolveCharts).
func decodeChart(rc rawChart, pos diag.Pos) (*ChartSpec, diag.List) {
	c := &ChartSpec{Type: rc.Chart, Categories: rc.Categories, From: rc.From, Note: rc.Note,
		Format: rc.Format, Decimals: rc.Decimals, Step: rc.Step, DataTable: rc.DataTable,
		labelColumn: rc.LabelColumn, valueColumns: rc.ValueColumns, dataRows: rc.DataRows}
	for _, s := range rc.Series {
		c.Series = append(c.Series, Series{Name: s.Name, Values: s.Values})
	}
	if rc.Min != nil {
		c.Min = *rc.Min
	}
	if rc.Max != nil {
		c.Max, c.MaxSet = *rc.Max, true
	}
	ds := c.checkKind(pos)
	ds = append(ds, c.checkAxis(pos)...)
	bad := func(hint, format string, args ...any) {
		ds = append(ds, diag.Errorf(pos, "chart-field", hint, format, args...))
	}
	if c.From == "" {
		ds = append(ds, checkInline(c, pos)...)
	} else if len(c.Categories) > 0 || len(c.Series) > 0 {
		bad("give either from = \"table-id\" or categories and series", "chart has both from and inline data")
	}
	return c, ds
}

// checkKind checks the chart type and the value format, and fills in
// their defaults.
func (c *ChartSpec) checkKind(pos diag.Pos) diag.List {
	var ds diag.List
	bad := func(hint, format string, args ...any) {
		ds = append(ds, diag.Errorf(pos, "chart-field", hint, format, args...))
	}
	if c.Type == "" {
		c.Type = "bar"
	}
	if !slices.Contains(chartTypes, c.Type) {
		hint := "chart = " + strings.Join(chartTypes, ", ")
		if c.Type == "pie" || c.Type == "donut" {
			hint = "use chart = \"bar\": lengths on a common axis compare more exactly than angles, and a bar's label has room in every script"
		}
		bad(hint, "unknown chart type %q", c.Type)
	}
	if c.Format == "" {
		c.Format = "integer"
	}
	if !slices.Contains(chartFormats, c.Format) {
		bad("format = "+strings.Join(chartFormats, ", "), "unknown value format %q", c.Format)
	}
	if c.Decimals < 0 || c.Decimals > 4 {
		bad("use decimals = 0 to 4", "decimals = %d is out of range", c.Decimals)
	}
	return ds
}

// MaxChartValue is the largest magnitude a chart value, bar end or axis
// bound may have. Beyond 2^53 (about 9e15) a float64 no longer holds every
// whole number, so gridlines a step apart can fall on one value and an
// axis of 1.7e308 overflowed to +Inf while its ticks were counted (a hang
// that ate memory); a policy brief's chart has no use for more.
const MaxChartValue = 1e15

// checkAxis checks the axis range and the gridline step.
func (c *ChartSpec) checkAxis(pos diag.Pos) diag.List {
	var ds diag.List
	bad := func(hint, format string, args ...any) {
		ds = append(ds, diag.Errorf(pos, "chart-field", hint, format, args...))
	}
	for _, v := range []float64{c.Min, c.Max, c.Step} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			bad("give min, max and step as finite numbers", "chart axis has %g", v)
		} else if math.Abs(v) > MaxChartValue {
			bad(fmt.Sprintf("give min, max and step within ±%g: the data in thousands or millions", MaxChartValue), "chart axis has %g, beyond what an axis can count", v)
		}
	}
	if c.MaxSet && c.Max <= c.Min {
		bad("give max greater than min", "axis range %g..%g is empty", c.Min, c.Max)
	}
	if c.Step < 0 || c.MaxSet && c.Step > 0 && (c.Max-c.Min)/c.Step > 20 {
		bad("use a step that gives 2 to 20 gridlines", "step %g does not suit the axis", c.Step)
	}
	return ds
}

func checkInline(c *ChartSpec, pos diag.Pos) diag.List {
	var ds diag.List
	if len(c.Categories) == 0 {
		ds = append(ds, diag.Errorf(pos, "chart-field", `add categories = ["id1", "id2"], or from = "table-id"`, "chart has no categories"))
	}
	if len(c.Series) == 0 {
		ds = append(ds, diag.Errorf(pos, "chart-field", `add [[block.series]] with name = "message.id" and values = [..]`, "chart has no series"))
	}
	for i, s := range c.Series {
		if s.Name == "" {
			ds = append(ds, diag.Errorf(pos, "chart-field", `add name = "message.id"`, "chart series %d has no name", i+1))
		}
		if len(s.Values) != len(c.Categories) {
			ds = append(ds, diag.Errorf(pos, "chart-shape", "give each series one value per category",
				"chart series %d has %d values, but there are %d categories", i+1, len(s.Values), len(c.Categories)))
		}
	}
	return ds
}
