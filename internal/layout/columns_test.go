package layout

import (
	"math"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
)

// TestShareWidthKeepsMinimums: when the minimums fit, every column has
// at least its own, however the rest is shared (the widths of a Khmer
// table of nine columns, where settling narrow columns at their
// preferred width left the others short and split "២០១៧" in a header).
func TestShareWidthKeepsMinimums(t *testing.T) {
	minimum := []float64{60.5, 40.8, 39.0, 39.0, 35.1, 59.6, 36.9, 77.9, 77.9}
	preferred := []float64{60.5, 40.8, 39.0, 39.0, 41.4, 121.2, 102.2, 94.8, 298.0}
	total := 471.3
	got := shareWidth(minimum, preferred, total)
	if s := sum(got); math.Abs(s-total) > 1e-6 {
		t.Errorf("widths sum to %.2f, want %.2f", s, total)
	}
	for i := range got {
		if got[i] < minimum[i]-1e-9 || got[i] > math.Max(preferred[i], minimum[i])+1e-9 {
			t.Errorf("column %d: %.2f, want between %.2f and %.2f", i+1, got[i], minimum[i], preferred[i])
		}
	}
}

// TestWordCap: the widest words are cut to one level so that all fit,
// and nothing is cut when they fit already.
func TestWordCap(t *testing.T) {
	if c := wordCap([]float64{10, 20, 30}, 100); !math.IsInf(c, 1) {
		t.Errorf("cap %v for words that fit, want none", c)
	}
	c := wordCap([]float64{10, 20, 80, 90}, 100)
	if got := 10 + 20 + math.Min(80, c) + math.Min(90, c); math.Abs(got-100) > 1e-9 || c != 35 {
		t.Errorf("cap %v sums the words to %v, want 35 and 100", c, got)
	}
}

// TestPhoneNumberColumnHoldsItsNumber: a column of telephone numbers is
// made wide enough for a whole number, its groups tied, beside a column
// of e-mail addresses, which split where addresses break.
func TestPhoneNumberColumnHoldsItsNumber(t *testing.T) {
	e := engine(t)
	cell := func(s string) []manuscript.Span { return []manuscript.Span{{Text: s}} }
	var rows [][][]manuscript.Span
	var ids [][]string
	ids = append(ids, []string{"h1", "h2", "h3", "h4", "h5", "h6"})
	for i := range 3 {
		rows = append(rows, [][]manuscript.Span{cell("Mae Sot"), cell("140"), cell("58%"), cell("230–280"),
			cell("+66 55 123 456"), cell("maesot.legal.clinic@partner-organisation.example.org")})
		ids = append(ids, []string{"a", "b", "c", "d", "e", strings.Repeat("f", i+1)})
	}
	b := manuscript.Block{Kind: manuscript.Table, MsgID: "t",
		Header: [][]manuscript.Span{cell("Province"), cell("2017"), cell("Women (%)"), cell("Wage (THB/day)"), cell("Partner hotline"), cell("Partner e-mail")},
		Rows:   rows, CellIDs: ids}
	out, _, err := e.Layout(doc("en", b))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range out.Pages[0].Runs {
		if strings.HasPrefix(r.Text, "+66") && !strings.Contains(r.Text, "456") {
			t.Errorf("the number is split: a line reads %q", r.Text)
		}
	}
}

// TestNoAddressNoAddressParts: a cell with a slash that is no address
// (km/h) is measured by its words, not cut at its commas as an address
// would be.
func TestNoAddressNoAddressParts(t *testing.T) {
	st := engine(t).setter("en")
	_, plain := st.measure([]manuscript.Span{{Text: "1,250,000 km"}}, cellStyle)
	_, slash := st.measure([]manuscript.Span{{Text: "1,250,000 km/h"}}, cellStyle)
	if slash < plain {
		t.Errorf("1,250,000 km/h measures %.1f pt at its widest, less than 1,250,000 km (%.1f)", slash, plain)
	}
}

// TestWordCapWithFixedColumns: when a fixed-width column leaves the
// others less than an equal share of the page, the cap on the widest word
// is their share, so that the short words of the other columns stay
// whole ("Sit|e" split beside a capped long word).
func TestWordCapWithFixedColumns(t *testing.T) {
	e := engine(t)
	cell := func(s string) []manuscript.Span { return []manuscript.Span{{Text: s}} }
	b := manuscript.Block{Kind: manuscript.Table, MsgID: "t",
		ColumnStyles: []manuscript.ColumnStyle{{Width: 0.575}},
		Header:       [][]manuscript.Span{cell("Notes"), cell("Site"), cell("Hotline"), cell("Long")},
		Rows:         [][][]manuscript.Span{{cell("a few words"), cell("Site"), cell("+66 55 123 456"), cell(strings.Repeat("Supercalifragilistic", 3))}},
		CellIDs:      [][]string{{"h1", "h2", "h3", "h4"}, {"a", "b", "c", "d"}}}
	out, _, err := e.Layout(doc("en", b))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range out.Pages[0].Runs {
		if r.Text == "Sit" || strings.HasPrefix(r.Text, "+66") && !strings.Contains(r.Text, "456") {
			t.Errorf("a short word or the number split: a line reads %q", r.Text)
		}
	}
}
