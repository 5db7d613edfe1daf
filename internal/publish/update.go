package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/press"
)

// LockName is the lock file under the output folder that serialises
// updates of manifest.json and index.html.
const LockName = ".briefs-lock"

// UpdateWithin merges entries into out's manifest.json, a manifest of the
// whole matrix (no "shard"), and rewrites it
// and index.html, holding out's lock from reading the manifest to writing
// the index, so that two builds into one folder (an editor's while serve
// runs) never drop each other's entries. It also prunes: an earlier entry
// that within rejects (its brief, edition or language is gone from the
// matrix: a withdrawn edition) is dropped from the manifest and index, and
// its PDF, which the manifest listed, is deleted; so are the temporary
// files of a build that was killed mid-write (atomicfile.Orphans); no
// other file is touched. A nil within prunes nothing. It returns the
// paths (relative to out, with slashes) of the PDFs it deleted, for the
// build to report.
func UpdateWithin(out string, site Site, entries []Entry, cat *catalog.Catalog, within func(Entry) bool) ([]string, error) {
	return UpdateCached(out, site, entries, cat, within, nil, nil)
}

// UpdateCached is UpdateWithin that leaves manifest.json as it is when its
// bytes would not change, and index.html when what it is made of (the
// manifest's entries, the site, the shared catalogues of its languages
// and of English, the program) hashes as cache recorded it and the page
// is still the one written then; a nil cache always renders the page.
// The manifest records share, the build's --shard (nil: none); within is
// the caller's to make reject the entries of other shares, so that the
// manifest's claim holds.
func UpdateCached(out string, site Site, entries []Entry, cat *catalog.Catalog, within func(Entry) bool, cache *press.Cache, share *Share) (removed []string, err error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("update index: %w", err)
	}
	unlock, err := lockFolder(filepath.Join(out, LockName))
	switch {
	case readOnly(err):
		// A folder this build may not write (a CI cache restored read-only)
		// needs no lock to be read: a build whose PDFs are all unchanged
		// writes nothing here, and a write that is needed fails on its own,
		// naming its file. It failed on the lock.
		unlock = func() {}
	case err != nil:
		return nil, fmt.Errorf("update index: lock %s: %w", out, err)
	}
	defer unlock()
	oldManifest, oldData, err := readManifest(out)
	if err := ours(out, oldData, err); err != nil {
		return nil, err
	}
	old := oldManifest.PDFs
	if err != nil {
		old, oldData = nil, nil // a damaged manifest is rebuilt from this build's PDFs
	}
	if within != nil {
		removeOrphans(out)
		kept := old[:0]
		for _, e := range old {
			if within(e) {
				kept = append(kept, e)
				continue
			}
			err := os.Remove(filepath.Join(out, filepath.FromSlash(e.Path)))
			if err != nil && !os.IsNotExist(err) {
				return removed, fmt.Errorf("update index: prune %s: %w", e.Path, err)
			}
			if err == nil {
				removed = append(removed, e.Path)
				// The brief's folder goes with its last PDF (a brief
				// withdrawn or renamed left an empty folder in the site);
				// one that holds anything else stays.
				if dir := filepath.Dir(filepath.Join(out, filepath.FromSlash(e.Path))); dir != filepath.Clean(out) {
					_ = os.Remove(dir)
				}
			}
		}
		old = kept
	}
	merged := MergeEntries(out, old, entries)
	data, err := marshalManifest(merged, share)
	if err != nil {
		return removed, fmt.Errorf("write manifest: %w", err)
	}
	if !bytes.Equal(data, oldData) {
		if err := atomicfile.Write(filepath.Join(out, ManifestName), data); err != nil {
			return removed, fmt.Errorf("write manifest: %w", err)
		}
	}
	key := indexKey(site, data, merged, cat, cache)
	if key != "" {
		if _, fresh := cache.Fresh(filepath.Join(out, IndexName), IndexName, key); fresh {
			return removed, nil
		}
	}
	page, err := RenderIndex(site, merged, cat)
	if err != nil {
		return removed, fmt.Errorf("write index: %w", err)
	}
	if err := cache.WriteOutput(filepath.Join(out, IndexName), page); err != nil {
		return removed, fmt.Errorf("write index: %w", err)
	}
	if key != "" {
		cache.Store(IndexName, key, "", page, 0)
	}
	return removed, nil
}

// indexKey digests what index.html is made of besides the program: the
// site, the manifest's bytes (every entry's fields), and the files of the
// shared catalogues it renders words from: "index.pages" in each PDF's
// language and in English, the edition names in English. It is "" without
// a cache or a catalogue, or when a file cannot be read.
func indexKey(site Site, manifest []byte, entries []Entry, cat *catalog.Catalog, cache *press.Cache) string {
	if cache == nil || cat == nil {
		return ""
	}
	langs := []string{"en"}
	for _, e := range entries {
		langs = append(langs, e.Lang)
	}
	slices.Sort(langs)
	var files []string
	for _, l := range slices.Compact(langs) {
		files = append(files, filepath.Join(cat.Root, catalog.Shared+"."+l+".toml"))
	}
	label := fmt.Sprintf("index\x00%q\x00%q\x00%s", site.Title, site.Organisation, manifest)
	key, err := cache.FilesKey(label, files...)
	if err != nil {
		return ""
	}
	return key
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

// generatorMark is in every index.html briefs writes.
const generatorMark = `<meta name="generator" content="briefs">`

// ours refuses an output folder whose manifest.json or index.html another
// program wrote (a site's own index.html, with --out naming the site's
// folder): the build would overwrite them without a word. readManifest
// gave manifest and readErr. A manifest that reads as briefs' makes the
// folder ours, index.html with it (earlier versions wrote no mark), and
// the page is not read; damaged JSON is a manifest of ours the build
// rebuilds; JSON of another shape is not ours. Without a manifest of
// ours, an index.html is ours only with generatorMark.
func ours(out string, manifest []byte, readErr error) error {
	if readErr == nil && manifest != nil {
		return nil
	}
	var shape map[string]json.RawMessage
	if readErr != nil && json.Unmarshal(manifest, &shape) == nil {
		if _, ok := shape["version"]; !ok {
			return fmt.Errorf("update index: %s is not a briefs manifest (it has no \"version\"): move it away, or build into another folder with --out",
				filepath.Join(out, ManifestName))
		}
	}
	index := filepath.Join(out, IndexName)
	page, err := os.ReadFile(index)
	if err != nil || bytes.Contains(page, []byte(generatorMark)) {
		return nil
	}
	return fmt.Errorf("update index: %s was not written by briefs: move it away, or build into another folder with --out", index)
}

// readOnly reports whether err says a file may not be written here: a
// permission, or a file system mounted read-only.
func readOnly(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
