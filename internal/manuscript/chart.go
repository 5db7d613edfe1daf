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
	// CategoryName heads the categories' column of the data table: the
	// header of the table the data comes from (nil for inline data).
	CategoryName []Span
	// CategoryIDs and SeriesIDs name the messages, for diagnostics;
	// CategoryNameID CategoryName's.
	CategoryIDs, SeriesIDs []string
	CategoryNameID         string
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

// Stack returns where each series' bar starts and ends in one category,
// as values, before the axis clips them: a bar runs from zero to its
// value; stacked, the positive values are laid end to end up from zero
// and the negative ones down from it, so a category's bar shows its
// total either way. It is the one reckoning of a bar's ends: the source
// checks them against the axis, evaluation chooses the axis from them and
// layout draws them.
func Stack(stacked bool, values []float64) (from, to []float64) {
	up, down := 0.0, 0.0
	for _, v := range values {
		switch {
		case !stacked:
			from, to = append(from, 0), append(to, v)
		case v >= 0:
			from, to = append(from, up), append(to, up+v)
			up += v
		default:
			from, to = append(from, down), append(to, down+v)
			down += v
		}
	}
	return from, to
}
