package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/pdf"
	"github.com/mekong-briefs/briefs/internal/shape"
)

// Result is what building one job produced.
type Result struct {
	Job   Job
	Pages int
	Bytes int
	Diags diag.List
	Err   error
}

// Builder builds jobs. Its fields are plain so tests can swap them.
type Builder struct {
	Catalog *catalog.Catalog
	Fonts   *fonts.Set
	Breaker *linebreak.Breaker
	Out     string // output folder
	Justify bool
}

// Build runs each job and writes its PDF. A failed job does not stop the
// others; its error is in its Result.
func (b *Builder) Build(jobs []Job) []Result {
	eng := &layout.Engine{Fonts: b.Fonts, Shaper: &shape.Shaper{}, Breaker: b.Breaker, Justify: b.Justify}
	out := make([]Result, 0, len(jobs))
	for _, j := range jobs {
		out = append(out, b.build(eng, j))
	}
	return out
}

func (b *Builder) build(eng *layout.Engine, j Job) Result {
	r := Result{Job: j}
	doc, err := content.Evaluate(j.Brief, b.Catalog, j.Edition, j.Lang)
	if err != nil {
		r.Err = err
		return r
	}
	data, pages, ds, err := Typeset(eng, doc)
	r.Diags, r.Pages, r.Bytes = ds, pages, len(data)
	if err != nil {
		r.Err = err
		return r
	}
	r.Err = WriteFile(filepath.Join(b.Out, filepath.FromSlash(j.Path())), data)
	return r
}

// Typeset lays out an evaluated document and serialises it as PDF.
func Typeset(eng *layout.Engine, doc *content.Document) ([]byte, int, diag.List, error) {
	laid, ds, err := eng.Layout(doc)
	if err != nil {
		return nil, 0, ds, err
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, laid); err != nil {
		return nil, 0, ds, fmt.Errorf("write pdf: %w", err)
	}
	return buf.Bytes(), len(laid.Pages), ds, nil
}

// WriteFile writes data to path through a temporary file in the same
// folder and a rename, so a reader never sees a half-written PDF.
func WriteFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, werr)
	}
	return nil
}
