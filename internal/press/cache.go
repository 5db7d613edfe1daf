package press

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Cache remembers, for each PDF, a digest of everything that went into it
// and a digest of what came out, so that a rebuild with nothing changed
// does no typesetting. It lives in <out>/.briefs-cache.json.
type Cache struct {
	// Engine identifies the program that typesets (a digest of the
	// executable): a new briefs binary rebuilds everything.
	Engine string
	// Project is what the project's settings give every PDF (the
	// organisation), and ProjectFiles the files they name (the masthead
	// logo): a change to either rebuilds every PDF.
	Project      string
	ProjectFiles []string

	mu      sync.Mutex
	path    string
	entries map[string]CacheEntry
	files   map[string]string // input file -> digest, read once per build
}

// CacheEntry is one PDF's record.
type CacheEntry struct {
	Inputs string `json:"inputs"`
	Output string `json:"sha256"`
	Pages  int    `json:"pages"`
	Bytes  int    `json:"bytes"`
}

// OpenCache reads the cache of an output folder; a missing or unreadable
// cache is an empty one.
func OpenCache(out, engine string) *Cache {
	c := &Cache{Engine: engine, path: filepath.Join(out, ".briefs-cache.json"),
		entries: map[string]CacheEntry{}, files: map[string]string{}}
	if data, err := os.ReadFile(c.path); err == nil {
		json.Unmarshal(data, &c.entries)
	}
	return c
}

// Key digests a job's inputs: the engine, the options (--justify and the
// project's style, as the builder writes them), the brief file and its
// images, and the catalogues of its language.
func (c *Cache) Key(j Job, options string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", c.Engine, j.Edition, j.Lang, options)
	// SOURCE_DATE_EPOCH changes the dates the writer puts in every PDF.
	fmt.Fprintf(h, "epoch=%s\x00", os.Getenv("SOURCE_DATE_EPOCH"))
	fmt.Fprintf(h, "project=%q\x00", c.Project)
	// The inputs are the files the brief uses: its source, its figures
	// (wherever src points) and the catalogues of the language.
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
	inputs = append(inputs,
		filepath.Join(locales, j.Brief.ID+"."+j.Lang+".toml"),
		filepath.Join(locales, "shared."+j.Lang+".toml"),
		filepath.Join(locales, catalog.WordListName(j.Lang))) // the project's words change line breaks
	sort.Strings(inputs)
	for _, f := range inputs {
		d, err := c.fileDigest(f)
		if err != nil {
			return "", fmt.Errorf("cache key %s: %w", j.Path(), err)
		}
		fmt.Fprintf(h, "%s\x00%s\x00", f, d)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (c *Cache) fileDigest(path string) (string, error) {
	c.mu.Lock()
	d, ok := c.files[path]
	c.mu.Unlock()
	if ok {
		return d, nil
	}
	f, err := source.Open(path) // not a pipe: hashing one would wait for ever
	if os.IsNotExist(err) {
		return "absent", nil // evaluation reports the missing catalogue
	}
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	d = hex.EncodeToString(h.Sum(nil))
	c.mu.Lock()
	c.files[path] = d
	c.mu.Unlock()
	return d, nil
}

// Fresh reports whether the PDF at path was built from inputs with this
// key and is still there, the same size as written.
func (c *Cache) Fresh(path, rel, key string) (CacheEntry, bool) {
	c.mu.Lock()
	e, ok := c.entries[rel]
	c.mu.Unlock()
	if !ok || e.Inputs != key {
		return e, false
	}
	st, err := os.Stat(path)
	return e, err == nil && st.Size() == int64(e.Bytes)
}

// Store records a PDF just written.
func (c *Cache) Store(rel, key string, data []byte, pages int) {
	sum := sha256.Sum256(data)
	c.mu.Lock()
	c.entries[rel] = CacheEntry{Inputs: key, Output: hex.EncodeToString(sum[:]), Pages: pages, Bytes: len(data)}
	c.mu.Unlock()
}

// Entry returns the record of a PDF.
func (c *Cache) Entry(rel string) (CacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[rel]
	return e, ok
}

// Save writes the cache atomically.
func (c *Cache) Save() error {
	c.mu.Lock()
	data, err := json.MarshalIndent(c.entries, "", "  ")
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("save cache: %w", err)
	}
	return WriteFile(c.path, data)
}

// EngineID identifies the program that typesets, for the cache: the
// link-time stamp of a release (make build stamps git describe; a -dirty
// or devel stamp does not count), else the VCS revision Go recorded for a
// clean checkout, else the executable's path, size and time. It never
// reads the binary's bytes.
func EngineID(stamp string) string {
	if stamp != "" && !strings.HasSuffix(stamp, "-dirty") && !strings.HasPrefix(stamp, "devel") {
		return "release:" + stamp + ":" + runtime.Version()
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", true
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" && !modified {
			return "vcs:" + rev
		}
	}
	return executableDigest()
}

func executableDigest() string {
	// The binary's path, size and modification time, not a digest of its
	// 20 MB: a rebuilt binary is a new file, and hashing it cost a sixth
	// of a cold build (issue 17).
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("exe:%s:%d:%d", exe, st.Size(), st.ModTime().UnixNano())
}

// Forget drops the record of a PDF, so that the next build typesets it
// again (a draft written under the PDF's name is never "unchanged").
func (c *Cache) Forget(rel string) {
	c.mu.Lock()
	delete(c.entries, rel)
	c.mu.Unlock()
}
