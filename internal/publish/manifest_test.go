package publish

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtureBriefs are three small briefs: one in four languages and two
// editions, one with a Vietnamese edition, one with no English at all.
func fixtureBriefs() []*source.Brief {
	title := []source.Block{{Kind: source.Title, Msg: "title"}}
	day := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
	return []*source.Brief{
		{ID: "jobs", Date: day(2019, time.July), SourceLang: "en", Blocks: title, Editions: []source.Edition{
			{Country: "region", Languages: []string{"my", "en", "km", "th"}},
			{Country: "kh", Languages: []string{"en", "km"}},
		}},
		{ID: "care", Date: day(2019, time.November), SourceLang: "en", Blocks: title, Editions: []source.Edition{
			{Country: "vn", Languages: []string{"en", "vi"}},
		}},
		{ID: "thai-only", Date: day(2018, time.March), SourceLang: "th", Blocks: title, Editions: []source.Edition{
			{Country: "th", Languages: []string{"th"}},
		}},
	}
}

// fixtureTree writes a fake PDF for every fixture job into a temporary
// output folder and returns it with the entries that describe it.
func fixtureTree(t *testing.T) (string, []Entry, *catalog.Catalog) {
	t.Helper()
	cat, ds := catalog.Load(filepath.Join("testdata", "locales"))
	if len(ds) > 0 {
		t.Fatalf("fixture catalogues: %v", ds)
	}
	jobs, err := press.Plan(fixtureBriefs(), press.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var es []Entry
	for i, j := range jobs {
		// Sizes and page counts vary so the index shows plural forms and KB rounding.
		data := []byte("%PDF-1.7\n% fixture " + j.Path() + "\n" + strings.Repeat("x", 700*i*i))
		if err := press.WriteFile(filepath.Join(out, filepath.FromSlash(j.Path())), data); err != nil {
			t.Fatal(err)
		}
		e, err := EntryFor(out, press.Result{Job: j, Pages: 1 + i%3, Bytes: len(data)}, cat)
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	return out, es, cat
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./internal/publish -update rewrites it); got:\n%s", name, got)
	}
}

func TestManifestGolden(t *testing.T) {
	out, es, _ := fixtureTree(t)
	if err := WriteManifest(out, es); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "manifest.golden.json", got)

	back, err := ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, sortedEntries(es)) {
		t.Errorf("ReadManifest after WriteManifest:\n got %+v\nwant %+v", back, sortedEntries(es))
	}
}

func TestManifestIsDeterministic(t *testing.T) {
	_, es, _ := fixtureTree(t)
	a, err := MarshalManifest(es)
	if err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(es)
	slices.Reverse(rev)
	b, err := MarshalManifest(rev)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the manifest depends on the order of the entries")
	}
	if !bytes.HasSuffix(a, []byte("}\n")) {
		t.Error("the manifest does not end with a newline")
	}
}

