package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/text"
)

// TestChartIsATaggedFigureWithItsData checks the structure of a chart:
// one Figure with the chart's alternate text, holding every label of
// the drawing; a Caption after it, beside it at the top (inside, the
// Figure's Alt would hide it from screen readers); then the data table, as Table, TR, TH and
// TD, with a row per category and the values as cells.
func TestChartIsATaggedFigureWithItsData(t *testing.T) {
	b := testChart("km", true, false, 1)
	out, _, err := engine(t).Layout(doc("km", b))
	if err != nil {
		t.Fatal(err)
	}
	var fig pages.NodeID
	for i, n := range out.Structure {
		if n.Role == pages.RoleFigure {
			fig = pages.NodeID(i + 1)
			if n.Alt != b.Chart.Alt || n.Parent != root {
				t.Errorf("figure node %+v, want Alt %q at the top", n, b.Chart.Alt)
			}
		}
	}
	if fig == 0 {
		t.Fatal("no Figure node")
	}
	var figText []string
	for _, pg := range out.Pages {
		for _, r := range pg.Runs {
			if r.Node == fig {
				figText = append(figText, r.Text)
			}
		}
	}
	joined := strings.Join(figText, "")
	for _, want := range append(slices.Clone(chartLabels["km"][1:]), "200", "100", "250", "Series 1") {
		if !strings.Contains(joined, text.NFC(want)) {
			t.Errorf("the Figure's runs lack %q; they hold %q", want, joined)
		}
	}
	roles := map[pages.Role]int{}
	for i, n := range out.Structure {
		roles[n.Role]++
		if n.Role == pages.RoleCaption && (n.Parent != root || pages.NodeID(i+1) < fig) {
			t.Errorf("caption is node %d under node %d, not after the figure (node %d) at the top", i+1, n.Parent, fig)
		}
	}
	if roles[pages.RoleCaption] != 1 || roles[pages.RoleTable] != 1 || roles[pages.RoleRow] != 5 ||
		roles[pages.RoleTableHead] != 2 || roles[pages.RoleTableCell] != 8 {
		t.Errorf("structure roles %v, want a caption and a 5-row table of 2 header and 8 body cells", roles)
	}
	if !hasCellText(out, "100") {
		t.Error("the data table has no cell 100")
	}
}

// TestChartCaptionAndNoteAreTwoParagraphs: a caption with a source note
// reads as two paragraphs of one Caption, not as one run-together text;
// without a note the Caption holds its text itself.
func TestChartCaptionAndNoteAreTwoParagraphs(t *testing.T) {
	for _, note := range []bool{false, true} {
		b := testChart("en", false, false, 1)
		b.Chart.DataTable = false
		if note {
			b.Chart.Note = []manuscript.Span{{Text: "Source: MMN survey."}}
		}
		out, _, err := engine(t).Layout(doc("en", b))
		if err != nil {
			t.Fatal(err)
		}
		var caption pages.NodeID
		for i, n := range out.Structure {
			if n.Role == pages.RoleCaption {
				caption = pages.NodeID(i + 1)
			}
		}
		text := map[pages.NodeID]string{}
		for _, r := range out.Pages[0].Runs {
			if r.Role == pages.RoleCaption {
				text[r.Node] += r.Text
			}
		}
		var got []string
		for i, n := range out.Structure {
			if id := pages.NodeID(i + 1); n.Parent == caption && n.Role == pages.RoleParagraph || id == caption && text[id] != "" {
				got = append(got, text[id])
			}
		}
		want := []string{"Figure 1. Respondents by site"}
		if note {
			want = append(want, "Source: MMN survey.")
		}
		if !slices.Equal(got, want) {
			t.Errorf("note %v: the Caption reads %q, want %q", note, got, want)
		}
	}
}

