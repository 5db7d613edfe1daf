package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/text"
)

// chartLabels are site names in each language, the first long enough to
// break in a bar chart's label column.
var chartLabels = map[string][]string{
	"en": {"Thilawa special economic zone in Yangon Region, Myanmar", "Tak SEZ", "Phnom Penh SEZ", "Manhattan SEZ (Svay Rieng)"},
	"km": {"តំបន់សេដ្ឋកិច្ចពិសេសធីឡាវ៉ា ក្នុងតំបន់យ៉ាំងហ្គោន ប្រទេសមីយ៉ាន់ម៉ា", "SEZ តាក់", "SEZ ភ្នំពេញ", "SEZ ម៉ាន់ហាតាន់ (ស្វាយរៀង)"},
	"my": {"မြန်မာနိုင်ငံ ရန်ကုန်တိုင်းဒေသကြီးရှိ သီလဝါ အထူးစီးပွားရေးဇုန်", "တာ့ခ် SEZ", "ဖနွမ်ပင် SEZ", "မန်ဟက်တန် SEZ (စွာယ်ရီယန်)"},
	"th": {"เขตเศรษฐกิจพิเศษติลาวาในภาคย่างกุ้ง ประเทศเมียนมา", "SEZ ตาก", "SEZ พนมเปญ", "SEZ แมนฮัตตัน (สวายเรียง)"},
}

// testChart is a chart of the respondents by site in a language.
func testChart(lang string, horizontal, stacked bool, series int) manuscript.Block {
	c := &manuscript.Chart{Horizontal: horizontal, Stacked: stacked, DataTable: true,
		Axis: manuscript.Axis{Min: 0, Max: 250}}
	step := 50
	if stacked {
		c.Axis.Max, step = 500, 100
	}
	for i := 0; i <= 5; i++ {
		c.Axis.Ticks = append(c.Axis.Ticks, manuscript.Tick{Value: float64(step * i), Label: fmt.Sprint(step * i)})
	}
	for i, l := range chartLabels[lang] {
		c.Categories = append(c.Categories, []manuscript.Span{{Text: text.NFC(l)}})
		c.CategoryIDs = append(c.CategoryIDs, fmt.Sprintf("cat.%d", i))
	}
	for s := 0; s < series; s++ {
		vs := []float64{200, 200, 200, 100}
		cs := manuscript.ChartSeries{Name: []manuscript.Span{{Text: fmt.Sprintf("Series %d", s+1)}}, Values: vs}
		for _, v := range vs {
			cs.Labels = append(cs.Labels, fmt.Sprint(v))
		}
		c.Series = append(c.Series, cs)
		c.SeriesIDs = append(c.SeriesIDs, fmt.Sprintf("series.%d", s))
	}
	c.Alt = "Respondents by site: " + chartLabels[lang][1] + " 200"
	return manuscript.Block{Kind: manuscript.ChartBlock, MsgID: "chart.caption", Chart: c,
		Spans: []manuscript.Span{{Text: "Figure 1. Respondents by site"}}}
}

// drawChart sets a chart's drawing alone, as chart does.
func drawChart(t *testing.T, lang string, b manuscript.Block) (drawing, *setter) {
	t.Helper()
	e := engine(t)
	st := e.setter(lang)
	fig := st.tree.add(pages.RoleFigure, root)
	var d drawing
	if b.Chart.Horizontal {
		d = e.barChart(st, b, fig)
	} else {
		d = e.columnChart(st, b, fig)
	}
	d.legend(st, b, fig)
	return d, st
}

// barRects returns the bars of series s, in category order.
func barRects(d drawing, s int) []pages.Rect {
	var out []pages.Rect
	for _, r := range d.rects {
		if r.Fill == seriesColor(s) && r.W > swatch+0.5 || r.Fill == seriesColor(s) && r.H > swatch+0.5 {
			out = append(out, r)
		}
	}
	return out
}

// TestChartBarsAreProportional checks that bar lengths (and column
// heights, and stacked segments) are proportional to the values, on the
// axis from Min to Max.
func TestChartBarsAreProportional(t *testing.T) {
	for _, k := range []struct {
		horizontal, stacked bool
		series              int
	}{{true, false, 1}, {true, false, 2}, {false, false, 1}, {false, false, 2}, {true, true, 2}, {false, true, 2}} {
		b := testChart("en", k.horizontal, k.stacked, k.series)
		d, _ := drawChart(t, "en", b)
		for s := 0; s < k.series; s++ {
			bars := barRects(d, s)
			if len(bars) != 4 {
				t.Fatalf("%+v: series %d has %d bars, want 4", k, s, len(bars))
			}
			length := func(r pages.Rect) float64 {
				if k.horizontal {
					return r.W
				}
				return r.H
			}
			gap := 0.0
			if k.stacked && s > 0 {
				gap = 0.8 // paper between segments
			}
			unit := (length(bars[0]) + gap) / 200
			for i, v := range b.Chart.Series[s].Values {
				if got := length(bars[i]) + gap; math.Abs(got-v*unit) > 0.01 {
					t.Errorf("%+v: series %d bar %d is %.2f long, want %.2f (value %g)", k, s, i, got, v*unit, v)
				}
			}
		}
	}
}

