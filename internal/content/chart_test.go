package content

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
	"github.com/mekong-briefs/briefs/internal/text"
)

func fixtureSamples(t *testing.T) (*source.Brief, *catalog.Catalog) {
	t.Helper()
	root := testkit.Samples(t)
	br, ds := source.Load(filepath.Join(root, "briefs", "jobs-in-sezs", "brief.toml"))
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	if ds = append(ds, cds...); ds.HasErrors() || br == nil {
		t.Fatal(ds)
	}
	return br, cat
}

func sampleChart(t *testing.T, br *source.Brief, cat *catalog.Catalog, country, lang string) *manuscript.Chart {
	t.Helper()
	doc, err := Evaluate(br, cat, country, lang)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Chart != nil {
			return b.Chart
		}
	}
	t.Fatalf("%s.%s: no chart", country, lang)
	return nil
}

// TestSampleChartIsEvaluated checks the sample chart in English and in
// the Cambodia edition's Khmer, which prints native digits: the values
// come from the table's English cells, the labels are translated, the
// axis and values are in the edition's digits, and the alternate text
// reads the data.
func TestSampleChartIsEvaluated(t *testing.T) {
	br, cat := fixtureSamples(t)
	en := sampleChart(t, br, cat, "region", "en")
	if len(en.Categories) != 4 || strings.Join(en.Series[0].Labels, " ") != "200 200 200 100" {
		t.Errorf("en chart: %d categories, values %v", len(en.Categories), en.Series[0].Labels)
	}
	if n := len(en.Axis.Ticks); n != 6 || en.Axis.Ticks[n-1].Label != "250" {
		t.Errorf("en axis ticks %+v, want 0..250 by 50", en.Axis.Ticks)
	}
	wantAlt := "Figure 1. Questionnaire respondents by site. Respondents: Thilawa SEZ (Yangon Region) 200, Tak SEZ 200, Phnom Penh SEZ 200, Manhattan SEZ (Svay Rieng) 100"
	if en.Alt != wantAlt {
		t.Errorf("en alt:\n%s\nwant\n%s", en.Alt, wantAlt)
	}
	km := sampleChart(t, br, cat, "kh", "km")
	if got := strings.Join(km.Series[0].Labels, " "); got != "២០០ ២០០ ២០០ ១០០" {
		t.Errorf("km values %q, want Khmer digits", got)
	}
	site, _ := cat.Lookup("jobs-in-sezs", "km", "table.tak")
	if text.Plain(km.Categories[1]) != text.NFC(site.Other()) || !strings.Contains(km.Alt, text.NFC(site.Other())+" ២០០") || !strings.Contains(km.Alt, "។ ") || !strings.Contains(km.Alt, "៖ ") {
		t.Errorf("km labels %q, alt %q", text.Plain(km.Categories[1]), km.Alt)
	}
	if region := sampleChart(t, br, cat, "region", "km"); region.Series[0].Labels[0] != "200" {
		t.Errorf("region km value %q: the region edition prints ASCII digits", region.Series[0].Labels[0])
	}
}

// TestChartFormats checks percent and decimal values in native digits
// with the language's decimal separator, and an axis chosen from the
// data when no max is given.
func TestChartFormats(t *testing.T) {
	br, cat := fixtureSamples(t)
	loc, err := cat.Localizer(br.ID, "km")
	if err != nil {
		t.Fatal(err)
	}
	loc.NativeDigits = true
	ev := &evaluator{br: br, loc: loc, cat: cat}
	for _, tc := range []struct {
		format   string
		decimals int
		v        float64
		want     string
	}{{"integer", 0, 199.6, "២០០"}, {"percent", 0, 40, "៤០%"}, {"decimal", 1, 12.25, "១២,២"}, {"percent", 1, 7.5, "៧,៥%"},
		// A value that rounds to zero has no sign: "-0" reads as a negative.
		{"integer", 0, -0.4, "០"}, {"decimal", 1, -0.04, "០,០"}, {"percent", 0, -0.2, "០%"},
		{"integer", 0, -0.6, "\u2212១"}, {"integer", 0, 1363, "១.៣៦៣"}, {"decimal", 1, -12345.25, "\u2212១២.៣៤៥,២"},
		{"integer", 0, 8000000, "៨.០០០.០០០"}, {"integer", 0, 999, "៩៩៩"}} {
		spec := &source.ChartSpec{Format: tc.format, Decimals: tc.decimals}
		if got := ev.formatValue(spec, tc.v); got != tc.want {
			t.Errorf("%s %g: %q, want %q", tc.format, tc.v, got, tc.want)
		}
	}
	spec := &source.ChartSpec{Type: "stacked-column", Format: "integer"}
	ax := ev.axis(spec, [][]float64{{120, 80}, {95, 10}})
	if ax.Min != 0 || ax.Max != 250 || len(ax.Ticks) != 6 {
		t.Errorf("axis for stacked ends 215 and 90: %g..%g, %d ticks; want 0..250 by 50", ax.Min, ax.Max, len(ax.Ticks))
	}
}

