package publish

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/source"
)

// ManifestName and IndexName are the files WriteManifest and WriteIndex
// write at the top of the output folder.
const (
	ManifestName = "manifest.json"
	IndexName    = "index.html"
)

// ManifestVersion is the version of the manifest.json schema.
const ManifestVersion = 1

// Entry describes one published PDF. It is one element of manifest.json's
// "pdfs" array and one link of index.html.
type Entry struct {
	Brief   string `json:"brief"`    // brief ID, e.g. "jobs-in-sezs"
	Title   string `json:"title"`    // the brief's title in Lang
	TitleEN string `json:"title_en"` // the brief's title in English; "" if it has no English catalogue
	Date    string `json:"date"`     // publication date, YYYY-MM-DD
	Edition string `json:"edition"`  // edition: a country code or "region"
	Lang    string `json:"lang"`     // language code, a row of internal/lang
	Path    string `json:"path"`     // slash-separated, relative to the output folder
	Pages   int    `json:"pages"`
	Bytes   int64  `json:"bytes"`
	SHA256  string `json:"sha256"` // of the PDF file, lower-case hex
	// Draft is set when the PDF was built with --draft and some messages
	// fell back to the source language; absent otherwise.
	Draft bool `json:"draft,omitempty"`
	// NativeDigits is set when the PDF prints numbers in the language's
	// own digits; the index counts its pages in them too. Absent
	// otherwise.
	NativeDigits bool `json:"native_digits,omitempty"`
}

// Manifest is the content of manifest.json:
//
//	{
//	  "version": 1,
//	  "pdfs": [
//	    {
//	      "brief": "jobs-in-sezs",
//	      "title": "ការងារក្នុងតំបន់សេដ្ឋកិច្ចពិសេស",
//	      "title_en": "Jobs in SEZs",
//	      "date": "2019-07-01",
//	      "edition": "kh",
//	      "lang": "km",
//	      "path": "jobs-in-sezs/jobs-in-sezs.kh.km.pdf",
//	      "pages": 2,
//	      "bytes": 51234,
//	      "sha256": "9f86d081884c7d65…"
//	    }
//	  ]
//	}
//
// "pdfs" is sorted by path, which is unique; fields are always present, in
// this order, but for the optional ones ("draft", "shard"). The file is
// indented with two spaces, ends with a newline, escapes no HTML characters
// and holds no timestamp, so the same PDFs always give the same bytes. A
// reader should ignore fields it does not know; a change that removes or
// redefines a field bumps "version".
//
// A build --shard K/N writes "shard": {"k": K, "n": N} after "version":
// every PDF it lists is of that share, so that merge can tell when a share
// is missing or given twice. A build of the whole matrix, a merge, and
// every manifest written before the field existed have none; adding it
// did not bump "version", as older readers may ignore it.
type Manifest struct {
	Version int     `json:"version"`
	Shard   *Share  `json:"shard,omitempty"`
	PDFs    []Entry `json:"pdfs"`
}

// Share is the manifest's "shard": share K of N of the matrix (build
// --shard K/N), K counting from 1.
type Share struct {
	K int `json:"k"`
	N int `json:"n"`
}

// String is K/N, as --shard takes it.
func (s Share) String() string { return fmt.Sprintf("%d/%d", s.K, s.N) }

// EntryFor describes the PDF that a successful Result wrote (or found
// unchanged) under out: it takes the pages from the Result, and the
// PDF's SHA-256 and titles from it when the build's cache gave them;
// otherwise it hashes the file itself and renders the brief's title (its
// first title block) from cat in the PDF's language and in English.
func EntryFor(out string, r press.Result, cat *catalog.Catalog) (Entry, error) {
	if r.Failed() {
		return Entry{}, fmt.Errorf("describe %s: the build failed: %s", r.Job.Path(), r.Reason())
	}
	var e Entry
	var err error
	if r.SHA256 != "" {
		e = Entry{Brief: r.Job.Brief.ID, Date: r.Job.Brief.Date.Format("2006-01-02"), Edition: r.Job.Edition,
			Lang: r.Job.Lang, Path: r.Job.Path(), Pages: r.Pages, SHA256: r.SHA256, Bytes: int64(r.Bytes)}
		e.Title, e.TitleEN = r.Title, r.TitleEN
		if e.Title == "" {
			e.Title, e.TitleEN = titles(cat, r.Job)
		}
	} else {
		e, err = ScanEntry(out, r.Job, r.Pages, cat)
	}
	e.Draft, e.NativeDigits = r.Draft, r.NativeDigits
	return e, err
}

// ScanEntry describes the PDF of a job that is already under out and has
// the given number of pages.
func ScanEntry(out string, j press.Job, pages int, cat *catalog.Catalog) (Entry, error) {
	e := Entry{Brief: j.Brief.ID, Date: j.Brief.Date.Format("2006-01-02"),
		Edition: j.Edition, Lang: j.Lang, Path: j.Path(), Pages: pages}
	sum, n, err := hashFile(filepath.Join(out, filepath.FromSlash(e.Path)))
	if err != nil {
		return Entry{}, fmt.Errorf("describe %s: %w", e.Path, err)
	}
	e.SHA256, e.Bytes = sum, n
	e.Title, e.TitleEN = titles(cat, j)
	return e, nil
}

