package viewers_test

import (
	"bytes"
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
	"github.com/mekong-briefs/briefs/internal/pdf"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// sample is one PDF of the matrix and the text that went into it.
type sample struct {
	name string // e.g. jobs-in-sezs.kh.km
	lang string
	path string // the PDF, in a temporary folder
	want string // every run's text, page by page, in drawing order
	// joined is want with the runs of a line joined where the face
	// changes too: a client's space there is one the text does not have
	// either, which some clients still put (maxFaceChangeSpaces).
	joined string
	runs   []run // the same, run by run
	laid   *pages.Document
}

// run is one glyph run's text and the role of the block it belongs to.
type run struct {
	text string
	role pages.Role
	// goesOn is set when the next run goes on where this one ends, on
	// its baseline, in any face (an emphasised word): a space between
	// them is one between words of one line.
	goesOn bool
}

var (
	engineOnce sync.Once
	engine     *layout.Engine
	engineErr  error
)

func newEngine(t *testing.T) *layout.Engine {
	t.Helper()
	engineOnce.Do(func() {
		var set *fonts.Set
		if set, engineErr = fonts.Load(); engineErr == nil {
			engine = press.NewEngine(set, linebreak.New(), false)
		}
	})
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return engine
}

// buildSamples typesets every brief × edition × language of the fixture
// project (the module's testdata/samples), and a proof PDF of the long paragraphs in
// testdata/proof/<lang>.txt, into dir. The text that went in is taken from
// the laid-out document: the catalogue text as layout placed it, footers
// and list labels included.
func buildSamples(t *testing.T, dir string) []sample {
	t.Helper()
	root := filepath.Join(testkit.ModuleRoot(t), "testdata", "samples")
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	if ds.HasErrors() {
		t.Fatalf("load fixture briefs: %v", ds)
	}
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	if cds.HasErrors() {
		t.Fatalf("load fixture catalogues: %v", cds)
	}
	jobs, err := press.Plan(briefs, press.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []sample
	for _, j := range jobs {
		doc, eds := content.Evaluate(j.Brief, cat, j.Edition, j.Lang)
		if eds != nil {
			t.Fatalf("%s: %v", j.Path(), eds)
		}
		name := strings.TrimSuffix(filepath.Base(j.Path()), ".pdf")
		out = append(out, typeset(t, dir, name, doc))
	}
	proofs, _ := filepath.Glob(filepath.Join("testdata", "proof", "*.txt"))
	for _, p := range proofs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// <lang>.txt, or <lang>.zwsp.txt: the same text with the
		// translators' ZERO WIDTH SPACE at each word boundary (briefs
		// segment --zwsp), as Khmer translations often have it.
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		lang, _, _ := strings.Cut(name, ".")
		doc, err := content.Proof(p, lang, strings.Split(string(data), "\n"), false)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, typeset(t, dir, "proof."+name, doc))
	}
	if len(out) < 5 {
		t.Fatalf("the fixture gave only %d PDFs", len(out))
	}
	return out
}

func typeset(t *testing.T, dir, name string, doc *manuscript.Document) sample {
	t.Helper()
	laid, _, err := newEngine(t).Layout(doc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b bytes.Buffer
	if err := pdf.Write(&b, laid); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	s := sample{name: name, lang: doc.Lang, path: path, laid: laid}
	var text, joined strings.Builder
	for _, p := range laid.Pages {
		for i, r := range p.Runs {
			// A run that goes on where the last one ended, in its face
			// and on its baseline (the next word after a ZERO WIDTH
			// SPACE), is the same line of text: a client's space there
			// is one the text does not have. At a change of face too
			// (joined), but there pdf.js still puts a few.
			if i > 0 && !contiguous(&p.Runs[i-1], &r) {
				text.WriteByte('\n')
			}
			if i > 0 && !onLine(&p.Runs[i-1], &r) {
				joined.WriteByte('\n')
			}
			text.WriteString(r.Text)
			joined.WriteString(r.Text)
			goesOn := i+1 < len(p.Runs) && onLine(&r, &p.Runs[i+1])
			s.runs = append(s.runs, run{r.Text, r.Role, goesOn})
		}
		text.WriteByte('\n')
		joined.WriteByte('\n')
	}
	s.want, s.joined = text.String(), joined.String()
	return s
}

// contiguous reports whether run b starts where run a ends, in a's face
// and size and on its baseline.
func contiguous(a, b *pages.GlyphRun) bool {
	return a.Face == b.Face && a.Size == b.Size && onLine(a, b)
}

// onLine reports whether run b starts where run a ends, on its baseline.
func onLine(a, b *pages.GlyphRun) bool {
	end := a.X
	for _, g := range a.Glyphs {
		end += g.XAdvance
	}
	return math.Abs(a.Y-b.Y) < 0.01 && math.Abs(b.X-end) < 0.05
}
