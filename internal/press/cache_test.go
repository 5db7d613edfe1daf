package press

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestCacheKeyFollowsInputs checks that the key changes when a figure or
// a catalogue changes, ignores unrelated files and folders in the brief's
// folder, and survives a missing catalogue.
func TestCacheKeyFollowsInputs(t *testing.T) {
	root, dir := briefProject(t)
	os.MkdirAll(filepath.Join(dir, "drafts"), 0o755)
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("one"), 0o644)
	os.WriteFile(filepath.Join(root, "locales", "b.km.toml"), []byte("[t]\nother = \"x\""), 0o644)
	br := &source.Brief{ID: "b", Dir: dir, File: filepath.Join(dir, "brief.toml"),
		Blocks: []source.Block{{Kind: source.Figure, Src: "logo.png"}}}
	job := Job{Brief: br, Edition: "kh", Lang: "km"}
	key := func() string { return freshKey(t, job) }
	k0 := key()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("unrelated"), 0o644)
	if key() != k0 {
		t.Error("an unrelated file changed the key")
	}
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("two"), 0o644)
	k1 := key()
	if k1 == k0 {
		t.Error("a changed figure kept the key")
	}
	os.WriteFile(filepath.Join(root, "locales", "b.km.toml"), []byte("[t]\nother = \"y\""), 0o644)
	if key() == k1 {
		t.Error("a changed catalogue kept the key")
	}
	os.Remove(filepath.Join(root, "locales", "b.km.toml"))
	key() // a missing catalogue is not an error here
}

// TestCacheKeyFollowsSourceDateEpoch: the writer puts SOURCE_DATE_EPOCH
// into every PDF, so a change to it must rebuild.
func TestCacheKeyFollowsSourceDateEpoch(t *testing.T) {
	root := testkit.Samples(t)
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	if ds.HasErrors() || len(briefs) == 0 {
		t.Fatal(ds)
	}
	jobs, err := Plan(briefs, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	c := OpenCache(t.TempDir(), "test")
	t.Setenv("SOURCE_DATE_EPOCH", "")
	a, _ := c.Key(jobs[0], "")
	t.Setenv("SOURCE_DATE_EPOCH", "1577836800")
	b, _ := c.Key(jobs[0], "")
	if a == "" || a == b {
		t.Errorf("keys %q and %q: SOURCE_DATE_EPOCH does not change the cache key", a, b)
	}
}

// TestCacheKeyFollowsTheMasthead checks that what makes the masthead is
// in the key: the brief's own masthead logo, the project's organisation
// and the project's logo file.
func TestCacheKeyFollowsTheMasthead(t *testing.T) {
	root, dir := briefProject(t)
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("one"), 0o644)
	os.WriteFile(filepath.Join(root, "project-logo.png"), []byte("one"), 0o644)
	br := &source.Brief{ID: "b", Dir: dir, File: filepath.Join(dir, "brief.toml"), Masthead: &source.Masthead{Logo: "logo.png"}}
	job := Job{Brief: br, Edition: "kh", Lang: "km"}
	key := func(org string, files ...string) string {
		c := OpenCache(t.TempDir(), "engine")
		c.Project, c.ProjectFiles = org, files
		k, err := c.Key(job, "")
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	k0 := key("")
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("two"), 0o644)
	k1 := key("")
	if k1 == k0 {
		t.Error("a changed masthead logo kept the key")
	}
	if key("Mekong Migration Network") == k1 {
		t.Error("the organisation does not change the key")
	}
	logo := filepath.Join(root, "project-logo.png")
	k2 := key("", logo)
	os.WriteFile(logo, []byte("two"), 0o644)
	if k2 == k1 || key("", logo) == k2 {
		t.Error("the project's logo is not in the key")
	}
}