// inkBox is a placed line's ink, relative to the drawing.
type inkBox struct{ x0, x1, y0, y1 float64 }

func (a inkBox) overlaps(b inkBox) bool {
	return a.x0 < b.x1-0.01 && b.x0 < a.x1-0.01 && a.y0 < b.y1-0.01 && b.y0 < a.y1-0.01
}

// TestChartLabelsStayInsideAndApart checks, in every script, for bar
// and column charts, plain and stacked, that every label and shape lies
// within the text frame and the chart's height, that no
// two labels' ink overlaps, and that a long category label is broken over
// lines rather than overflowing.
func TestChartLabelsStayInsideAndApart(t *testing.T) {
	for lang := range chartLabels {
		for _, kind := range [][2]bool{{true, false}, {false, false}, {true, true}, {false, true}} {
			horizontal := kind[0]
			d, _ := drawChart(t, lang, testChart(lang, horizontal, kind[1], 2))
			for _, r := range d.rects {
				if r.X < marginX-0.01 || r.X+r.W > marginX+A4.measure()+0.01 || r.Y < -2.01 || r.Y+r.H > d.height+0.01 {
					t.Errorf("%s horizontal=%v: shape %+v leaves the chart's frame", lang, horizontal, r)
				}
			}
			var boxes []inkBox
			for _, l := range d.labels {
				if l.from < marginX-0.01 || l.to > marginX+A4.measure()+0.01 {
					t.Errorf("%s horizontal=%v: label %q spans %.1f..%.1f, outside the frame", lang, horizontal, lineText(l.ln), l.from, l.to)
				}
				if l.y-l.ln.ascent < -0.01 || l.y+l.ln.descent > d.height+0.01 {
					t.Errorf("%s horizontal=%v: label %q leaves the chart's height %.1f (ink %.1f..%.1f)", lang, horizontal, lineText(l.ln), d.height, l.y-l.ln.ascent, l.y+l.ln.descent)
				}
				boxes = append(boxes, inkBox{l.from, l.to, l.y - l.ln.ascent, l.y + l.ln.descent})
			}
			for i := range boxes {
				for j := i + 1; j < len(boxes); j++ {
					if boxes[i].overlaps(boxes[j]) {
						t.Errorf("%s horizontal=%v: labels %q and %q overlap", lang, horizontal, lineText(d.labels[i].ln), lineText(d.labels[j].ln))
					}
				}
			}
			if n := linesOf(d, chartLabels[lang][0]); n < 2 {
				t.Errorf("%s horizontal=%v: the long label is set on %d line(s), want it broken", lang, horizontal, n)
			}
		}
	}
}

func lineText(ln line) string { return ln.text() }

// linesOf counts the lines a label is set on: those whose text is part
// of it.
func linesOf(d drawing, label string) int {
	n := 0
	for _, l := range d.labels {
		if s := strings.TrimSpace(lineText(l.ln)); s != "" && strings.Contains(text.NFC(label), s) && s != text.NFC(label) {
			n++
		}
	}
	return n
}

// TestTallChartIsAnError checks that a chart taller than a page is
// reported with its position, rather than drawn past the bottom margin.
func TestTallChartIsAnError(t *testing.T) {
	b := testChart("en", true, false, 1)
	c := b.Chart
	for len(c.Categories) < 60 {
		c.Categories = append(c.Categories, c.Categories[1])
		c.CategoryIDs = append(c.CategoryIDs, "cat.more")
		c.Series[0].Values = append(c.Series[0].Values, 10)
		c.Series[0].Labels = append(c.Series[0].Labels, "10")
	}
	b.Pos.File, b.Pos.Line, b.Pos.Col = "brief.toml", 9, 1
	_, ds, err := engine(t).Layout(doc("en", b))
	if err == nil || len(ds) == 0 || ds[len(ds)-1].Code != "chart-height" || ds[len(ds)-1].Pos.Line != 9 || ds[len(ds)-1].Hint == "" {
		t.Errorf("tall chart: err %v, diagnostics %v", err, ds)
	}
}

