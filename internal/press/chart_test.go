package press

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
	"github.com/mekong-briefs/briefs/internal/text"
)

// TestChartLabelsExtract builds the sample brief's chart in every
// edition and language, and checks with pdftotext that the PDF gives back
// every label the chart draws: categories, values, axis numbers, the
// legend and the caption; and that an edition printing native digits
// prints them on the axis.
func TestChartLabelsExtract(t *testing.T) {
	pdftotext := testkit.Tool(t, "pdftotext", "poppler-utils")
	root := testkit.Samples(t)
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	if cds.HasErrors() {
		t.Fatal(cds)
	}
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	eng := NewEngine(set, linebreak.New(), false)
	charts := 0
	for _, br := range briefs {
		for _, ed := range br.Editions {
			for _, l := range ed.Languages {
				doc, eds := content.Evaluate(br, cat, ed.Country, l)
				if eds != nil {
					t.Fatal(eds)
				}
				c, caption := findChart(doc)
				if c == nil {
					continue
				}
				charts++
				got := extract(t, pdftotext, eng, doc)
				// The same labels appear in the table above the chart:
				// the chart must add one more of each.
				without := extract(t, pdftotext, eng, withoutCharts(doc))
				for _, want := range chartTexts(c, caption) {
					w := squeeze(want)
					if strings.Count(got, w) <= strings.Count(without, w) {
						t.Errorf("%s.%s.%s: pdftotext does not give back chart label %q", br.ID, ed.Country, l, want)
					}
				}
				if ed.UsesNativeDigits(l) && !strings.Contains(got, squeeze(lang.NativeDigits(l, "250"))) {
					t.Errorf("%s.%s.%s: the axis is not in native digits", br.ID, ed.Country, l)
				}
			}
		}
	}
	if want := chartPDFs(briefs); charts != want || want == 0 {
		t.Errorf("found %d sample PDFs with a chart, want %d", charts, want)
	}
}

// chartPDFs counts the editions' languages whose blocks include a chart.
func chartPDFs(briefs []*source.Brief) int {
	n := 0
	for _, br := range briefs {
		for _, ed := range br.Editions {
			for _, b := range br.BlocksFor(ed.Country) {
				if b.Kind == source.Chart {
					n += len(ed.Languages)
					break
				}
			}
		}
	}
	return n
}

func findChart(doc *manuscript.Document) (*manuscript.Chart, []manuscript.Span) {
	for _, b := range doc.Blocks {
		if b.Chart != nil {
			return b.Chart, b.Spans
		}
	}
	return nil, nil
}

func withoutCharts(doc *manuscript.Document) *manuscript.Document {
	d := *doc
	d.Blocks = nil
	for _, b := range doc.Blocks {
		if b.Chart == nil {
			d.Blocks = append(d.Blocks, b)
		}
	}
	return &d
}

// chartTexts lists every text a chart draws.
func chartTexts(c *manuscript.Chart, caption []manuscript.Span) []string {
	out := []string{text.Plain(caption)}
	for _, cat := range c.Categories {
		out = append(out, text.Plain(cat))
	}
	for _, s := range c.Series {
		out = append(out, text.Plain(s.Name))
		out = append(out, s.Labels[len(s.Labels)-1])
	}
	return append(out, c.Axis.Ticks[len(c.Axis.Ticks)-1].Label)
}

func extract(t *testing.T, tool string, eng *layout.Engine, doc *manuscript.Document) string {
	t.Helper()
	data, _, _, err := Typeset(eng, doc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return squeeze(string(out))
}

// squeeze drops white space and ZWSP, where a label may break over lines.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200B' {
			return -1
		}
		return r
	}, text.NFC(s))
}

// TestChartFigureInPDF checks the sample chart's structure in the PDF
// itself, as qpdf reads it: in English and Khmer, a Figure element whose
// /Alt is the chart's alt text, holding the labels' marked content, and
// right after it, beside it, a Caption element (inside, the Alt would
// hide the caption from screen readers).
func TestChartFigureInPDF(t *testing.T) {
	qpdf := testkit.Tool(t, "qpdf", "qpdf")
	br, cat, set := sampleBrief(t, "jobs-in-sezs")
	for _, l := range []string{"en", "km"} {
		doc, eds := content.Evaluate(br, cat, "region", l)
		if eds != nil {
			t.Fatal(eds)
		}
		c, _ := findChart(doc)
		data, _, _, err := Typeset(NewEngine(set, linebreak.New(), false), doc)
		if err != nil {
			t.Fatal(err)
		}
		fig, next, ok := figureWithAlt(t, qpdf, data, c.Alt)
		if !ok {
			t.Errorf("%s: no Figure element with /Alt %q", l, c.Alt)
			continue
		}
		if !slices.ContainsFunc(fig.K, func(k any) bool { _, ok := k.(float64); return ok }) {
			t.Errorf("%s: Figure /K %v holds no marked content", l, fig.K)
		}
		if next.S != "/Caption" {
			t.Errorf("%s: the Figure is followed by %q in its parent, not by its Caption", l, next.S)
		}
	}
}

type structElem struct {
	S   string `json:"/S"`
	Alt string `json:"/Alt"`
	P   string `json:"/P"`
	K   []any  `json:"/K"`
}

// figureWithAlt finds, in qpdf's JSON of a PDF, the Figure element whose
// alternate text is alt, and the element after it in its parent's /K.
func figureWithAlt(t *testing.T, qpdf string, data []byte, alt string) (fig, next structElem, ok bool) {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--json", "--json-key=qpdf", in, "-").Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var j struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	var objects map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(out, &j); err != nil || len(j.QPDF) < 2 || json.Unmarshal(j.QPDF[1], &objects) != nil {
		t.Fatalf("qpdf --json: unexpected output (%v)", err)
	}
	elems := map[string]structElem{} // "obj:12 0 R" style keys, as qpdf names objects
	var ref string
	for key, o := range objects {
		var e structElem
		if json.Unmarshal(o.Value, &e) != nil || e.S == "" {
			continue
		}
		elems[strings.TrimPrefix(key, "obj:")] = e
		if e.S == "/Figure" && strings.TrimPrefix(e.Alt, "u:") == alt {
			fig, ref, ok = e, strings.TrimPrefix(key, "obj:"), true
		}
	}
	if !ok {
		return fig, next, false
	}
	parent := elems[fig.P]
	for i, k := range parent.K {
		if k == ref && i+1 < len(parent.K) {
			if r, isRef := parent.K[i+1].(string); isRef {
				next = elems[r]
			}
		}
	}
	return fig, next, true
}