// TestCacheKeyReadsSourceAndEnglishCatalogues: a chart's numbers come
// from the source language and the message's catalogue is the English
// one's, so both are inputs of every PDF; another language's is not.
func TestCacheKeyReadsSourceAndEnglishCatalogues(t *testing.T) {
	root, dir := briefProject(t)
	br := &source.Brief{ID: "b", Dir: dir, File: filepath.Join(dir, "brief.toml"), SourceLang: "th"}
	job := Job{Brief: br, Edition: "kh", Lang: "km"}
	key := func() string { return freshKey(t, job) }
	k := key()
	for _, name := range []string{"b.th.toml", "shared.th.toml", "b.en.toml", "shared.en.toml", "b.vi.toml"} {
		os.WriteFile(filepath.Join(root, "locales", name), []byte("# "+name), 0o644)
		next := key()
		if changed := next != k; changed != (name != "b.vi.toml") {
			t.Errorf("writing %s: key changed %v", name, changed)
		}
		k = next
	}
}

// TestCacheFreshFollowsTheOutput: a recorded output is fresh while it is
// the file written; a copy with another time but the same bytes is still
// fresh; other bytes of the same size, another size, or no file are not;
// and a damaged cache file is an empty cache.
func TestCacheFreshFollowsTheOutput(t *testing.T) {
	out := t.TempDir()
	path := filepath.Join(out, "b", "b.kh.km.pdf")
	data := []byte("%PDF-1.7 pretend")
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, data, 0o644)
	c := OpenCache(out, "engine")
	c.Store("b/b.kh.km.pdf", "key", "", data, 2)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	fresh := func() bool {
		_, ok := OpenCache(out, "engine").Fresh(path, "b/b.kh.km.pdf", "key")
		return ok
	}
	if !fresh() {
		t.Fatal("the file just written is not fresh")
	}
	if _, ok := OpenCache(out, "engine").Fresh(path, "b/b.kh.km.pdf", "other key"); ok {
		t.Error("another key is fresh")
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(path, old, old)
	if !fresh() {
		t.Error("the same bytes with another time are not fresh")
	}
	data[3] = 'X'
	os.WriteFile(path, data, 0o644)
	if fresh() {
		t.Error("other bytes of the same size are fresh")
	}
	os.WriteFile(path, append(data, '\n'), 0o644)
	if fresh() {
		t.Error("a file of another size is fresh")
	}
	os.Remove(path)
	if fresh() {
		t.Error("a missing file is fresh")
	}
	for _, damaged := range []string{`{"version": 2, "outputs": {"b/b.kh.km.pdf": {"inputs": "key"`, `{"version": 2, "outputs": {"b/b.kh.km.pdf": {"inputs": "key", "bytes": "x"}}}`, `[]`} {
		os.WriteFile(filepath.Join(out, ".briefs-cache.json"), []byte(damaged), 0o644)
		if _, ok := OpenCache(out, "engine").Entry("b/b.kh.km.pdf"); ok {
			t.Errorf("a damaged cache %q kept a record", damaged)
		}
	}
}

// TestCacheChecksAnOutputOfAnotherBoot: an output written without
// waiting for the disk (WriteOutput) is trusted by its size and time in
// the boot it was written in; in another boot, after the crash that may
// have lost its data, it is hashed first. Its bytes are changed here with
// the size and time kept, as a crash that lost the data would leave them.
func TestCacheChecksAnOutputOfAnotherBoot(t *testing.T) {
	out := t.TempDir()
	rel := "b/b.kh.km.pdf"
	path := filepath.Join(out, "b", "b.kh.km.pdf")
	data := []byte("%PDF-1.7 pretend")
	os.MkdirAll(filepath.Dir(path), 0o755)
	open := func(boot string) *Cache {
		c := OpenCache(out, "engine")
		c.boot = boot
		return c
	}
	c := open("boot-1")
	if err := c.WriteOutput(path, data); err != nil {
		t.Fatal(err)
	}
	c.Store(rel, "key", "", data, 2)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	lost := bytes.Repeat([]byte{0}, len(data))
	os.WriteFile(path, lost, 0o644)
	os.Chtimes(path, st.ModTime(), st.ModTime())
	if _, ok := open("boot-1").Fresh(path, rel, "key"); !ok {
		t.Error("within its boot, an output of the recorded size and time is not trusted")
	}
	if _, ok := open("boot-2").Fresh(path, rel, "key"); ok {
		t.Error("in another boot, an output whose bytes were lost is fresh")
	}
	os.WriteFile(path, data, 0o644)
	os.Chtimes(path, st.ModTime(), st.ModTime())
	c = open("boot-2")
	e, ok := c.Fresh(path, rel, "key")
	if !ok || e.Boot != "boot-2" {
		t.Errorf("in another boot, the whole output: fresh %v, boot %q (want true, boot-2)", ok, e.Boot)
	}
	if got, _ := c.Entry(rel); got.Boot != "boot-2" {
		t.Errorf("a checked output is recorded under boot %q, want boot-2: it would be hashed at every build", got.Boot)
	}
}

