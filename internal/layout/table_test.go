package layout

import (
	"fmt"
	"math"
	"testing"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/text"
)

func cell(s string) []manuscript.Span { return []manuscript.Span{{Text: text.NFC(s)}} }

// longTable is a table of n provinces, each with a number and a long
// description, in the given language's digits.
func longTable(code string, n int) manuscript.Block {
	b := manuscript.Block{Kind: manuscript.Table, MsgID: "t",
		Header: [][]manuscript.Span{cell("Province"), cell("Respondents"), cell("What the workers said")}}
	for i := 1; i <= n; i++ {
		num := fmt.Sprint(i * 37 % 1000)
		if code != "en" {
			num = lang.NativeDigits(code, num)
		}
		b.Rows = append(b.Rows, [][]manuscript.Span{cell(fmt.Sprintf("Province %d", i)), cell(num), cell(sampleText["en"][:40+i%60])})
	}
	return b
}

// TestLongTableRepeatsItsHeader sets a table that runs over several
// pages: every page it continues to starts with its header row, as an
// artifact, while the structure holds the header once.
func TestLongTableRepeatsItsHeader(t *testing.T) {
	out, _, err := engine(t).Layout(doc("en", para(sampleText["en"]), longTable("en", 70)))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Pages) < 3 {
		t.Fatalf("%d pages, want the table to run over several", len(out.Pages))
	}
	for pi, pg := range out.Pages {
		first := ""
		for _, r := range pg.Runs {
			if r.Role == pages.RoleTableHead || r.Role == pages.RoleTableCell || (r.Node == pages.Artifact && r.Text == "Province") {
				first = r.Text
				if pi > 0 && r.Node != pages.Artifact {
					t.Errorf("page %d: table starts with %q, not with the repeated header artifact", pi+1, r.Text)
				}
				break
			}
		}
		if first != "Province" {
			t.Errorf("page %d: table starts with %q, want the header row", pi+1, first)
		}
	}
	for n := 13; n <= 40; n++ { // wherever the break falls, no page gets fewer than three rows
		out, _, err := engine(t).Layout(doc("en", para(sampleText["en"]), longTable("en", n)))
		if err != nil {
			t.Fatal(err)
		}
		for pi, pg := range out.Pages {
			cells := map[pages.NodeID]bool{}
			for _, r := range pg.Runs {
				if r.Role == pages.RoleTableCell {
					cells[r.Node] = true
				}
			}
			if rows := len(cells) / 3; len(cells) > 0 && rows < minRowsApart {
				t.Errorf("%d rows: page %d holds %d body rows of the table", n, pi+1, rows)
			}
		}
	}
	heads := 0
	for _, n := range out.Structure {
		if n.Role == pages.RoleTableHead {
			heads++
		}
	}
	if heads != 3 {
		t.Errorf("structure has %d header cells, want 3 (the header row once)", heads)
	}
}

// TestDigitCellsShareARightEdge checks that the cells of a numeric
// column, in ASCII and in Khmer, Thai and Burmese digits, end at the
// same x, and that the text column is not flush right.
func TestDigitCellsShareARightEdge(t *testing.T) {
	for _, lang := range []string{"en", "km", "th", "my"} {
		out, _, err := engine(t).Layout(doc(lang, longTable(lang, 8)))
		if err != nil {
			t.Fatal(err)
		}
		col := cellColumns(out, 3)
		rights := map[int]float64{} // column -> right edge seen
		cols := map[int]bool{}      // columns whose cells' right edges differ
		for _, r := range out.Pages[0].Runs {
			if r.Role != pages.RoleTableCell {
				continue
			}
			c := col[r.Node]
			right := r.X + runWidth(r)
			if e, ok := rights[c]; ok && math.Abs(e-right) > 0.01 {
				cols[c] = true
			}
			rights[c] = right
		}
		if cols[1] {
			t.Errorf("%s: the digits column is not flush right", lang)
		}
		if !cols[2] {
			t.Errorf("%s: the description column is flush right, want flush left", lang)
		}
	}
}

