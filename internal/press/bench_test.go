package press

import (
	"path/filepath"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/shape"
	"github.com/mekong-briefs/briefs/internal/source"
)

// BenchmarkTypeset measures evaluate + layout + PDF for one brief per
// language, reporting ms per page and PDF bytes per page.
func BenchmarkTypeset(b *testing.B) {
	briefs, ds := source.LoadAll(filepath.Join("..", "..", "testdata", "samples", "briefs"))
	cat, cds := catalog.Load(filepath.Join("..", "..", "testdata", "samples", "locales"))
	if ds = append(ds, cds...); ds.HasErrors() {
		b.Fatal(ds)
	}
	set, err := fonts.Load()
	if err != nil {
		b.Fatal(err)
	}
	byID := map[string]*source.Brief{}
	for _, br := range briefs {
		byID[br.ID] = br
	}
	cases := []struct{ brief, edition, lang string }{
		{"jobs-in-sezs", "region", "en"},
		{"jobs-in-sezs", "region", "km"},
		{"jobs-in-sezs", "region", "my"},
		{"jobs-in-sezs", "region", "th"},
		{"social-protection", "vn", "vi"},
	}
	br := linebreak.New()
	for _, c := range cases {
		for _, partner := range []bool{false, true} {
			name := c.lang
			if partner {
				name += "/partner"
			}
			b.Run(name, func(b *testing.B) { typesetBrief(b, set, br, byID[c.brief], cat, c.edition, c.lang, partner) })
		}
	}
}

// typesetBrief is one case of BenchmarkTypeset; with partner, a second
// engine sets the later blocks into a fresh memo on another goroutine, as
// Build does for a lone job.
func typesetBrief(b *testing.B, set *fonts.Set, br *linebreak.Breaker, brief *source.Brief, cat *catalog.Catalog, edition, lang string, partner bool) {
	eng := &layout.Engine{Fonts: set, Breaker: br}
	pages, size := 0, 0
	for i := 0; i < b.N; i++ {
		// A fresh shaper and memo each time: measure shaping, not its cache.
		eng.Shaper = &shape.Shaper{}
		if partner {
			eng.Memo = &layout.Memo{}
			eng.Partner = &layout.Engine{Fonts: set.Clone(), Breaker: br, Shaper: &shape.Shaper{}, Memo: eng.Memo}
		}
		doc, ds := content.Evaluate(brief, cat, edition, lang)
		if ds != nil {
			b.Skip(ds) // translation not there yet
		}
		data, n, _, err := Typeset(eng, doc)
		if err != nil {
			b.Fatal(err)
		}
		pages, size = n, len(data)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(pages), "ms/page")
	b.ReportMetric(float64(size)/float64(pages), "bytes/page")
}

// BenchmarkContentKey measures what recording a typeset PDF's content
// costs (Cache.ContentKey of its evaluated document), against
// BenchmarkTypeset's time for the same PDF.
func BenchmarkContentKey(b *testing.B) {
	briefs, cat := loadProject(b, filepath.Join("..", "..", "testdata", "samples"))
	for _, br := range briefs {
		if br.ID != "jobs-in-sezs" {
			continue
		}
		doc, ds := content.Evaluate(br, cat, "region", "km")
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		c := OpenCache(b.TempDir(), "engine")
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.ContentKey("options", doc, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMatrix typesets every sample job (21 PDFs: the editions of two
// briefs in their languages) with one engine, as a build worker does:
// "memo" with a fresh memo of shaped paragraphs each time, which the
// editions of a brief in a language share, "none" without.
func BenchmarkMatrix(b *testing.B) {
	briefs, cat := loadProject(b, filepath.Join("..", "..", "testdata", "samples"))
	jobs, err := Plan(briefs, Filter{})
	if err != nil {
		b.Fatal(err)
	}
	set, err := fonts.Load()
	if err != nil {
		b.Fatal(err)
	}
	for _, memo := range []bool{true, false} {
		name := "none"
		if memo {
			name = "memo"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				eng := NewEngine(set, linebreak.New(), false)
				if !memo {
					eng.Memo = nil
				}
				for _, j := range jobs {
					doc, ds := content.Evaluate(j.Brief, cat, j.Edition, j.Lang)
					if ds.HasErrors() {
						b.Fatal(ds)
					}
					if _, _, _, err := Typeset(eng, doc); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(len(jobs)), "ms/pdf")
		})
	}
}
