package press

import (
	"path/filepath"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

// loadProject loads the briefs and catalogues of a project folder (the
// samples, mostly), failing the test on any error finding.
func loadProject(tb testing.TB, root string) ([]*source.Brief, *catalog.Catalog) {
	tb.Helper()
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	if ds = append(ds, cds...); ds.HasErrors() || len(briefs) == 0 {
		tb.Fatal(ds)
	}
	return briefs, cat
}
