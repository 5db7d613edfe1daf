package press

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestTypesetNamesTheWriterOnce: a writer's error reaches the build's
// report as "write pdf: ..." once; Typeset added a second "write pdf: ".
func TestTypesetNamesTheWriterOnce(t *testing.T) {
	br, cat, set := sampleBrief(t, "jobs-in-sezs")
	doc, eds := content.Evaluate(br, cat, "region", "en")
	if eds != nil {
		t.Fatal(eds)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "abc") // the writer's one error a valid document can meet
	_, _, _, err := Typeset(NewEngine(set, linebreak.New(), false), doc)
	if err == nil || strings.Count(err.Error(), "write pdf: ") != 1 {
		t.Errorf("Typeset: %v; want one write pdf: prefix", err)
	}
}

// sampleBrief loads a brief of the fixture samples, their catalogues and
// the embedded fonts.
func sampleBrief(t *testing.T, id string) (*source.Brief, *catalog.Catalog, *fonts.Set) {
	t.Helper()
	root := testkit.Samples(t)
	br, ds := source.Load(filepath.Join(root, "briefs", id, "brief.toml"))
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	if ds = append(ds, cds...); ds.HasErrors() || br == nil {
		t.Fatal(ds)
	}
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	return br, cat, set
}
