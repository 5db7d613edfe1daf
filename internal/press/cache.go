package press

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/mekong-briefs/briefs/internal/diag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/pdf"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Cache remembers, for each output file (each PDF, and the index), a
// digest of the bytes of every file that went into it and a digest of what
// came out, so that a rebuild with nothing changed decodes no catalogue and
// does no typesetting: a job whose input files hash as recorded, and whose
// output is still the file recorded, is unchanged. It lives in
// <out>/.briefs-cache.json; a missing, damaged or older one is an empty
// cache (everything is built again).
type Cache struct {
	// Engine identifies the program that typesets (EngineID): a new
	// briefs binary rebuilds everything.
	Engine string
	// Project is what the project's settings give every PDF (the
	// organisation), and ProjectFiles the files they name (the masthead
	// logo): a change to either rebuilds every PDF.
	Project      string
	ProjectFiles []string
	// Root is the project's folder, absolute: the keys name each file by
	// its path from there, so that a build run with --root . and one
	// with the folder's full path, or from a CI checkout elsewhere, find
	// the same PDFs unchanged (they typeset 14 of 29 samples again).
	// Shown is the folder as this build names it (--root): the warnings
	// kept with a PDF are stored by path from Root and given back under
	// Shown, so that they point at the files where the project is now.
	Root, Shown string

	// boot is the running system's boot (atomicfile.Boot), "" where the
	// system gives none: then outputs are synced to the disk as written.
	boot string

	wdOnce  sync.Once
	workDir string // wd

	mu    sync.Mutex
	path  string
	data  cacheFile
	dirty bool              // changed since read: Save writes it
	files map[string]string // input file -> digest, read once per build
}

// cacheVersion is the layout of the cache file. Version 1 (a bare map of
// PDF records, keyed on the brief's catalogues in the PDF's language only)
// reads as empty.
const cacheVersion = 2

// cacheFile is the content of .briefs-cache.json.
type cacheFile struct {
	Version int `json:"version"`
	// Outputs holds the record of each file written, by its path under
	// the output folder: the PDFs and index.html.
	Outputs map[string]CacheEntry `json:"outputs"`
	// Memos holds values derived from input files (the stale
	// translations of a catalogue, what a brief's plan needs of it),
	// under the digest of those files.
	Memos map[string]Memo `json:"memos,omitempty"`
}

// CacheEntry is one output file's record.
type CacheEntry struct {
	Inputs string `json:"inputs"`
	Output string `json:"sha256"`
	Pages  int    `json:"pages,omitempty"`
	Bytes  int    `json:"bytes"`
	// Mtime is the file's modification time as written (Unix
	// nanoseconds): a file with another time is hashed again before it
	// counts as unchanged.
	Mtime int64 `json:"mtime"`
	// Content digests what the PDF was typeset from (ContentKey): a job
	// whose files changed but whose evaluated document did not (an edit
	// of an English message its Khmer PDF does not render) is not typeset
	// again.
	Content string `json:"content,omitempty"`
	// Title and TitleEN are the index's titles of a PDF, recorded by
	// package publish (SetTitles): an unchanged PDF's are read from here,
	// without rendering a message. Title is never empty once recorded.
	Title   string `json:"title,omitempty"`
	TitleEN string `json:"title_en,omitempty"`
	// Warnings are the findings typesetting the PDF gave (an overlong
	// word, a low-resolution figure), reported again when the PDF is
	// unchanged, as a compiler cache replays a compiler's warnings: a
	// rebuild must not make a finding vanish.
	Warnings diag.List `json:"warnings,omitempty"`
	// Warned digests the files the warnings point into (WarnedKey): an
	// edit elsewhere leaves their positions valid.
	Warned string `json:"warned,omitempty"`
	// Boot is the system boot the file was written in (atomicfile.Boot),
	// without waiting for the disk (WriteOutput): in another boot it is
	// hashed again before it counts as unchanged, since a crash may have
	// lost what the disk had not yet taken.
	Boot string `json:"boot,omitempty"`
}

// Memo is a value remembered under the digest of the files it was
// derived from.
type Memo struct {
	Inputs string          `json:"inputs"`
	Value  json.RawMessage `json:"value"`
}