// cellColumns numbers the body cells of a table of n columns by column:
// cells are structure nodes in reading order, row by row.
func cellColumns(d *pages.Document, n int) map[pages.NodeID]int {
	out := map[pages.NodeID]int{}
	k := 0
	for i, nd := range d.Structure {
		if nd.Role == pages.RoleTableCell {
			out[pages.NodeID(i+1)] = k % n
			k++
		}
	}
	return out
}

// TestShortCellsDoNotWrap sets tables with one long column in every
// language: no cell of up to 12 characters may be broken over two lines
// when the long column has room to give.
func TestShortCellsDoNotWrap(t *testing.T) {
	for lang, s := range sampleText {
		b := manuscript.Block{Kind: manuscript.Table, MsgID: "t",
			Header: [][]manuscript.Span{cell("Province"), cell("Description"), cell("Respondents")}}
		for i := 8; i <= 12; i++ {
			b.Rows = append(b.Rows, [][]manuscript.Span{cell(fmt.Sprintf("Province %d", i)), cell(s), cell("200")})
		}
		out, _, err := engine(t).Layout(doc(lang, b))
		if err != nil {
			t.Fatal(err)
		}
		lines := map[pages.NodeID]map[float64]bool{}
		for _, r := range out.Pages[0].Runs {
			if r.Node == pages.Artifact {
				continue
			}
			if lines[r.Node] == nil {
				lines[r.Node] = map[float64]bool{}
			}
			lines[r.Node][r.Y] = true
		}
		for _, row := range append([][][]manuscript.Span{b.Header}, b.Rows...) {
			for _, c := range row {
				if utf8.RuneCountInString(text.Plain(c)) > shortCell {
					continue
				}
				for node, ys := range lines {
					if len(ys) > 1 && cellText(out, node) == text.Plain(c) {
						t.Errorf("%s: short cell %q set on %d lines", lang, text.Plain(c), len(ys))
					}
				}
			}
		}
	}
}

// cellText is the text of a node's runs on the first page.
func cellText(d *pages.Document, node pages.NodeID) string {
	s := ""
	for _, r := range d.Pages[0].Runs {
		if r.Node == node {
			s += r.Text
		}
	}
	return s
}

// TestColumnStyles sets a table whose brief gives its first column half
// the measure and sets the numbers centred and the descriptions flush
// right: the columns start where those widths put them, and every cell
// of a column shares its middle or its right edge.
func TestColumnStyles(t *testing.T) {
	tb := longTable("en", 6)
	tb.ColumnStyles = []manuscript.ColumnStyle{{Width: 0.5}, {Align: "center"}, {Align: "right"}}
	out, _, err := engine(t).Layout(doc("en", tb))
	if err != nil {
		t.Fatal(err)
	}
	starts := map[int]float64{} // column -> the left edge of its header cell
	mids, rights := map[float64]bool{}, map[float64]bool{}
	for _, r := range out.Pages[0].Runs {
		if r.Role != pages.RoleTableHead && r.Role != pages.RoleTableCell {
			continue
		}
		right := r.X + runWidth(r)
		switch {
		case r.Text == "Province" && r.Role == pages.RoleTableHead:
			starts[0] = r.X
		case r.Text == "Respondents":
			starts[1] = r.X
		case r.Role == pages.RoleTableCell && utf8.RuneCountInString(r.Text) <= 3:
			mids[math.Round((r.X+right)/2)] = true
		case r.Role == pages.RoleTableCell && r.X > marginX+A4.measure()/2+60:
			rights[math.Round(right)] = true
		}
	}
	if got, want := starts[1]-starts[0], 0.5*A4.measure(); math.Abs(got-want) > 0.5 && starts[1] > 0 {
		t.Errorf("first column %.1f wide, want %.1f", got, want)
	}
	if starts[1] < marginX+0.5*A4.measure() {
		t.Errorf("second column starts at %.1f, want at %.1f or after", starts[1], marginX+0.5*A4.measure())
	}
	if len(mids) != 1 {
		t.Errorf("number cells centred on %v, want one middle", mids)
	}
	if len(rights) != 1 {
		t.Errorf("description lines end at %v, want one right edge", rights)
	}
}
