package press

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/testkit"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
)

// TestBrokenCatalogueBlocksOnlyItsJobs checks that a job fails with the
// diagnostics of a broken catalogue it needs, and only then; a draft also
// needs the source language's catalogues.
func TestBrokenCatalogueBlocksOnlyItsJobs(t *testing.T) {
	root := t.TempDir()
	cat := &catalog.Catalog{Root: root}
	broken := filepath.Join(root, "b.km.toml")
	d := diag.Errorf(diag.Pos{File: broken, Line: 3, Col: 1}, "toml-syntax", "fix it", "broken")
	b := &Builder{Catalog: cat, Broken: map[string]diag.List{broken: {d}}}
	br := &source.Brief{ID: "b", SourceLang: "en"}
	other := &source.Brief{ID: "a", SourceLang: "en"}
	for _, tc := range []struct {
		job   Job
		draft bool
		fails bool
	}{
		{Job{Brief: br, Edition: "region", Lang: "km"}, false, true},
		{Job{Brief: br, Edition: "region", Lang: "en"}, false, false},
		{Job{Brief: other, Edition: "region", Lang: "km"}, false, false},
	} {
		b.Draft = tc.draft
		if ds := b.blocked(tc.job); (len(ds) > 0) != tc.fails || (tc.fails && ds[0] != d) {
			t.Errorf("%s: blocked by %v", tc.job.Path(), ds)
		}
	}
	b.Broken = map[string]diag.List{filepath.Join(root, "b.en.toml"): {d}}
	b.Draft = true
	if ds := b.blocked(Job{Brief: br, Edition: "region", Lang: "km"}); len(ds) != 1 {
		t.Errorf("a Khmer draft falls back to English and needs its catalogue: %v", ds)
	}
}

// TestResultsSayWhichDigits: a job prints native digits when its edition
// or the project asks, and only in that language.
func TestResultsSayWhichDigits(t *testing.T) {
	br := &source.Brief{ID: "b", SourceLang: "en", Editions: []source.Edition{
		{Country: "kh", Languages: []string{"en", "km"}, NativeDigits: []string{"km"}},
		{Country: "region", Languages: []string{"en", "km", "th"}}}}
	b := &Builder{Style: Style{NativeDigits: map[string]bool{"th": true}}}
	for _, tc := range []struct {
		edition, lang string
		want          bool
	}{{"kh", "km", true}, {"kh", "en", false}, {"region", "km", false}, {"region", "th", true}} {
		if got := b.nativeDigits(Job{Brief: br, Edition: tc.edition, Lang: tc.lang}); got != tc.want {
			t.Errorf("%s %s: native digits %v, want %v", tc.edition, tc.lang, got, tc.want)
		}
	}
}

// TestPanicFailsItsJobOnly: a bug met while typesetting one PDF fails
// that PDF with an internal error that says so, naming the panic, and
// the worker is told to set the next job with a fresh engine.
func TestPanicFailsItsJobOnly(t *testing.T) {
	root := testkit.Samples(t)
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	cat, _ := catalog.Load(filepath.Join(root, "locales"))
	b := &Builder{Catalog: cat, Out: t.TempDir()}
	job := Job{Brief: briefs[0], Edition: briefs[0].Editions[0].Country, Lang: "en"}
	r := b.build(func() (*layout.Engine, error) { panic("boom") }, job)
	if !r.panicked || r.Err == nil || !strings.Contains(r.Err.Error(), "internal error") || !strings.Contains(r.Err.Error(), "boom") || !r.Failed() {
		t.Fatalf("result %+v, panicked %v: want a failed job with an internal error naming the panic", r.Err, r.panicked)
	}
}