// titles renders a job's title in its language and in English ("" if
// the brief has no English catalogue). A draft may lack its title in its
// language: it is listed under the English title, or its ID, rather than
// not at all.
func titles(cat *catalog.Catalog, j press.Job) (title, titleEN string) {
	titleEN, err := Title(cat, j.Brief, "en")
	if err != nil {
		titleEN = "" // a brief need not be published in English
	}
	if title, err = Title(cat, j.Brief, j.Lang); err != nil {
		title = cmp.Or(titleEN, j.Brief.ID)
	}
	return title, titleEN
}

// Entries describes the PDF of every successful result, in the results'
// order; failed results are left out.
func Entries(out string, results []press.Result, cat *catalog.Catalog) ([]Entry, error) {
	var es []Entry
	for _, r := range results {
		if r.Failed() {
			continue
		}
		e, err := EntryFor(out, r, cat)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, nil
}

// Title renders a brief's title, the message of its first title block, in
// a language. A brief without a title block has its ID as title.
func Title(cat *catalog.Catalog, b *source.Brief, lang string) (string, error) {
	for _, bl := range b.Blocks {
		if bl.Kind != source.Title {
			continue
		}
		loc, err := cat.Localizer(b.ID, lang)
		if err != nil {
			return "", fmt.Errorf("title of %s: %w", b.ID, err)
		}
		t, err := loc.Text(bl.Msg, nil)
		if err != nil {
			return "", fmt.Errorf("title of %s: %w", b.ID, err)
		}
		return t, nil
	}
	return b.ID, nil
}

// WriteManifest writes out/manifest.json (see Manifest) atomically.
func WriteManifest(out string, entries []Entry) error {
	data, err := MarshalManifest(entries)
	if err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(out, ManifestName), data); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

// MarshalManifest returns the bytes of manifest.json for entries.
func MarshalManifest(entries []Entry) ([]byte, error) {
	return marshalManifest(entries, nil)
}

// marshalManifest returns the bytes of manifest.json for entries, which a
// build of share (nil: of the whole matrix) wrote.
func marshalManifest(entries []Entry, share *Share) ([]byte, error) {
	m := Manifest{Version: ManifestVersion, Shard: share, PDFs: sortedEntries(entries)}
	if m.PDFs == nil {
		m.PDFs = []Entry{} // "pdfs": [] rather than null
	}
	for i := 1; i < len(m.PDFs); i++ {
		if m.PDFs[i].Path == m.PDFs[i-1].Path {
			return nil, fmt.Errorf("two entries for %s", m.PDFs[i].Path)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// jsonPos is FILE:LINE:COL of a JSON decoding error, from its byte
// offset (column in bytes), or FILE:1:1.
func jsonPos(file string, data []byte, err error) string {
	off := int64(0)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset - 1 // the offset is past the offending byte
	case errors.As(err, &te):
		off = te.Offset
	}
	off = max(0, min(off, int64(len(data))))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// ReadManifest reads out/manifest.json. A missing manifest is no entries
// and no error, so a first build can merge with it.
func ReadManifest(out string) ([]Entry, error) {
	m, _, err := readManifest(out)
	return m.PDFs, err
}

// ReadBuild reads the manifest of a build's output folder, for a command
// that reads another build's output (merge) rather than adding to it: there
// a missing manifest means the folder is not a build's output at all (a
// shell glob that matched nothing, an artefact not downloaded), so it is
// an error that wraps fs.ErrNotExist, not an empty build.
func ReadBuild(out string) (Manifest, error) {
	data, err := os.ReadFile(filepath.Join(out, ManifestName))
	if err != nil {
		return Manifest{}, fmt.Errorf("read manifest: %w", err)
	}
	return decodeManifest(out, data)
}

// readManifest is ReadManifest that also returns the file's bytes.
func readManifest(out string) (Manifest, []byte, error) {
	data, err := os.ReadFile(filepath.Join(out, ManifestName))
	if os.IsNotExist(err) {
		return Manifest{}, nil, nil
	}
	if err != nil {
		return Manifest{}, nil, fmt.Errorf("read manifest: %w", err)
	}
	m, err := decodeManifest(out, data)
	return m, data, err
}

func decodeManifest(out string, data []byte) (Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return Manifest{}, fmt.Errorf("%s: read manifest: %w", jsonPos(filepath.Join(out, ManifestName), data, err), err)
	}
	if m.Version != ManifestVersion {
		return Manifest{}, fmt.Errorf("read manifest: version %d, want %d", m.Version, ManifestVersion)
	}
	if s := m.Shard; s != nil && (s.N < 1 || s.K < 1 || s.K > s.N) {
		return Manifest{}, fmt.Errorf("%s: read manifest: shard %s is not K/N with 1 ≤ K ≤ N",
			filepath.Join(out, ManifestName), s)
	}
	return m, nil
}

// MergeEntries returns the entries of old not replaced by one of newer
// (same path) and whose PDF is still under out, plus newer: a filtered
// build (--lang km) keeps listing the PDFs it did not rebuild.
func MergeEntries(out string, old, newer []Entry) []Entry {
	seen := map[string]bool{}
	for _, e := range newer {
		seen[e.Path] = true
	}
	merged := slices.Clone(newer)
	for _, e := range old {
		if seen[e.Path] {
			continue
		}
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(e.Path))); err == nil {
			merged = append(merged, e)
		}
	}
	return sortedEntries(merged)
}

// sortedEntries returns a copy of entries sorted by path.
func sortedEntries(entries []Entry) []Entry {
	s := slices.Clone(entries)
	slices.SortStableFunc(s, func(a, b Entry) int { return cmp.Compare(a.Path, b.Path) })
	return s
}

// hashFile returns the SHA-256 (hex) and size of a file.
func hashFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