func TestManifestEntriesMatchFiles(t *testing.T) {
	out, es, _ := fixtureTree(t)
	for _, e := range es {
		sum, n, err := hashFile(filepath.Join(out, filepath.FromSlash(e.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if sum != e.SHA256 || n != e.Bytes || len(e.SHA256) != 64 {
			t.Errorf("%s: entry says %d bytes, sha256 %s; file has %d, %s", e.Path, e.Bytes, e.SHA256, n, sum)
		}
	}
}

func TestEmptyManifest(t *testing.T) {
	got, err := MarshalManifest(nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"version\": 1,\n  \"pdfs\": []\n}\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if es, err := ReadManifest(t.TempDir()); err != nil || es != nil {
		t.Errorf("ReadManifest of a folder without one = %v, %v; want nil, nil", es, err)
	}
}

// TestReadBuildWantsAManifest: ReadBuild, for merge, treats a folder
// without manifest.json as no build (fs.ErrNotExist), where ReadManifest
// treats it as an empty one.
func TestReadBuildWantsAManifest(t *testing.T) {
	if _, err := ReadBuild(t.TempDir()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadBuild of a folder without a manifest: %v, want fs.ErrNotExist", err)
	}
	out, es, _ := fixtureTree(t)
	if err := WriteManifest(out, es); err != nil {
		t.Fatal(err)
	}
	m, err := ReadBuild(out)
	if err != nil || len(m.PDFs) != len(es) {
		t.Errorf("ReadBuild of a build = %d entries, %v; want %d, nil", len(m.PDFs), err, len(es))
	}
}

// TestManifestShard: UpdateCached records a shard build's share after
// "version" and reads it back; a manifest without it (a build of the whole
// matrix, or one written before the field existed) reads with none, and a
// share that is not K/N is refused.
func TestManifestShard(t *testing.T) {
	out, es, cat := fixtureTree(t)
	share := &Share{K: 2, N: 4}
	if _, err := UpdateCached(out, Site{}, es, cat, nil, nil, share); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(out, ManifestName))
	if want := "{\n  \"version\": 1,\n  \"shard\": {\n    \"k\": 2,\n    \"n\": 4\n  },\n  \"pdfs\": ["; !bytes.HasPrefix(data, []byte(want)) {
		t.Errorf("manifest of a shard begins\n%s\nwant\n%s", data[:min(len(data), 80)], want)
	}
	if m, err := ReadBuild(out); err != nil || m.Shard == nil || *m.Shard != *share {
		t.Errorf("ReadBuild: shard %v, %v; want %v", m.Shard, err, share)
	}
	old := []byte(`{"version": 1, "pdfs": []}`)
	os.WriteFile(filepath.Join(out, ManifestName), old, 0o644)
	if m, err := ReadBuild(out); err != nil || m.Shard != nil {
		t.Errorf("ReadBuild of a manifest without shard: %v, %v; want none", m.Shard, err)
	}
	bad := []byte(`{"version": 1, "shard": {"k": 5, "n": 4}, "pdfs": []}`)
	os.WriteFile(filepath.Join(out, ManifestName), bad, 0o644)
	if _, err := ReadBuild(out); err == nil || !strings.Contains(err.Error(), "5/4") {
		t.Errorf("ReadBuild of shard 5/4: %v, want an error naming it", err)
	}
}

func TestManifestRejectsDuplicatePaths(t *testing.T) {
	e := Entry{Brief: "a", Path: "a/a.region.en.pdf"}
	if _, err := MarshalManifest([]Entry{e, e}); err == nil {
		t.Error("two entries with one path: no error")
	}
}

func TestEntryForFailedResult(t *testing.T) {
	j := press.Job{Brief: fixtureBriefs()[0], Edition: "region", Lang: "en"}
	_, err := EntryFor(t.TempDir(), press.Result{Job: j, Err: errors.New("boom")}, nil)
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("got %v, want the build's error", err)
	}
}

func TestEntriesSkipFailures(t *testing.T) {
	out, es, cat := fixtureTree(t)
	jobs, _ := press.Plan(fixtureBriefs(), press.Filter{})
	rs := []press.Result{{Job: jobs[0], Pages: 1}, {Job: jobs[1], Err: errors.New("boom")}}
	got, err := Entries(out, rs, cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Path != es[0].Path {
		t.Errorf("got %+v, want only %s", got, es[0].Path)
	}
}

func TestMergeEntries(t *testing.T) {
	out, es, _ := fixtureTree(t)
	gone := Entry{Brief: "gone", Path: "gone/gone.region.en.pdf"}
	fresh := es[0]
	fresh.Pages = 99
	got := MergeEntries(out, append(slices.Clone(es), gone), []Entry{fresh})
	if len(got) != len(es) {
		t.Fatalf("got %d entries, want %d (the deleted PDF dropped)", len(got), len(es))
	}
	for _, e := range got {
		if e.Path == fresh.Path && e.Pages != 99 {
			t.Errorf("%s: the old entry was kept over the new one", e.Path)
		}
	}
}

func TestTitleWithoutEnglish(t *testing.T) {
	_, es, _ := fixtureTree(t)
	for _, e := range es {
		if e.Brief == "thai-only" && (e.TitleEN != "" || e.Title == "") {
			t.Errorf("thai-only: title %q, English title %q; want a Thai title and no English", e.Title, e.TitleEN)
		}
		if e.Brief == "jobs" && e.TitleEN == "" {
			t.Errorf("%s: no English title", e.Path)
		}
	}
}

// TestReadOnlyFolders: the errors of a folder this build may not write,
// on which an unchanged build reads the index and manifest without the
// lock (a CI cache restored read-only failed every build on the lock).
func TestReadOnlyFolders(t *testing.T) {
	for err, want := range map[error]bool{
		&fs.PathError{Op: "open", Path: "dist/.briefs-lock", Err: syscall.EACCES}: true,
		&fs.PathError{Op: "open", Path: "dist/.briefs-lock", Err: syscall.EROFS}:  true,
		&fs.PathError{Op: "open", Path: "dist/.briefs-lock", Err: syscall.EISDIR}: false,
		nil: false,
	} {
		if got := readOnly(err); got != want {
			t.Errorf("readOnly(%v) = %v, want %v", err, got, want)
		}
	}
}