func hasCellText(d *pages.Document, s string) bool {
	for _, pg := range d.Pages {
		for _, r := range pg.Runs {
			if r.Role == pages.RoleTableCell && strings.TrimSpace(r.Text) == s {
				return true
			}
		}
	}
	return false
}

// TestChartLabelsAreShapedLikeBodyText sets each Khmer, Burmese and Thai
// site name as a chart label and as a paragraph: the glyphs must be the
// same (the one pipeline shapes both), none may be .notdef or a dotted
// circle, and the shaper must have reordered or combined something (a
// Khmer subscript, a Burmese medial, a Thai mark), so fewer glyphs than
// characters or glyphs with offsets come out.
func TestChartLabelsAreShapedLikeBodyText(t *testing.T) {
	e := engine(t)
	e.LooplessThai = true // chart labels are set in the faces of body text
	for _, lang := range []string{"km", "my", "th"} {
		label := text.NFC(chartLabels[lang][3])
		b := testChart(lang, true, false, 1)
		out, ds, err := e.Layout(doc(lang, b, para(label)))
		if err != nil || ds.HasErrors() {
			t.Fatalf("%s: %v %v", lang, err, ds)
		}
		chart, body := runGlyphs(out, pages.RoleFigure), runGlyphs(out, pages.RoleParagraph)
		matched := 0
		for txt, ids := range chart {
			if want, ok := body[txt]; ok && strings.Contains(label, txt) && !isLatin(txt) {
				matched++
				if !slices.Equal(ids, want) {
					t.Errorf("%s: chart label %q has glyphs %v, body text %v", lang, txt, ids, want)
				}
			}
			if slices.Contains(ids, 0) {
				t.Errorf("%s: chart label %q has .notdef glyphs", lang, txt)
			}
		}
		if matched == 0 {
			t.Errorf("%s: no run of %q found both in the chart and in the paragraph", lang, label)
		}
		if !shaped(out, label) {
			t.Errorf("%s: chart label %q shows no shaping", lang, label)
		}
	}
}

// runGlyphs maps the trimmed text of each run of a role to its glyph
// IDs, trailing space glyphs left out.
func runGlyphs(d *pages.Document, role pages.Role) map[string][]uint16 {
	out := map[string][]uint16{}
	for _, pg := range d.Pages {
		for _, r := range pg.Runs {
			txt := strings.TrimSpace(r.Text)
			if r.Role != role || txt == "" {
				continue
			}
			var ids []uint16
			for _, g := range r.Glyphs {
				if g.Cluster < len(txt) {
					ids = append(ids, g.ID)
				}
			}
			out[txt] = ids
		}
	}
	return out
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x24F {
			return false
		}
	}
	return true
}

// shaped reports whether some chart run of the label has fewer glyphs
// than characters, or a glyph with an offset.
func shaped(d *pages.Document, label string) bool {
	for _, pg := range d.Pages {
		for _, r := range pg.Runs {
			if r.Role != pages.RoleFigure || !strings.Contains(label, r.Text) {
				continue
			}
			if len(r.Glyphs) != len([]rune(r.Text)) {
				return true
			}
			for _, g := range r.Glyphs {
				if g.XOffset != 0 || g.YOffset != 0 {
					return true
				}
			}
		}
	}
	return false
}

// TestChartDataTableNamesItsCategories: the data table of a chart drawn
// from a table heads its categories' column with the table's header, not
// an empty cell.
func TestChartDataTableNamesItsCategories(t *testing.T) {
	b := testChart("en", true, false, 1)
	b.Chart.CategoryName = []manuscript.Span{{Text: "Site"}}
	out, _, err := engine(t).Layout(doc("en", b))
	if err != nil {
		t.Fatal(err)
	}
	for _, pg := range out.Pages {
		for _, r := range pg.Runs {
			if r.Role == pages.RoleTableHead && strings.TrimSpace(r.Text) == "Site" {
				return
			}
		}
	}
	t.Error("no header cell Site in the data table")
}