// OpenCache reads the cache of an output folder; a missing, unreadable or
// damaged cache, or one of another version, is an empty one.
func OpenCache(out, engine string) *Cache {
	c := &Cache{Engine: engine, path: filepath.Join(out, ".briefs-cache.json"), files: map[string]string{}, boot: atomicfile.Boot()}
	if data, err := os.ReadFile(c.path); err == nil {
		if json.Unmarshal(data, &c.data) != nil || c.data.Version != cacheVersion {
			c.data = cacheFile{} // a half-decoded file is not to be trusted
		}
	}
	c.data.Version = cacheVersion
	if c.data.Outputs == nil {
		c.data.Outputs = map[string]CacheEntry{}
	}
	if c.data.Memos == nil {
		c.data.Memos = map[string]Memo{}
	}
	return c
}

// Inputs lists the files a job reads, sorted: its brief, the figures and
// logos it names, the project's logo, the catalogues (its own and the
// shared ones) of the PDF's language, of the brief's source language (a
// chart's numbers, a draft's fallback) and of English (which catalogue
// holds a message; the index's English title), and the project's word
// lists, all of which the line breaker takes. A file that is absent is an input too: its
// appearance rebuilds.
func (c *Cache) Inputs(j Job) []string {
	inputs := append([]string{j.Brief.File}, c.ProjectFiles...)
	if m := j.Brief.Masthead; m != nil && m.Logo != "" {
		inputs = append(inputs, filepath.Join(j.Brief.Dir, m.Logo))
	}
	for _, b := range j.Brief.Blocks {
		if b.Src != "" {
			inputs = append(inputs, filepath.Join(j.Brief.Dir, b.Src))
		}
	}
	locales := filepath.Join(filepath.Dir(filepath.Dir(j.Brief.Dir)), "locales")
	for _, l := range []string{j.Lang, j.Brief.SourceLang, "en"} {
		if l == "" {
			continue
		}
		inputs = append(inputs,
			filepath.Join(locales, j.Brief.ID+"."+l+".toml"),
			filepath.Join(locales, catalog.Shared+"."+l+".toml"))
	}
	for _, name := range catalog.WordListNames() { // the project's words change line breaks, in any language's text
		inputs = append(inputs, filepath.Join(locales, name))
	}
	sort.Strings(inputs)
	return slices.Compact(inputs)
}

// Key digests a job's inputs: the engine, the options (--justify and the
// project's style, as the builder writes them), SOURCE_DATE_EPOCH, and
// the bytes of each of its Inputs. It decodes nothing.
func (c *Cache) Key(j Job, options string) (string, error) {
	label := fmt.Sprintf("pdf\x00%s\x00%s\x00%s\x00project=%q\x00", j.Edition, j.Lang, options, c.Project)
	key, err := c.FilesKey(label, c.Inputs(j)...)
	if err != nil {
		return "", fmt.Errorf("cache key %s: %w", j.Path(), err)
	}
	return key, nil
}

