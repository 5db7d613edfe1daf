package source

import (
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/diag"
)

const chartBrief = `id = "b"
date = 2019-07-01

[[edition]]
country = "kh"
languages = ["en", "km"]

[[block]]
type = "table"
id = "sites"
columns = ["t.site", "t.country", "t.n"]
rows = [
  ["t.tak", "t.th", "t.n200"],
  ["t.svay", "t.kh", "t.n100"],
  ["t.total", "t.all", "t.n300"],
]

[[block]]
type = "chart"
from = "sites"
data_rows = [1, 2]
caption = "chart.caption"
note = "chart.note"
`

// TestChartFromTable checks that a chart takes its categories from the
// table's label column, its series name from the value column's header
// and its values from the cells, and that its labels count among the
// edition's messages.
func TestChartFromTable(t *testing.T) {
	b, ds := Load(write(t, chartBrief))
	if b == nil || len(ds) != 0 {
		t.Fatalf("Load: %v", ds)
	}
	c := b.Blocks[1].Chart
	if c.Type != "bar" || !c.Horizontal() || c.Stacked() || c.Format != "integer" {
		t.Errorf("defaults: %+v", c)
	}
	if !slices.Equal(c.Categories, []string{"t.tak", "t.svay"}) || len(c.Series) != 1 || c.Series[0].Name != "t.n" ||
		!slices.Equal(c.Series[0].ValueIDs, []string{"t.n200", "t.n100"}) {
		t.Errorf("chart from table: %+v", c)
	}
	ids := b.MessageIDs("kh")
	for _, want := range []string{"chart.caption", "chart.note", "t.n"} {
		if !slices.Contains(ids, want) {
			t.Errorf("edition messages %v lack %q", ids, want)
		}
	}
	cells := map[string]string{"t.n200": "**200**", "t.n100": "1,00 0"}
	vs, bad := c.Values(func(id string) (string, bool) { s, ok := cells[id]; return s, ok })
	if len(bad) != 0 || !slices.Equal(vs[0], []float64{200, 1000}) {
		t.Errorf("values %v, bad %v", vs, bad)
	}
}

// TestBadCharts checks that each broken chart gets its code at the
// block's line, with a hint.
func TestBadCharts(t *testing.T) {
	for _, tc := range []struct{ name, edit, code string }{
		{"unknown table", `from = "zones"`, "chart-table"},
		{"rows out of range", "from = \"sites\"\ndata_rows = [1, 9]", "chart-table"},
		{"inline and from", "from = \"sites\"\ncategories = [\"a\"]", "chart-field"},
		{"pie", "chart = \"pie\"\nfrom = \"sites\"", "chart-field"},
		{"format", "format = \"money\"\nfrom = \"sites\"", "chart-field"},
		{"empty axis", "min = 10\nmax = 5\nfrom = \"sites\"", "chart-field"},
		{"no data", `format = "integer"`, "chart-field"},
		{"short series", "categories = [\"a\", \"b\"]\nseries = [{ name = \"s\", values = [1] }]", "chart-shape"},
	} {
		body := strings.Replace(chartBrief, "from = \"sites\"\ndata_rows = [1, 2]", tc.edit, 1)
		_, ds := Load(write(t, body))
		found := false
		for _, d := range ds {
			if d.Code == tc.code {
				found = true
				if d.Pos.Line != 18 || d.Pos.Col != 1 || d.Hint == "" {
					t.Errorf("%s: %s at %d:%d, hint %q", tc.name, d.Code, d.Pos.Line, d.Pos.Col, d.Hint)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s finding in %v", tc.name, tc.code, ds)
		}
	}
}

// TestChartValuesOutOfRange checks a stacked chart's ends against the
// axis, and an unreadable cell.
func TestChartValuesOutOfRange(t *testing.T) {
	c := &ChartSpec{Type: "stacked-bar", Max: 250, MaxSet: true, Categories: []string{"a"},
		Series: []Series{{Name: "s1", Values: []float64{200}}, {Name: "s2", Values: []float64{100}}, {Name: "s3", ValueIDs: []string{"x"}}}}
	_, bad := c.Values(func(string) (string, bool) { return "n/a", true })
	var problems []string
	for _, b := range bad {
		problems = append(problems, b.Problem)
	}
	if !slices.Equal(problems, []string{"number"}) {
		t.Errorf("bad values %+v, want the unreadable cell alone", bad)
	}
	c.Series = c.Series[:2]
	if _, bad := c.Values(nil); len(bad) != 1 || bad[0].Series != 1 || bad[0].Problem != "range" {
		t.Errorf("bad values %+v, want the second segment, which ends at 300, out of range", bad)
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"200": 200, "**700**": 700, "12.5%": 12.5, "១០០": 100, "1,000": 1000, " 7 ": 7} {
		if got, ok := ParseNumber(in); !ok || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "about 100", "NaN", "Inf"} {
		if _, ok := ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) is a number", in)
		}
	}
}

