package manuscript

// ChartBlock is a chart drawn from data. Its block's Spans are the
// caption; the chart itself is in Block.Chart.
const ChartBlock Kind = "chart"

// Chart is an evaluated chart: every label rendered in the edition's
// language, every number formatted in its digits, the axis chosen.
type Chart struct {
	Horizontal bool // bars run left to right; otherwise columns rise
	Stacked    bool // the series of a category are drawn end to end
	Categories [][]Span
	Series     []ChartSeries
	Axis       Axis
	Note       []Span // a note on the source, under the chart
	Alt        string // the figure's alternate text
	// DataTable sets the numbers as a table under the chart.
	DataTable bool
	// CategoryIDs and SeriesIDs name the messages, for diagnostics.
	CategoryIDs, SeriesIDs []string
}

// ChartSeries is one series: its name, its values and the values as
// printed.
type ChartSeries struct {
	Name   []Span
	Values []float64
	Labels []string // formatted, e.g. "200", "៥០%"
}

// Axis is the value axis: its range and the gridlines, with their
// labels.
type Axis struct {
	Min, Max float64
	Ticks    []Tick
}

// Tick is one gridline.
type Tick struct {
	Value float64
	Label string
}
