package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// fixtureProject writes testdata/base.txtar (two briefs, six PDFs) under
// a temporary folder and returns it.
func fixtureProject(t *testing.T) string {
	t.Helper()
	a, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestServeRefusesDotfilesAndSymlinks checks the file server: the cache
// and lock are not served, nor is a file a symlink leads to outside the
// folder, nor does a listing show dotfiles; ordinary files are served.
func TestServeRefusesDotfilesAndSymlinks(t *testing.T) {
	out, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(out, "index.html"), []byte("ok"), 0o644)
	os.WriteFile(filepath.Join(out, ".briefs-cache.json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(out, "link.txt"))
	os.Symlink(outside, filepath.Join(out, "dir"))
	os.Mkdir(filepath.Join(out, "a"), 0o755)
	os.WriteFile(filepath.Join(out, "a", ".hidden.pdf"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(out, "a", "a.pdf"), []byte("pdf"), 0o644)
	srv := httptest.NewServer(http.FileServer(confinedFS{root: out}))
	defer srv.Close()
	// URL paths under the server's root, written without their leading
	// slash.
	for path, want := range map[string]int{
		"": 200, "index.html": 200, "a/a.pdf": 200,
		".briefs-cache.json": 404, "link.txt": 404, "dir/secret.txt": 404, "a/.hidden.pdf": 404,
		"../" + filepath.Base(outside) + "/secret.txt": 404,
	} {
		resp, err := http.Get(srv.URL + "/" + path)
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, want)
		}
		if strings.Contains(body.String(), "secret") || strings.Contains(body.String(), ".hidden") {
			t.Errorf("GET %s leaks %q", path, body.String())
		}
	}
}

// TestServeRefusesOutputInSources checks that serve will not build into
// briefs/, where each build would start the next.
func TestServeRefusesOutputInSources(t *testing.T) {
	root := fixtureProject(t)
	var out bytes.Buffer
	code := run([]string{"briefs", "--root", root, "serve", "--out", filepath.Join(root, "briefs", "dist")}, &out, &out)
	if code != 2 || !strings.Contains(out.String(), "inside") {
		t.Errorf("exit %d: %s", code, out.String())
	}
}

// binDir holds the binary once built; TestMain removes it.
var binDir string

// briefsBinary builds cmd/briefs once for the tests that run it as a process.
var briefsBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "briefs-bin")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "briefs")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func needBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin, err := briefsBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// TestConcurrentBuildsKeepEveryEntry runs filtered builds into one folder
// at once, in separate processes as an editor's build and serve are: the
// manifest must list every PDF that any of them wrote.
func TestConcurrentBuildsKeepEveryEntry(t *testing.T) {
	bin := needBinary(t)
	root := fixtureProject(t)
	dist := filepath.Join(root, "dist")
	for round := 0; round < 4; round++ {
		os.RemoveAll(dist)
		var wg sync.WaitGroup
		for _, args := range [][]string{{"--brief", "a", "--lang", "en"}, {"--brief", "a", "--lang", "km"}, {"--brief", "b", "--lang", "en"}, {"--brief", "b", "--lang", "km"}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(bin, append([]string{"--root", root, "build", "--out", dist}, args...)...)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("%v: %v\n%s", args, err, out)
				}
			}()
		}
		wg.Wait()
		es, err := publish.ReadManifest(dist)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != 6 {
			t.Fatalf("round %d: manifest lists %d PDFs, want 6", round, len(es))
		}
	}
}

// TestDraftIsMarked checks build --draft: a missing Khmer message is set
// in English, the PDF is written, and the manifest says it is a draft;
// without --draft the same PDF fails.
func TestDraftIsMarked(t *testing.T) {
	root := fixtureProject(t)
	os.WriteFile(filepath.Join(root, "locales", "b.km.toml"), []byte("[\"title\"]\nother = \"ការការពារសង្គម\"\n"), 0o644)
	dist := filepath.Join(root, "dist")
	var out bytes.Buffer
	if code := run([]string{"briefs", "--root", root, "build", "--out", dist}, &out, &out); code != 1 {
		t.Fatalf("without --draft: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := run([]string{"briefs", "--root", root, "build", "--draft", "--out", dist, "--format", "json"}, &out, &out); code != 0 {
		t.Fatalf("--draft: exit %d\n%s", code, out.String())
	}
	data, _ := os.ReadFile(filepath.Join(dist, publish.ManifestName))
	var m struct{ PDFs []publish.Entry }
	json.Unmarshal(data, &m)
	drafts := map[string]bool{}
	for _, e := range m.PDFs {
		drafts[e.Path] = e.Draft
	}
	if len(drafts) != 6 || !drafts["b/b.region.km.pdf"] || drafts["b/b.region.en.pdf"] || drafts["a/a.region.km.pdf"] {
		t.Errorf("draft flags %v", drafts)
	}
	// The index marks the draft; the page itself says DRAFT and names
	// what is missing; a complete edition's does not.
	nDrafts := 0
	for _, d := range drafts {
		if d {
			nDrafts++
		}
	}
	if index, _ := os.ReadFile(filepath.Join(dist, publish.IndexName)); strings.Count(string(index), `class="draft"`) != nDrafts {
		t.Errorf("index.html marks %d PDFs as drafts, the manifest %d", strings.Count(string(index), `class="draft"`), nDrafts)
	}
	pdftotext := testkit.Need(t, "pdftotext")
	for path, draft := range map[string]bool{"b/b.region.km.pdf": true, "b/b.region.en.pdf": false} {
		txt, err := exec.Command(pdftotext, filepath.Join(dist, filepath.FromSlash(path)), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if marked := strings.Contains(string(txt), "DRAFT, not for publication"); marked != draft {
			t.Errorf("%s: draft mark %v, want %v:\n%s", path, marked, draft, txt)
		}
	}
	// The next build without --draft must not call the draft unchanged.
	out.Reset()
	if code := run([]string{"briefs", "--root", root, "build", "--out", dist}, &out, &out); code != 1 || strings.Contains(out.String(), "unchanged "+filepath.Join(dist, "b", "b.region.km.pdf")) {
		t.Errorf("after a draft: exit %d\n%s", code, out.String())
	}
}

// TestKilledBuildLeavesNoPartialPDF kills a build at several moments and
// checks that every file under a PDF's name is a whole PDF.
func TestKilledBuildLeavesNoPartialPDF(t *testing.T) {
	bin := needBinary(t)
	root := fixtureProject(t)
	for _, after := range []time.Duration{30 * time.Millisecond, 80 * time.Millisecond, 150 * time.Millisecond, 300 * time.Millisecond} {
		dist := filepath.Join(t.TempDir(), "dist")
		cmd := exec.Command(bin, "--root", root, "build", "--out", dist, "--jobs", "2")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		pdfs, _ := filepath.Glob(filepath.Join(dist, "*", "*.pdf"))
		for _, p := range pdfs {
			data, _ := os.ReadFile(p)
			if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-32):], []byte("%%EOF")) {
				t.Errorf("killed after %v: %s is not a whole PDF (%d bytes)", after, p, len(data))
			}
		}
	}
}

// TestMain removes the binary that the process tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}
