package press

import (
	"path/filepath"
	"testing"

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
