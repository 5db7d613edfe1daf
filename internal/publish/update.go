package publish

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
)

// LockName is the lock file under the output folder that serialises
// updates of manifest.json and index.html.
const LockName = ".briefs-lock"

// UpdateWithin merges entries into out's manifest.json and rewrites it
// and index.html, holding out's lock from reading the manifest to writing
// the index, so that two builds into one folder (an editor's while serve
// runs) never drop each other's entries. It also prunes: an earlier entry
// that within rejects (its brief, edition or language is gone from the
// matrix: a withdrawn edition) is dropped from the manifest and index, and
// its PDF, which the manifest listed, is deleted; so are the temporary
// files of a build that was killed mid-write (atomicfile.Orphans); no
// other file is touched. A nil within prunes nothing.
func UpdateWithin(out string, site Site, entries []Entry, cat *catalog.Catalog, within func(Entry) bool) error {
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
	if within != nil {
		removeOrphans(out)
		kept := old[:0]
		for _, e := range old {
			if within(e) {
				kept = append(kept, e)
				continue
			}
			if err := os.Remove(filepath.Join(out, filepath.FromSlash(e.Path))); err != nil && !os.IsNotExist(err) {
				return fmt.Errorf("update index: prune %s: %w", e.Path, err)
			}
		}
		old = kept
	}
	merged := MergeEntries(out, old, entries)
	if err := WriteManifest(out, merged); err != nil {
		return err
	}
	return WriteIndex(out, site, merged, cat)
}

// removeOrphans deletes the temporary files killed builds left in out and
// in its brief folders, where PDFs are written.
func removeOrphans(out string) {
	dirs := []string{out}
	if entries, err := os.ReadDir(out); err == nil {
		for _, e := range entries {
			if e.IsDir() {
				dirs = append(dirs, filepath.Join(out, e.Name()))
			}
		}
	}
	for _, d := range dirs {
		for _, p := range atomicfile.Orphans(d) {
			os.Remove(p)
		}
	}
}
