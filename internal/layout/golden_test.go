package layout_test

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/shape"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// The goldens are set from fixture copies of the sample briefs and
// catalogues under the module's testdata/samples, never from the live
// folders, so that
// an editor's change to a sample does not read as a layout change, and a
// layout change shows in review as a diff of lines and pages.
var update = flag.Bool("update", false, "rewrite testdata/golden/*.txtar")

// sample is one sample PDF: a brief in one edition and language.
type sample struct {
	brief         *source.Brief
	country, lang string
}

func (s sample) name() string { return s.brief.ID + "." + s.country + "." + s.lang }

// loadSamples reads the fixture briefs and catalogues and lists every
// edition × language, as the build does.
func loadSamples(t testing.TB) ([]sample, *catalog.Catalog) {
	t.Helper()
	samples := filepath.Join(testkit.ModuleRoot(t), "testdata", "samples")
	briefs, ds := source.LoadAll(filepath.Join(samples, "briefs"))
	if ds.HasErrors() {
		t.Fatalf("fixture briefs: %v", ds)
	}
	cat, cds := catalog.Load(filepath.Join(samples, "locales"))
	if cds.HasErrors() {
		t.Fatalf("fixture catalogues: %v", cds)
	}
	var out []sample
	for _, br := range briefs {
		for _, ed := range br.Editions {
			for _, lang := range ed.Languages {
				out = append(out, sample{br, ed.Country, lang})
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no fixture samples")
	}
	return out, cat
}

func newEngine(t testing.TB) *layout.Engine {
	t.Helper()
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	return &layout.Engine{Fonts: set, Shaper: &shape.Shaper{}, Breaker: linebreak.New()}
}

// set holds the fixture samples once set: several tests read them, and
// none changes them.
var set struct {
	sync.Mutex
	names []string
	docs  []*pages.Document
	ms    []*manuscript.Document
	// breaks holds why each sample's pages ended (Engine.PageBreaks).
	breaks [][]layout.PageBreak
}

// setSamples evaluates and lays out every fixture sample, once per test
// binary.
func setSamples(t testing.TB) (names []string, docs []*pages.Document, ms []*manuscript.Document) {
	t.Helper()
	set.Lock()
	defer set.Unlock()
	if set.names == nil {
		set.names, set.docs, set.ms, set.breaks = setSamplesAnew(t)
	}
	return set.names, set.docs, set.ms
}

// sampleBreaks returns why each sample's pages ended, in setSamples'
// order.
func sampleBreaks(t testing.TB) [][]layout.PageBreak {
	setSamples(t)
	return set.breaks
}

func setSamplesAnew(t testing.TB) (names []string, docs []*pages.Document, ms []*manuscript.Document, breaks [][]layout.PageBreak) {
	t.Helper()
	list, cat := loadSamples(t)
	e := newEngine(t)
	for _, s := range list {
		m, eds := content.Evaluate(s.brief, cat, s.country, s.lang)
		if eds != nil {
			t.Fatalf("%s: %v", s.name(), eds)
		}
		d, _, err := e.Layout(m)
		if err != nil {
			t.Fatalf("%s: %v", s.name(), err)
		}
		names, docs, ms = append(names, s.name()), append(docs, d), append(ms, m)
		breaks = append(breaks, e.PageBreaks())
	}
	return names, docs, ms, breaks
}

// TestGoldenLayout compares each sample's pages, line by line, with
// testdata/golden/<brief>.<edition>.<lang>.txtar.
func TestGoldenLayout(t *testing.T) {
	names, docs, _ := setSamples(t)
	for i, name := range names {
		got := dumpDocument(docs[i])
		path := filepath.Join("testdata", "golden", name+".txtar")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/layout -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: layout differs from %s (go test ./internal/layout -update, then review the diff):\n%s",
				name, path, firstDifference(string(want), string(got)))
		}
	}
}

// firstDifference shows the first line where two dumps part.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d\n- %s\n+ %s", i+1, a, b)
		}
	}
	return ""
}

// textLine is the runs of one line of one structure node (or of one
// artifact role) on a page: what a reader sees as a line.
type textLine struct {
	y, x0, x1 float64
	role      pages.Role
	text      strings.Builder
}

// pageLines gathers a page's runs into lines, in content order: runs on
// one baseline that belong to one node (one table cell, one paragraph).
func pageLines(d *pages.Document, pg pages.Page) []*textLine {
	type key struct {
		y    float64
		node pages.NodeID
		role pages.Role
	}
	var out []*textLine
	at := map[key]*textLine{}
	for _, r := range pg.Runs {
		k := key{round(r.Y), r.Node, r.Role}
		if r.Node != pages.Artifact {
			k.role = ""
			if n := d.Node(r.Node); n.Role == pages.RoleLink {
				k.node = n.Parent // a link's text is part of its paragraph's line
			}
		}
		ln, ok := at[k]
		if ok && r.Node == pages.Artifact && math.Abs(r.X-ln.x1) > 1 {
			ok = false // another artifact on the baseline: the running footer beside the page number
		}
		if !ok {
			ln = &textLine{y: r.Y, x0: r.X, x1: r.X, role: r.Role}
			at[k] = ln
			out = append(out, ln)
		}
		w := 0.0
		for _, g := range r.Glyphs {
			w += g.XAdvance
		}
		ln.x0, ln.x1 = min(ln.x0, r.X), max(ln.x1, r.X+w)
		ln.text.WriteString(r.Text)
	}
	return out
}

// visible shows what a reader cannot see in a diff: a space ending the
// line's text (␣), which copy and paste needs between the words of two
// lines, and line feeds.
func visible(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if strings.HasSuffix(s, " ") {
		s = strings.TrimSuffix(s, " ") + "␣"
	}
	return s
}

func round(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }

// dumpDocument renders a laid-out document as txtar: one file per page,
// one row per line (baseline, x-range, role, text), then its images and
// rules.
func dumpDocument(d *pages.Document) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "lang %s, %d pages\ntitle %s\n", d.Lang, len(d.Pages), d.Title)
	for i, pg := range d.Pages {
		fmt.Fprintf(&b, "-- page %d --\n", i+1)
		for _, ln := range pageLines(d, pg) {
			fmt.Fprintf(&b, "%6.1f %5.1f..%5.1f %-9s %s\n", ln.y, ln.x0, ln.x1, ln.role, visible(ln.text.String()))
		}
		for _, im := range pg.Images {
			fmt.Fprintf(&b, "image %.1f,%.1f %.1fx%.1f %s\n", im.X, im.Y, im.W, im.H, im.Format)
		}
		for _, r := range pg.Rects {
			kind := "fill"
			if r.Stroke != nil {
				kind = "stroke"
			}
			fmt.Fprintf(&b, "rect %s %.1f,%.1f %.1fx%.1f\n", kind, r.X, r.Y, r.W, r.H)
		}
	}
	return b.Bytes()
}