// TestMismatchedChartIsAnError checks that a chart whose series do not
// match its categories is refused, not drawn or panicked over.
func TestMismatchedChartIsAnError(t *testing.T) {
	b := testChart("en", false, false, 2)
	b.Chart.Series[1].Values = b.Chart.Series[1].Values[:2]
	if _, _, err := engine(t).Layout(doc("en", b)); err == nil {
		t.Error("a series of 2 values for 4 categories was laid out")
	}
	b = testChart("en", true, false, 1)
	b.Chart.Axis.Max = b.Chart.Axis.Min
	if _, _, err := engine(t).Layout(doc("en", b)); err == nil {
		t.Error("an empty axis was laid out")
	}
}

// TestCrowdedChartLabelsStayApart sets a column chart of twelve
// categories, three series and twenty gridlines: value labels that
// would touch are left out, and every other axis number.
func TestCrowdedChartLabelsStayApart(t *testing.T) {
	b := testChart("km", false, false, 3)
	c := b.Chart
	for len(c.Categories) < 12 {
		c.Categories = append(c.Categories, c.Categories[len(c.Categories)%4])
		c.CategoryIDs = append(c.CategoryIDs, "cat.more")
		for s := range c.Series {
			c.Series[s].Values = append(c.Series[s].Values, 12345)
			c.Series[s].Labels = append(c.Series[s].Labels, "12345")
		}
	}
	c.Axis = manuscript.Axis{Min: 0, Max: 20000}
	for v := 0; v <= 20000; v += 1000 {
		c.Axis.Ticks = append(c.Axis.Ticks, manuscript.Tick{Value: float64(v), Label: fmt.Sprint(v)})
	}
	d, _ := drawChart(t, "km", b)
	for i, a := range d.labels {
		for _, o := range d.labels[i+1:] {
			ab := inkBox{a.from, a.to, a.y - a.ln.ascent, a.y + a.ln.descent}
			ob := inkBox{o.from, o.to, o.y - o.ln.ascent, o.y + o.ln.descent}
			if ab.overlaps(ob) {
				t.Errorf("labels %q and %q overlap", lineText(a.ln), lineText(o.ln))
			}
		}
	}
}

// TestBarsGrowFromZero: on an axis that holds zero a bar starts there,
// a negative one running the other way, and stacked negatives go below
// it; on an axis above zero bars start at its Min, as before. A -50 bar
// on an axis from -100 used to run from -100, as long as +50.
func TestBarsGrowFromZero(t *testing.T) {
	series := func(vs ...float64) manuscript.ChartSeries { return manuscript.ChartSeries{Values: vs} }
	for _, tc := range []struct {
		name     string
		c        manuscript.Chart
		from, to []float64
	}{
		{"bar", manuscript.Chart{Axis: manuscript.Axis{Min: -100, Max: 100}, Series: []manuscript.ChartSeries{series(-50), series(30)}},
			[]float64{0, 0}, []float64{-50, 30}},
		{"stacked", manuscript.Chart{Stacked: true, Axis: manuscript.Axis{Min: -100, Max: 100},
			Series: []manuscript.ChartSeries{series(20), series(-30), series(40), series(-10)}},
			[]float64{0, 0, 20, -30}, []float64{20, -30, 60, -40}},
		{"above zero", manuscript.Chart{Axis: manuscript.Axis{Min: 50, Max: 100}, Series: []manuscript.ChartSeries{series(80)}},
			[]float64{50}, []float64{80}},
	} {
		from, to := segments(&tc.c, 0)
		if !slices.Equal(from, tc.from) || !slices.Equal(to, tc.to) {
			t.Errorf("%s: from %v to %v, want from %v to %v", tc.name, from, to, tc.from, tc.to)
		}
	}
}

// TestColumnValuesClearTheGridlines: a value over its column that a
// gridline would cross (a column just under the 250 line) is knocked out
// of it, paper under the figures; one no line crosses is not.
func TestColumnValuesClearTheGridlines(t *testing.T) {
	b := testChart("en", false, false, 1)
	b.Chart.Series[0].Values = []float64{245, 120, 200, 100}
	b.Chart.Series[0].Labels = []string{"245", "120", "200", "100"}
	d, _ := drawChart(t, "en", b)
	var halos []pages.Rect
	for _, r := range d.rects {
		if r.Fill == &paper {
			halos = append(halos, r)
		}
	}
	var label placedLine
	for _, l := range d.labels {
		if lineText(l.ln) == "245" {
			label = l
		}
	}
	if len(halos) != 1 || label.ln.width == 0 {
		t.Fatalf("%d knock-outs, want 1, under the label 245 (found: %v)", len(halos), label.ln.width > 0)
	}
	h := halos[0]
	if h.X > label.from || h.X+h.W < label.to || h.Y > label.y-1 || h.Y+h.H < label.y {
		t.Errorf("knock-out %+v does not cover the label %q at %.1f..%.1f, baseline %.1f", h, "245", label.from, label.to, label.y)
	}
}
