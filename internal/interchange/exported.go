package interchange

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
)

// ExportedName is the record export keeps beside the files it writes
// (DIR/.briefs-exported.json): for each file, its work sum and a digest
// of each entry as written. Import reads it to tell, entry by entry, what
// the translator changed from what export wrote: an entry still as
// exported brings nothing, so that an edit of the TOML made since the
// export (by hand, check --fix) is not undone by the entries the
// translator left alone. Import finds the record of a file by its work
// sum, beside the file or in an export folder of the project (a file
// that came back by e-mail and is imported from Downloads), among the
// last exports of each file. Without a record holding its sum, every
// entry is taken as written.
const ExportedName = ".briefs-exported.json"

// exportRecord is the record's content.
type exportRecord struct {
	Version int                   `json:"version"`
	Files   map[string]fileRecord `json:"files"` // by path under DIR, slash-separated
}

type fileRecord struct {
	Sum     string            `json:"sum"`
	Entries map[string]string `json:"entries"` // message ID -> entryDigest (or an older briefs' digest: sameEntry)
	// Held is, per message ID, a digest of the catalogue's translation
	// when the file was written (formsDigest): import tells by it that
	// the catalogue changed since, and refuses an entry that would
	// replace that change unseen (another translator's import). Records
	// written before it have none.
	Held map[string]string `json:"held,omitempty"`
	// Drafts are the messages the file was written with as a draft
	// kept from the file before it (carryDrafts): as exported, they are
	// still the translator's.
	Drafts map[string]bool `json:"drafts,omitempty"`
	// Imported is, by the path of a file import took entries of (from
	// the project root, slash-separated), per message ID, what it took:
	// a translator who imports their file, works on, and imports it
	// again changes messages the catalogue changed since the export, by
	// their own first import. Against these marks that is no conflict,
	// and an entry still as that file last brought it brings nothing (an
	// editor's fix of it since stays). A copy of the file elsewhere, a
	// second translator's, is judged against the export alone.
	Imported map[string]map[string]importMark `json:"imported,omitempty"`
	// Earlier are the file's earlier exports, the latest first: a
	// translator may send back a file of the export before the last.
	Earlier []fileRecord `json:"earlier,omitempty"`
}

// importMark is what import took of one entry of a file.
type importMark struct {
	Entry string `json:"entry"` // entryDigest of the entry as imported
	Held  string `json:"held"`  // formsDigest of the translation it made, as the file carries it (carried)
}

// keptExports bounds the earlier exports a record keeps of each file.
const keptExports = 8

// entryLine is what a translator, or their tool, can change in one
// entry, as workSum and entryDigest read it: its translation, fuzzy flag
// and comments, and the English it stands beside. msgmerge (Poedit's
// "Update from POT") keeps an old file's header, work sum included, and
// puts each entry's new English beside the old translation; a translator
// who then reviews it, clearing the fuzzy flag, leaves the translation as
// exported, and only the English shows the entry is not.
func entryLine(e Entry) string {
	return fmt.Sprintf("%q %q %q %v %q\n", e.ID, e.Source, e.Target, e.Fuzzy, e.Notes)
}

// entryLineV1 is entryLine as briefs read it before it held the English:
// the rule of a digest or work sum that begins with digestV1.
func entryLineV1(e Entry) string {
	return fmt.Sprintf("%q %q %v %q\n", e.ID, e.Target, e.Fuzzy, e.Notes)
}

// A digest names its rule in its prefix, so that a record or a file's
// work sum that an older briefs wrote is read by that briefs' rule (a
// record an older binary rewrites keeps each digest as it is).
const (
	digestV1 = "sha1-"  // of entryLineV1
	digestV2 = "sha1e-" // of entryLine
)

func entryDigest(e Entry) string {
	return fmt.Sprintf("%s%x", digestV2, sha1.Sum([]byte(entryLine(e))))
}

