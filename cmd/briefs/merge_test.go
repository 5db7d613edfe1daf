package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/publish"
)

// writeBuild lays out a build's output folder under dir: a small fake PDF
// for each path, and the manifest.json that lists them.
func writeBuild(t *testing.T, dir string, paths ...string) {
	t.Helper()
	m := publish.Manifest{Version: publish.ManifestVersion, PDFs: []publish.Entry{}}
	for _, p := range paths {
		data := []byte("%PDF-1.7\n% " + p + "\n")
		file := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		m.PDFs = append(m.PDFs, publish.Entry{Brief: "a", Title: "A", Date: "2020-03-01", Edition: "region", Lang: "en", Path: p,
			Pages: 1, Bytes: int64(len(data)), SHA256: hex.EncodeToString(sum[:])})
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, publish.ManifestName), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMergePrunesWhatAnEarlierBuildListed: merging into a folder that
// holds an earlier build deletes the PDFs its manifest listed and the
// shards do not (they would be published), and keeps every file it did
// not list.
func TestMergePrunesWhatAnEarlierBuildListed(t *testing.T) {
	root := t.TempDir()
	shard, out := filepath.Join(root, "s1"), filepath.Join(root, "site")
	writeBuild(t, shard, "a/a.region.en.pdf")
	writeBuild(t, out, "a/a.region.en.pdf", "a/a.kh.km.pdf")
	for _, own := range []string{"CNAME", "a/notes.pdf"} {
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(own)), []byte("mine\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	printed, code := runCLI(t, root, []string{"merge", "--out", out, shard}, "text")
	if code != 0 {
		t.Fatalf("merge: exit %d\n%s", code, printed)
	}
	if _, err := os.Stat(filepath.Join(out, "a", "a.kh.km.pdf")); !os.IsNotExist(err) {
		t.Errorf("a/a.kh.km.pdf, listed by the earlier build only, is still there (%v)", err)
	}
	if !strings.Contains(printed, "removed site/a/a.kh.km.pdf") {
		t.Errorf("merge did not say what it removed:\n%s", printed)
	}
	for _, own := range []string{"CNAME", "a/notes.pdf", "a/a.region.en.pdf"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(own))); err != nil {
			t.Errorf("%s, which the earlier manifest did not list or the shard does, is gone: %v", own, err)
		}
	}
	if m, err := publish.ReadBuild(out); err != nil || len(m.PDFs) != 1 || m.Shard != nil {
		t.Errorf("merged manifest: %+v, %v; want the shard's one PDF and no share", m, err)
	}
}

// TestMergeRefusesAForeignSite: a folder whose index.html another program
// wrote is refused, as build refuses it, rather than overwritten.
func TestMergeRefusesAForeignSite(t *testing.T) {
	root := t.TempDir()
	shard, out := filepath.Join(root, "s1"), filepath.Join(root, "site")
	writeBuild(t, shard, "a/a.region.en.pdf")
	page := []byte("<html>our own site</html>\n")
	os.MkdirAll(out, 0o755)
	if err := os.WriteFile(filepath.Join(out, publish.IndexName), page, 0o644); err != nil {
		t.Fatal(err)
	}
	printed, code := runCLI(t, root, []string{"merge", "--out", out, shard}, "text")
	if code != 1 || !strings.Contains(printed, "was not written by briefs") {
		t.Errorf("merge into a foreign site: exit %d, want 1 saying so\n%s", code, printed)
	}
	if got, _ := os.ReadFile(filepath.Join(out, publish.IndexName)); string(got) != string(page) {
		t.Errorf("the site's own index.html was overwritten")
	}
}

// TestMergeWritesNothingFromADamagedShard: a PDF that does not match its
// manifest fails the merge before any PDF is written (the shards read
// before it were copied already), and --out inside the sources is a usage
// error, as it is for build.
func TestMergeWritesNothingFromADamagedShard(t *testing.T) {
	root := t.TempDir()
	good, bad, out := filepath.Join(root, "s1"), filepath.Join(root, "s2"), filepath.Join(root, "merged")
	writeBuild(t, good, "a/a.region.en.pdf")
	writeBuild(t, bad, "b/b.region.en.pdf")
	os.WriteFile(filepath.Join(bad, "b", "b.region.en.pdf"), []byte("%PDF-1.7 damaged"), 0o644)
	if printed, code := runCLI(t, root, []string{"merge", "--out", out, good, bad}, "text"); code != 1 || !strings.Contains(printed, "does not match") {
		t.Fatalf("merge: exit %d\n%s", code, printed)
	}
	if _, err := os.Stat(out); err == nil {
		entries, _ := os.ReadDir(out)
		if len(entries) > 0 {
			t.Errorf("a failed merge wrote %v", entries)
		}
	}
	os.MkdirAll(filepath.Join(root, "locales"), 0o755)
	if printed, code := runCLI(t, root, []string{"merge", "--out", filepath.Join(root, "locales"), good}, "text"); code != 2 {
		t.Errorf("merge into locales/: exit %d\n%s", code, printed)
	}
}