// FilesKey digests a label with the engine, SOURCE_DATE_EPOCH (the
// writer puts it in every PDF) and the bytes of each file, in the order
// given; a missing file digests as absent.
func (c *Cache) FilesKey(label string, files ...string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00epoch=%s\x00%s\x00", c.Engine, os.Getenv(pdf.SourceDateEpoch), label)
	if err := c.digestFiles(h, files); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// digestFiles writes each file's path and digest to h.
func (c *Cache) digestFiles(h io.Writer, files []string) error {
	for _, f := range files {
		d, err := c.fileDigest(f)
		if err != nil {
			return err
		}
		io.WriteString(h, c.name(f)+"\x00"+d+"\x00")
	}
	return nil
}

// name is how the keys name a file: its path from Root, with slashes,
// or the path as given when it is not under Root (or Root is unset).
func (c *Cache) name(path string) string {
	if c.Root == "" {
		return path
	}
	abs := path
	if !filepath.IsAbs(path) {
		// The working folder once: filepath.Abs asks the system for it
		// at each of a rebuild's hundreds of file names (8 % of an
		// unchanged rebuild of the samples).
		wd := c.wd()
		if wd == "" {
			return path
		}
		abs = filepath.Join(wd, path)
	}
	rel, err := filepath.Rel(c.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return filepath.ToSlash(rel)
}

// wd is the working folder, asked once.
func (c *Cache) wd() string {
	c.wdOnce.Do(func() { c.workDir, _ = os.Getwd() })
	return c.workDir
}

func (c *Cache) fileDigest(path string) (string, error) {
	c.mu.Lock()
	d, ok := c.files[path]
	c.mu.Unlock()
	if ok {
		return d, nil
	}
	d, _, err := hashFile(path)
	if os.IsNotExist(err) {
		d, err = "absent", nil // evaluation reports the missing catalogue or figure
	}
	if err != nil {
		return "", err
	}
	if real := linkedTo(path); real != "" {
		// A file reached through a link digests apart from the same
		// bytes in place: a file that becomes a link (out of the project)
		// is read again by its loader, which checks where it leads.
		d = "via " + real + " " + d
	}
	c.mu.Lock()
	c.files[path] = d
	c.mu.Unlock()
	return d, nil
}

// linkedTo returns where a path really leads when a symbolic link on the
// way (the file, or a folder above it) takes it elsewhere, else "".
func linkedTo(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil || real == abs {
		return ""
	}
	return real
}

// hashFile returns the SHA-256 (hex) and size of a regular file.
func hashFile(path string) (string, int64, error) {
	f, err := source.Open(path) // not a pipe: hashing one would wait for ever
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	buf := copyBufs.Get().(*[]byte)
	defer copyBufs.Put(buf)
	// The reader hides the file's WriteTo, which would copy through a
	// new 32 KB buffer for each file: zeroing those was a tenth of an
	// unchanged rebuild.
	n, err := io.CopyBuffer(h, struct{ io.Reader }{f}, *buf)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// copyBufs holds the buffers hashFile reads through.
var copyBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// Fresh reports whether the file at path (rel under the output folder)
// was built from inputs with this key and is still the file written: the
// same size and modification time, or, when only the time differs (a
// copy, a restore), the same SHA-256.
func (c *Cache) Fresh(path, rel, key string) (CacheEntry, bool) {
	return c.fresh(path, rel, func(e CacheEntry) bool { return key != "" && e.Inputs == key })
}

// Recorded reports whether the cache has a record of the output at rel.
func (c *Cache) Recorded(rel string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.data.Outputs[rel]
	return ok
}

// FreshContent is Fresh for a PDF typeset from content with this
// ContentKey, whatever its input files were.
func (c *Cache) FreshContent(path, rel, content string) (CacheEntry, bool) {
	return c.fresh(path, rel, func(e CacheEntry) bool { return content != "" && e.Content == content })
}

func (c *Cache) fresh(path, rel string, match func(CacheEntry) bool) (CacheEntry, bool) {
	c.mu.Lock()
	e, ok := c.data.Outputs[rel]
	c.mu.Unlock()
	e.Warnings = c.shown(e.Warnings)
	if !ok || !match(e) {
		return e, false
	}
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(e.Bytes) {
		return e, false
	}
	if st.ModTime().UnixNano() == e.Mtime && e.Boot == c.boot {
		return e, true
	}
	if sum, _, err := hashFile(path); err != nil || sum != e.Output {
		return e, false
	}
	e.Mtime, e.Boot = st.ModTime().UnixNano(), c.boot
	c.mu.Lock()
	c.data.Outputs[rel], c.dirty = e, true
	c.mu.Unlock()
	return e, true
}

// ContentKey digests what a PDF is typeset from once its job is
// evaluated: the engine, SOURCE_DATE_EPOCH and label (the options, as
// for Key), the evaluated document doc (as JSON: every field is exported
// data, images included), and the bytes of the files that layout reads
// besides, which files names from the encoded document (the word lists of
// the scripts it holds).
func (c *Cache) ContentKey(label string, doc any, files func(encoded []byte) []string) (string, error) {
	var enc bytes.Buffer
	if err := json.NewEncoder(&enc).Encode(doc); err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00epoch=%s\x00%s\x00", c.Engine, os.Getenv(pdf.SourceDateEpoch), label)
	h.Write(enc.Bytes())
	if files != nil {
		if err := c.digestFiles(h, files(enc.Bytes())); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Rekey records that the output at rel, found unchanged by content,
// was made from inputs with key, so that the next build finds it fresh
// without evaluating it; its titles are to be recorded again.
func (c *Cache) Rekey(rel, key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.data.Outputs[rel]; ok && key != "" {
		e.Inputs, e.Title, e.TitleEN = key, "", ""
		c.data.Outputs[rel], c.dirty = e, true
	}
}

// Store records a file just written under the output folder at rel,
// made from inputs with key (and, for a PDF, from content).
func (c *Cache) Store(rel, key, content string, data []byte, pages int) {
	sum := sha256.Sum256(data)
	c.StoreSum(rel, key, content, hex.EncodeToString(sum[:]), len(data), pages, nil)
}

// StoreSum is Store for a file whose SHA-256 (hex) and size the caller
// has already: a PDF's, which the build reports too, with the warnings
// typesetting it gave.
func (c *Cache) StoreSum(rel, key, content, sum string, size, pages int, warnings diag.List) {
	e := CacheEntry{Inputs: key, Content: content, Output: sum, Pages: pages, Bytes: size, Warnings: c.stored(warnings), Boot: c.boot}
	if len(warnings) > 0 {
		if e.Warned = c.WarnedKey(warnings); e.Warned == "" {
			e.Warnings = nil // a file gone: typeset again next time, as for no record
			e.Content = ""
		}
	}
	if st, err := os.Stat(filepath.Join(filepath.Dir(c.path), filepath.FromSlash(rel))); err == nil {
		e.Mtime = st.ModTime().UnixNano()
	}
	c.mu.Lock()
	c.data.Outputs[rel], c.dirty = e, true
	c.mu.Unlock()
}

// stored gives warnings their files by path from Root, as the cache keeps
// them; shown gives them back under Shown.
func (c *Cache) stored(ds diag.List) diag.List {
	if c.Root == "" || len(ds) == 0 {
		return ds
	}
	out := slices.Clone(ds)
	for i := range out {
		if f := out[i].Pos.File; f != "" {
			out[i].Pos.File = c.name(f)
		}
	}
	return out
}

func (c *Cache) shown(ds diag.List) diag.List {
	if c.Root == "" || len(ds) == 0 {
		return ds
	}
	out := slices.Clone(ds)
	for i := range out {
		if f := out[i].Pos.File; f != "" && !filepath.IsAbs(f) {
			out[i].Pos.File = filepath.Join(c.Shown, filepath.FromSlash(f))
		}
	}
	return out
}

// WarnedKey digests the files that warnings point into, "" when one
// cannot be read.
func (c *Cache) WarnedKey(warnings diag.List) string {
	var files []string
	for _, d := range warnings {
		if d.Pos.File != "" && !slices.Contains(files, d.Pos.File) {
			files = append(files, d.Pos.File)
		}
	}
	slices.Sort(files)
	key, err := c.FilesKey("warnings", files...)
	if err != nil {
		return ""
	}
	return key
}

// SetTitles records the index's titles of a PDF recorded by Store.
func (c *Cache) SetTitles(rel, title, titleEN string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.data.Outputs[rel]; ok && (e.Title != title || e.TitleEN != titleEN) {
		e.Title, e.TitleEN = title, titleEN
		c.data.Outputs[rel], c.dirty = e, true
	}
}

// Entry returns the record of an output file.
func (c *Cache) Entry(rel string) (CacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.data.Outputs[rel]
	e.Warnings = c.shown(e.Warnings)
	return e, ok
}

// Memo decodes into v the value remembered under name, if it was derived
// from inputs with this key.
func (c *Cache) Memo(name, key string, v any) bool {
	c.mu.Lock()
	m, ok := c.data.Memos[name]
	c.mu.Unlock()
	return ok && key != "" && m.Inputs == key && json.Unmarshal(m.Value, v) == nil
}

// SetMemo remembers v under name, derived from inputs with key.
func (c *Cache) SetMemo(name, key string, v any) {
	data, err := json.Marshal(v)
	if err != nil || key == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if m := c.data.Memos[name]; m.Inputs != key || !bytes.Equal(m.Value, data) {
		c.data.Memos[name], c.dirty = Memo{key, data}, true
	}
}

// WriteOutput writes an output file atomically (package atomicfile), so a
// reader never sees half of it, for Store to record. On a system that
// names its boots it does not wait for the disk: an fsync was 0.5-0.7 ms
// of a one-PDF build, and 12 ms a file on a busy disk. The record is safe
// without it: a crash may leave the file empty or short, but the crash
// ends the boot, and fresh hashes a file of another boot before it trusts
// it. Elsewhere, and with no cache, the file is synced as written.
func (c *Cache) WriteOutput(path string, data []byte) error {
	if c == nil || c.boot == "" {
		return atomicfile.Write(path, data)
	}
	return atomicfile.WriteDerived(path, data)
}

// Save writes the cache atomically, if it changed.
func (c *Cache) Save() error {
	c.mu.Lock()
	if !c.dirty {
		c.mu.Unlock()
		return nil
	}
	data, err := json.Marshal(c.data)
	c.dirty = false
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("save cache: %w", err)
	}
	// Not synced: a cache lost in a crash, or left empty, only makes the
	// next build typeset everything (OpenCache distrusts what it cannot
	// decode).
	return atomicfile.WriteDerived(c.path, data)
}

// Forget drops the record of a PDF, so that the next build typesets it
// again (a draft written under the PDF's name is never "unchanged").
func (c *Cache) Forget(rel string) {
	c.mu.Lock()
	if _, ok := c.data.Outputs[rel]; ok {
		delete(c.data.Outputs, rel)
		c.dirty = true
	}
	c.mu.Unlock()
}
