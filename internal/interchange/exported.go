package interchange

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
)

// ExportedName is the record export keeps beside the files it writes
// (DIR/.briefs-exported.json): for each file, its work sum and a digest
// of each entry as written. Import reads it to tell, entry by entry, what
// the translator changed from what export wrote: an entry still as
// exported brings nothing, so that an edit of the TOML made since the
// export (by hand, check --fix) is not undone by the entries the
// translator left alone. Without the record, or for a file whose work sum
// it does not hold (another export's), every entry is taken as written.
const ExportedName = ".briefs-exported.json"

// exportRecord is the record's content.
type exportRecord struct {
	Version int                   `json:"version"`
	Files   map[string]fileRecord `json:"files"` // by path under DIR, slash-separated
}

type fileRecord struct {
	Sum     string            `json:"sum"`
	Entries map[string]string `json:"entries"` // message ID -> entryDigest
}

// entryLine is what a translator can change in one entry, as workSum
// and entryDigest read it.
func entryLine(e Entry) string { return fmt.Sprintf("%q %q %v %q\n", e.ID, e.Target, e.Fuzzy, e.Notes) }

func entryDigest(e Entry) string {
	return fmt.Sprintf("sha1-%x", sha1.Sum([]byte(entryLine(e))))
}

// readRecord reads DIR's record; a missing or damaged one is none.
func readRecord(dir string) exportRecord {
	var r exportRecord
	data, err := os.ReadFile(filepath.Join(dir, ExportedName))
	if err != nil || json.Unmarshal(data, &r) != nil || r.Version != 1 {
		return exportRecord{Version: 1, Files: map[string]fileRecord{}}
	}
	if r.Files == nil {
		r.Files = map[string]fileRecord{}
	}
	return r
}

// record notes the files export wrote under dir, read back as import
// reads them, and keeps what it holds of the others.
func record(dir string, paths []string) error {
	r := readRecord(dir)
	for _, path := range paths {
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return fmt.Errorf("export: record %s: %w", path, err)
		}
		in, ds := Read(path)
		if ds.HasErrors() {
			return fmt.Errorf("export: read back %s: %v", path, ds)
		}
		fr := fileRecord{Sum: in.Sum, Entries: map[string]string{}}
		for _, e := range in.Entries {
			fr.Entries[e.ID] = entryDigest(e)
		}
		r.Files[filepath.ToSlash(rel)] = fr
	}
	data, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return fmt.Errorf("export: record: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dir, ExportedName), append(data, '\n')); err != nil {
		return fmt.Errorf("export: record: %w", err)
	}
	return nil
}

// untouched returns the IDs of the entries of the file at path (a
// DIR/<lang>/<file> export) that are as export wrote them, by the
// record in DIR, when the record holds the file's work sum; else none.
func untouched(path string, in *Incoming) map[string]bool {
	dir := filepath.Dir(filepath.Dir(path))
	rel, err := filepath.Rel(dir, path)
	if err != nil || in.Sum == "" {
		return nil
	}
	fr, ok := readRecord(dir).Files[filepath.ToSlash(rel)]
	if !ok || fr.Sum != in.Sum {
		return nil
	}
	out := map[string]bool{}
	for _, e := range in.Entries {
		// A fuzzy entry never replaces the TOML (import leaves it out,
		// with a reminder), so only reviewed ones are set aside.
		if d, ok := fr.Entries[e.ID]; ok && !e.Fuzzy && d == entryDigest(e) {
			out[e.ID] = true
		}
	}
	return out
}