// TestChartOfAnEmptyTable checks that a chart of a table with no rows is
// an error at the chart, not an empty drawing.
func TestChartOfAnEmptyTable(t *testing.T) {
	body := chartBrief[:strings.Index(chartBrief, "rows = [")] + "rows = []\n" + chartBrief[strings.Index(chartBrief, "\n\n[[block]]\ntype = \"chart\""):]
	body = strings.Replace(body, "data_rows = [1, 2]\n", "", 1)
	_, ds := Load(write(t, body))
	if len(ds) != 1 || ds[0].Code != "chart-table" || !strings.Contains(ds[0].Msg, "no rows") {
		t.Errorf("chart of an empty table: %v", ds)
	}
}

// TestChartValuesTooLarge: a value, or a stacked bar's end, beyond
// MaxChartValue is out of range, and so is an axis bound; 1.7e308 made
// the axis overflow to +Inf and the tick loop run until memory ran out.
func TestChartValuesTooLarge(t *testing.T) {
	for _, c := range []*ChartSpec{
		{Type: "bar", Categories: []string{"a", "b"}, Series: []Series{{Name: "s", Values: []float64{1.7e308, 1}}}},
		{Type: "stacked-bar", Categories: []string{"a"}, Series: []Series{{Name: "s1", Values: []float64{9e14}}, {Name: "s2", Values: []float64{9e14}}}},
	} {
		if _, bad := c.Values(nil); len(bad) != 1 || bad[0].Problem != "range" {
			t.Errorf("%+v: bad values %+v, want one out of range", c.Series, bad)
		}
	}
	c := &ChartSpec{Min: -1.7e308}
	if ds := c.checkAxis(diag.Pos{}); len(ds) != 1 {
		t.Errorf("min -1.7e308: %v, want one chart-field error", ds)
	}
}

// TestDuplicateTableIDs: a second table with the id of the first is an
// error at its block; a chart drew the first and check said nothing.
func TestDuplicateTableIDs(t *testing.T) {
	second := "\n[[block]]\ntype = \"table\"\nid = \"sites\"\ncolumns = [\"t.site\", \"t.n\"]\nrows = [[\"t.tak\", \"t.n500\"]]\n"
	_, ds := Load(write(t, chartBrief+second))
	if len(ds) != 1 || ds[0].Code != "duplicate-id" || ds[0].Pos.Line != 25 || !strings.Contains(ds[0].Msg, "line 8") {
		t.Errorf("two tables with id sites: %v", ds)
	}
}

// TestStackedBarsOfMixedSigns: a stacked chart's positive values are laid
// up from zero and its negative ones down (manuscript.Stack), and the
// range check reads the same ends as the drawing: 20, -30, 40 reach 60,
// over a max of 50; -40, -40 reach -80, under a min of -50. The check
// summed all the values and passed both.
func TestStackedBarsOfMixedSigns(t *testing.T) {
	series := func(vs ...float64) []Series {
		var out []Series
		for _, v := range vs {
			out = append(out, Series{Name: "s", Values: []float64{v}})
		}
		return out
	}
	for _, c := range []*ChartSpec{
		{Type: "stacked-bar", Min: -100, Max: 50, MaxSet: true, Categories: []string{"a"}, Series: series(20, -30, 40)},
		{Type: "stacked-bar", Min: -50, Categories: []string{"a"}, Series: series(-40, -40)},
	} {
		if _, bad := c.Values(nil); len(bad) != 1 || bad[0].Problem != "range" {
			t.Errorf("min %g max %g %v: bad values %+v, want the last segment out of range", c.Min, c.Max, c.Series, bad)
		}
	}
}

// TestChartOfEmptyCells: a chart drawn from a table with an empty cell in
// its label or value column is refused at the chart; build failed on the
// message "" after a clean check.
func TestChartOfEmptyCells(t *testing.T) {
	body := strings.Replace(chartBrief, `["t.svay", "t.kh", "t.n100"]`, `["", "t.kh", ""]`, 1)
	_, ds := Load(write(t, body))
	if len(ds) != 2 || ds[0].Code != "chart-table" || !strings.Contains(ds[0].Msg, "category label") || !strings.Contains(ds[1].Msg, "value") {
		t.Errorf("chart of empty cells: %v", ds)
	}
}