// TestWriteOutputSyncsWithoutABoot: where the system names no boot, an
// output is written as any file is, and is whole.
func TestWriteOutputSyncsWithoutABoot(t *testing.T) {
	out := t.TempDir()
	path := filepath.Join(out, "index.html")
	for _, c := range []*Cache{nil, {boot: ""}} {
		if err := c.WriteOutput(path, []byte("<p>x</p>")); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != "<p>x</p>" {
			t.Errorf("cache %v wrote %q", c, got)
		}
	}
}

// TestCacheKeyFollowsLinks: an input that becomes a symbolic link, even
// to the same bytes, changes the key, so that its loader reads it again
// and checks where it leads.
func TestCacheKeyFollowsLinks(t *testing.T) {
	root, dir := briefProject(t)
	cat := filepath.Join(root, "locales", "b.km.toml")
	os.WriteFile(cat, []byte("[t]\nother = \"x\""), 0o644)
	job := Job{Brief: &source.Brief{ID: "b", Dir: dir, File: filepath.Join(dir, "brief.toml")}, Edition: "kh", Lang: "km"}
	key := func() string { return freshKey(t, job) }
	k := key()
	outside := filepath.Join(t.TempDir(), "b.km.toml")
	os.WriteFile(outside, []byte("[t]\nother = \"x\""), 0o644)
	os.Remove(cat)
	if err := os.Symlink(outside, cat); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if key() == k {
		t.Error("a catalogue that became a link to the same bytes kept the key")
	}
}

// freshKey is a job's key from a new cache.
func freshKey(t *testing.T, job Job) string {
	t.Helper()
	k, err := OpenCache(t.TempDir(), "engine").Key(job, "")
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// briefProject makes a project with one brief, b, whose brief.toml holds
// only its ID, and an empty locales folder; it returns the project's
// folder and the brief's.
func briefProject(t *testing.T) (root, dir string) {
	t.Helper()
	root = t.TempDir()
	dir = filepath.Join(root, "briefs", "b")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "locales"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "brief.toml"), []byte("id = \"b\""), 0o644); err != nil {
		t.Fatal(err)
	}
	return root, dir
}

// TestContentKeyIgnoresPositions: a document whose blocks moved in
// brief.toml (a withdrawn edition above them, a comment) has the content
// key it had, and one whose text changed has another. Every PDF of a brief
// was typeset again, to the same bytes, when a line above its blocks went.
func TestContentKeyIgnoresPositions(t *testing.T) {
	br, cat, _ := sampleBrief(t, "jobs-in-sezs")
	doc, ds := content.Evaluate(br, cat, "region", "en")
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	c := OpenCache(t.TempDir(), "engine")
	key := func() string {
		k, err := c.ContentKey("options", doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	before := key()
	for i := range doc.Blocks {
		doc.Blocks[i].Pos.Line += 5
	}
	if doc.Masthead != nil {
		doc.Masthead.NamePos.Line += 5
	}
	if moved := key(); moved != before {
		t.Errorf("content key changed with the blocks' lines alone")
	}
	doc.Title += "!"
	if key() == before {
		t.Errorf("content key did not change with the title")
	}
}
