package publish

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/mekong-briefs/briefs/internal/catalog"
)

// LockName is the lock file under the output folder that serialises
// updates of manifest.json and index.html.
const LockName = ".briefs-lock"

// Update merges entries into out's manifest.json and rewrites it and
// index.html, holding out's lock from reading the manifest to writing the
// index, so that two builds into one folder (an editor's while serve
// runs) never drop each other's entries.
func Update(out string, entries []Entry, cat *catalog.Catalog) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("update index: %w", err)
	}
	unlock, err := lockFolder(filepath.Join(out, LockName))
	if err != nil {
		return fmt.Errorf("update index: lock %s: %w", out, err)
	}
	defer unlock()
	old, err := ReadManifest(out)
	if err != nil {
		old = nil // a damaged manifest is rebuilt from this build's PDFs
	}
	merged := MergeEntries(out, old, entries)
	if err := WriteManifest(out, merged); err != nil {
		return err
	}
	return WriteIndex(out, merged, cat)
}