// TestChartFormatsGroupThousands: English groups with a comma and keeps
// the full stop for decimals, in ASCII digits; negatives take the minus
// sign, as the table beside the chart would print them.
func TestChartFormatsGroupThousands(t *testing.T) {
	br, cat := fixtureSamples(t)
	loc, err := cat.Localizer(br.ID, "en")
	if err != nil {
		t.Fatal(err)
	}
	ev := &evaluator{br: br, loc: loc, cat: cat}
	for _, tc := range []struct {
		format string
		v      float64
		want   string
	}{{"integer", 1363, "1,363"}, {"integer", 8000000, "8,000,000"}, {"decimal", 1234.5, "1,234.5"},
		{"integer", -15, "\u221215"}, {"percent", 12, "12%"}, {"integer", 100, "100"}} {
		spec := &source.ChartSpec{Format: tc.format}
		if tc.format == "decimal" {
			spec.Decimals = 1
		}
		if got := ev.formatValue(spec, tc.v); got != tc.want {
			t.Errorf("%s %g: %q, want %q", tc.format, tc.v, got, tc.want)
		}
	}
}

// TestEditionDigitsEverywhere: in an edition that prints Khmer digits,
// the numbers of a table's cells, the chart drawn from it and the running
// text are in Khmer digits, a cell of words too (the total row's "3
// ប្រទេស" beside ៧០០); the region edition's Khmer keeps the Latin digits
// of the same translation, and a link's address keeps its own.
func TestEditionDigitsEverywhere(t *testing.T) {
	br, cat := fixtureSamples(t)
	texts := func(edition string) (cells []string, prose string, links []string) {
		doc, ds := Evaluate(br, cat, edition, "km")
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		for _, b := range doc.Blocks {
			for _, row := range b.Rows {
				for _, c := range row {
					cells = append(cells, text.Plain(c))
				}
			}
			prose += text.Plain(b.Spans) + "\n"
			for _, sp := range b.Spans {
				if sp.Link != "" {
					links = append(links, sp.Link)
				}
			}
		}
		return cells, prose, links
	}
	kh, khProse, khLinks := texts("kh")
	region, regionProse, regionLinks := texts("region")
	if !slices.Contains(kh, "២០០") || !slices.Contains(kh, "៧០០") || !slices.Contains(kh, "៣ ប្រទេស") || slices.Contains(kh, "200") {
		t.Errorf("kh km cells %q, want ២០០, ៧០០ (the total, in bold) and ៣ ប្រទេស", kh)
	}
	if !slices.Contains(region, "200") || !slices.Contains(region, "3 ប្រទេស") || slices.Contains(region, "២០០") {
		t.Errorf("region km cells %q, want 200 and 3 ប្រទេស", region)
	}
	if !strings.Contains(khProse, "ឆ្នាំ២០១៦") || strings.Contains(khProse, "2016") || !strings.Contains(regionProse, "ឆ្នាំ2016") {
		t.Errorf("the running text's years: kh %q, region %q; want ២០១៦ in kh alone", clip(khProse), clip(regionProse))
	}
	if len(khLinks) == 0 || !slices.Equal(khLinks, regionLinks) {
		t.Errorf("links kh %q, region %q; want the same addresses", khLinks, regionLinks)
	}
}

// TestChartLabelsTakeTheCellsDigits: a category that is a number alone (a
// year) prints in the edition's digits in the chart as in the table it
// comes from.
func TestChartLabelsTakeTheCellsDigits(t *testing.T) {
	br, cat := fixtureSamples(t)
	km, _ := cat.File("jobs-in-sezs", "km")
	m := km.Message("table.thilawa")
	if m == nil {
		t.Fatal("no table.thilawa in the Khmer catalogue")
	}
	m.Forms = map[string]string{"other": "2020"}
	c := sampleChart(t, br, cat, "kh", "km")
	if got := text.Plain(c.Categories[0]); got != "២០២០" {
		t.Errorf("the first category %q, want ២០២០ as the table prints it", got)
	}
}