// sameEntry reports whether e is the entry whose digest is d, by the
// rule d's prefix names.
func sameEntry(d string, e Entry) bool {
	if strings.HasPrefix(d, digestV2) {
		return d == entryDigest(e)
	}
	return d == fmt.Sprintf("%s%x", digestV1, sha1.Sum([]byte(entryLineV1(e))))
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

// formsDigest is a digest of a translation's TOML forms; none digests as
// the empty map.
func formsDigest(forms map[string]string) string {
	h := sha1.New()
	for _, f := range catalog.FormOrder {
		if s, ok := forms[f]; ok {
			fmt.Fprintf(h, "%s=%q\n", f, s)
		}
	}
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// record notes the files export wrote under dir (paths[i] from sets[i]),
// read back as import reads them, with the catalogue's translations they
// were written from, and keeps what it holds of the others.
func record(dir string, paths []string, sets []Set) error {
	unlock, err := lockRecord(dir)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer unlock()
	r := readRecord(dir)
	for i, path := range paths {
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return fmt.Errorf("export: record %s: %w", path, err)
		}
		in, ds := Read(path)
		if ds.HasErrors() {
			return fmt.Errorf("export: read back %s: %v", path, ds)
		}
		fr := fileRecord{Sum: in.Sum, Entries: map[string]string{}, Held: map[string]string{}}
		for _, e := range in.Entries {
			fr.Entries[e.ID] = entryDigest(e)
		}
		for _, u := range sets[i].Units {
			fr.Held[u.ID] = formsDigest(u.held(sets[i].Lang).forms)
			if u.State == Draft {
				if fr.Drafts == nil {
					fr.Drafts = map[string]bool{}
				}
				fr.Drafts[u.ID] = true
			}
		}
		key := filepath.ToSlash(rel)
		fr.Earlier = earlierExports(r.Files[key], in.Sum)
		r.Files[key] = fr
	}
	if err := writeRecord(dir, r); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// writeRecord writes DIR's record r whole, or not at all.
func writeRecord(dir string, r exportRecord) error {
	data, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dir, ExportedName), append(data, '\n')); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// earlierExports is the history a file's new record keeps: the last
// record and its own earlier ones, without the new sum, at most
// keptExports.
func earlierExports(last fileRecord, sum string) []fileRecord {
	var out []fileRecord
	for _, fr := range append([]fileRecord{last}, last.Earlier...) {
		if fr.Sum != "" && fr.Sum != sum && len(out) < keptExports {
			fr.Earlier = nil // every field but the history, whatever fields a record gains
			out = append(out, fr)
		}
	}
	return out
}

// exportOf finds the record of the export the file at path came from,
// by its work sum, and where it is.
func exportOf(root, path string, in *Incoming) (fileRecord, recordAt, bool) {
	if in.Sum == "" {
		return fileRecord{}, recordAt{}, false
	}
	fr, at, ok := recordOf(root, path, in.Sum, in.Lang+"/"+in.Domain+".")
	at.from = importKey(root, path)
	return fr, at, ok
}

// recordAt is where a file's record is: the folder of the record, the
// key of the exported file in it, and the file that import reads
// (importKey).
type recordAt struct{ dir, file, from string }

// importKey names the file at path in a record's Imported: its path
// from root, slash-separated, or its absolute path where it has none.
func importKey(root, path string) string {
	abs, _ := filepath.Abs(path)
	if r, err := filepath.Abs(root); err == nil {
		if rel, err := filepath.Rel(r, abs); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}

// untouched returns the IDs of the entries of in, the file from, that
// are as export wrote them, by the record of that export, or as from's
// last import took them. A fuzzy entry left as exported (a stale
// translation, a suggestion) brings nothing either: it would put the
// exported text back over an edit of the TOML, or remind the translator
// of a draft they never touched.
func (fr fileRecord) untouched(in *Incoming, from string) map[string]bool {
	out := map[string]bool{}
	for _, e := range in.Entries {
		if x, ok := fr.Entries[e.ID]; ok && sameEntry(x, e) {
			out[e.ID] = true
		} else if m, ok := fr.Imported[from][e.ID]; ok && sameEntry(m.Entry, e) {
			out[e.ID] = true
		}
	}
	return out
}

// imported reports whether some entry of in is as the file from's last
// import took it, and not as export wrote it: a file untouched since it
// was imported, not since it was exported.
func (fr fileRecord) imported(in *Incoming, from string) bool {
	for _, e := range in.Entries {
		if x, ok := fr.Entries[e.ID]; ok && sameEntry(x, e) {
			continue
		}
		if m, ok := fr.Imported[from][e.ID]; ok && sameEntry(m.Entry, e) {
			return true
		}
	}
	return false
}

// held is, per message ID, the catalogue's translation as the file from
// last saw it (formsDigest): as its last import made it, else as export
// wrote it.
func (fr fileRecord) held(from string) map[string]string {
	if len(fr.Imported[from]) == 0 {
		return fr.Held
	}
	out := maps.Clone(fr.Held)
	if out == nil {
		out = map[string]string{}
	}
	for id, m := range fr.Imported[from] {
		out[id] = m.Held
	}
	return out
}

// markImported adds to the record at at, of the export whose work sum is
// sum, the marks of what import took from the file at.from.
func markImported(at recordAt, sum string, marks map[string]importMark) error {
	unlock, err := lockRecord(at.dir)
	if err != nil {
		return err
	}
	defer unlock()
	r := readRecord(at.dir)
	fr, ok := r.Files[at.file]
	if !ok {
		return fmt.Errorf("record %s: no file %s", filepath.Join(at.dir, ExportedName), at.file)
	}
	x := &fr
	for i := range fr.Earlier {
		if fr.Earlier[i].Sum == sum {
			x = &fr.Earlier[i]
		}
	}
	if x.Sum != sum {
		return fmt.Errorf("record %s: no export %s of %s", filepath.Join(at.dir, ExportedName), sum, at.file)
	}
	if x.Imported == nil {
		x.Imported = map[string]map[string]importMark{}
	}
	if x.Imported[at.from] == nil {
		x.Imported[at.from] = map[string]importMark{}
	}
	maps.Copy(x.Imported[at.from], marks)
	r.Files[at.file] = fr
	return writeRecord(at.dir, r)
}

// recordFolders are the folders one or two levels under root that hold
// an export record, read with ReadDir: a Glob pattern made with root
// would read a project folder named briefs[2026] as a pattern. Dot
// folders are passed over (.git alone holds hundreds).
func recordFolders(root string) []string {
	var out []string
	level, _ := os.ReadDir(root)
	for _, e := range level {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		dir := filepath.Join(root, e.Name())
		if _, err := os.Stat(filepath.Join(dir, ExportedName)); err == nil {
			out = append(out, dir)
		}
		below, _ := os.ReadDir(dir)
		for _, f := range below {
			if sub := filepath.Join(dir, f.Name()); f.IsDir() {
				if _, err := os.Stat(filepath.Join(sub, ExportedName)); err == nil {
					out = append(out, sub)
				}
			}
		}
	}
	return out
}

// recordOf finds the record of the export whose work sum is sum: in the
// folder the file is in (DIR/<lang>/<file>), then in the export folders
// of the project at root (a record one or two folders down).
func recordOf(root, path, sum, prefer string) (fileRecord, recordAt, bool) {
	dirs := append([]string{filepath.Dir(filepath.Dir(path))}, recordFolders(root)...)
	var found fileRecord
	var foundAt recordAt
	ok := false
	for _, dir := range dirs {
		files := readRecord(dir).Files
		// In key order, and the file's own language and catalogue first
		// (prefer, "km/b."): two languages' exports with the same entries
		// (both untranslated yet) have one sum, and the record picked in
		// a map's random order made import refuse the file as the other
		// language's at random.
		for _, key := range slices.Sorted(maps.Keys(files)) {
			fr := files[key]
			for _, x := range append([]fileRecord{fr}, fr.Earlier...) {
				if x.Sum != sum {
					continue
				}
				if strings.HasPrefix(key, prefer) {
					return x, recordAt{dir: dir, file: key}, true
				}
				if !ok {
					found, foundAt, ok = x, recordAt{dir: dir, file: key}, true
				}
			}
		}
	}
	return found, foundAt, ok
}

// forgetUndone returns fr without the marks of the file from's last
// import whose work the catalogue no longer holds: its translation of the
// message is again the one the file was exported with, which the import
// had changed (git checkout of locales/, a branch switched, a commit
// reverted). Against such a mark an entry as the import took it brought
// nothing and the export over it lost the work: the catalogue was back to
// the exported text, which the mark took for an editor's fix. now gives
// the formsDigest of the catalogue's translation of a message as the file
// carries it (heldDigests).
func (fr fileRecord) forgetUndone(from string, now func(id string) string) fileRecord {
	marks := fr.Imported[from]
	var undone []string
	for id, m := range marks {
		if was, ok := fr.Held[id]; ok && m.Held != was && now(id) == was {
			undone = append(undone, id)
		}
	}
	if undone == nil {
		return fr
	}
	kept := maps.Clone(marks)
	for _, id := range undone {
		delete(kept, id)
	}
	fr.Imported = maps.Clone(fr.Imported)
	fr.Imported[from] = kept
	return fr
}

// heldDigests gives, per message ID, the formsDigest of the catalogue's
// lang translation as PO and XLIFF carry it (carried), what a record's
// Held and importMark digest.
func heldDigests(c *catalog.Catalog, domain, lang string) func(id string) string {
	en, _ := c.File(domain, "en")
	f, _ := c.File(domain, lang)
	return func(id string) string {
		var e, m *catalog.Message
		if en != nil {
			e = en.Message(id)
		}
		if f != nil {
			m = f.Message(id)
		}
		if e == nil {
			return formsDigest(nil)
		}
		return formsDigest(carried(lang, e, m))
	}
}
