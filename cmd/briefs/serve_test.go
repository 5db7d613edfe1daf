package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mekong-briefs/briefs/internal/settings"
)

// get fetches a URL from the test server, with a time limit.
func get(t *testing.T, url string) (string, http.Header) {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(body), resp.Header
}

// eventually polls cond for up to 10 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestServeRebuildsOnChange(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	src := filepath.Join(root, "briefs", "a", "brief.toml")
	os.MkdirAll(filepath.Dir(src), 0o755)
	os.WriteFile(src, []byte("v1"), 0o644)

	var builds atomic.Int32
	addrs := make(chan string, 1)
	s := &server{Addr: "127.0.0.1:0", Out: out, Watch: []string{filepath.Join(root, "briefs"), filepath.Join(root, "locales")},
		Interval: 20 * time.Millisecond, Log: io.Discard, Ready: func(a string) { addrs <- a },
		Build: func(context.Context) error {
			n := builds.Load() + 1 // count the build once its page is written
			err := os.WriteFile(filepath.Join(out, "index.html"), []byte{byte('0' + n)}, 0o644)
			builds.Store(n)
			return err
		}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not stop when its context ended")
		}
	}()

	addr := <-addrs
	eventually(t, "the first build", func() bool { return builds.Load() == 1 })
	body, hdr := get(t, "http://"+addr+"/index.html")
	body = strings.TrimSuffix(body, liveScript) // the page served, live-reload script aside
	if body != "1" || hdr.Get("Cache-Control") != "no-store" {
		t.Errorf("first page %q, Cache-Control %q", body, hdr.Get("Cache-Control"))
	}

	time.Sleep(100 * time.Millisecond) // several polls with nothing changed
	if n := builds.Load(); n != 1 {
		t.Errorf("%d builds with nothing changed, want 1", n)
	}

	os.WriteFile(src, []byte("v2"), 0o644)
	later := time.Now().Add(time.Minute) // a change even on coarse mtime clocks
	os.Chtimes(src, later, later)
	eventually(t, "a rebuild after an edit", func() bool { return builds.Load() == 2 })
	if body, _ := get(t, "http://"+addr+"/index.html"); strings.TrimSuffix(body, liveScript) != "2" {
		t.Errorf("after the rebuild the page is %q, want 2", body)
	}

	os.MkdirAll(filepath.Join(root, "locales"), 0o755)
	os.WriteFile(filepath.Join(root, "locales", "a.en.toml"), nil, 0o644)
	eventually(t, "a rebuild after a new catalogue", func() bool { return builds.Load() == 3 })
}

func TestServeRefusesOtherThanLoopback(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0", "192.0.2.1:8080", "example.org:80", "nonsense"} {
		s := &server{Addr: addr, Out: t.TempDir(), Log: io.Discard, Build: func(context.Context) error { return nil }}
		if err := s.Run(context.Background()); err == nil {
			t.Errorf("serve on %q: no error", addr)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "[::1]:0", "localhost:0"} {
		if err := loopbackOnly(addr); err != nil {
			t.Errorf("loopbackOnly(%q): %v", addr, err)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeCommand runs `briefs serve` itself on a port the system picks.
// The project has no briefs folder, so the build fails: serve reports it
// and keeps serving the output folder.
func TestServeCommand(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(root, "locales"), 0o755)
	os.WriteFile(filepath.Join(out, "hello.txt"), []byte("hello"), 0o644)

	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- newApp(&stdout, &stderr).RunContext(ctx,
			[]string{"briefs", "--root", root, "serve", "--addr", "127.0.0.1:0", "--out", out, "--poll", "50ms"})
	}()
	url := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)
	eventually(t, "serve to print its address", func() bool { return url.MatchString(stdout.String()) })
	base := url.FindStringSubmatch(stdout.String())[1]
	if body, _ := get(t, base+"hello.txt"); body != "hello" {
		t.Errorf("got %q", body)
	}
	eventually(t, "the failed build to be reported", func() bool {
		return regexp.MustCompile(`build failed`).MatchString(stdout.String())
	})
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}
}

// TestLiveReload: an open page learns of every build through the event
// stream; a failed build's report reaches it, and the page itself carries
// the script that listens.
func TestLiveReload(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	src := filepath.Join(root, "briefs", "a", "brief.toml")
	os.MkdirAll(filepath.Dir(src), 0o755)
	os.WriteFile(src, []byte("v1"), 0o644)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("<html><body>briefs</body></html>"), 0o644)
	var fail atomic.Bool
	addrs := make(chan string, 1)
	s := &server{Addr: "127.0.0.1:0", Out: out, Watch: []string{filepath.Join(root, "briefs")},
		Interval: 20 * time.Millisecond, Log: io.Discard, Ready: func(a string) { addrs <- a },
		Report: func() string { return "briefs/a/brief.toml:1:1: error: [toml-syntax] broken" },
		Build: func(context.Context) error {
			if fail.Load() {
				return errors.New("build: 1 of 1 PDFs failed")
			}
			return nil
		}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Run(ctx)
	addr := <-addrs
	page, _ := get(t, "http://"+addr+"/")
	if !strings.Contains(page, eventsPath) || !strings.Contains(page, "</script>\n</body>") {
		t.Fatalf("the page carries no live-reload script:\n%s", page)
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get("http://" + addr + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewScanner(resp.Body)
	next := func() status {
		for events.Scan() {
			if data, ok := strings.CutPrefix(events.Text(), "data: "); ok {
				var st status
				if err := json.Unmarshal([]byte(data), &st); err != nil {
					t.Fatal(err)
				}
				return st
			}
		}
		t.Fatalf("event stream ended: %v", events.Err())
		return status{}
	}
	first := next()
	if !first.OK {
		t.Fatalf("first status %+v, want a good build", first)
	}
	fail.Store(true)
	os.WriteFile(src, []byte("v2, broken"), 0o644)
	st := next()
	if st.OK || st.Build <= first.Build || !strings.Contains(st.Report, "brief.toml:1:1") {
		t.Errorf("after a failed build the page got %+v", st)
	}
	fail.Store(false)
	os.WriteFile(src, []byte("v3, fixed"), 0o644)
	if st := next(); !st.OK {
		t.Errorf("after the fix the page got %+v", st)
	}
}

// TestServeStopsWithAPageOpen: an open page holds its event stream, which
// never goes idle; stopping the server ends it at once and Run returns no
// error (it waited 5 s and failed with "context deadline exceeded").
func TestServeStopsWithAPageOpen(t *testing.T) {
	out := t.TempDir()
	addrs := make(chan string, 1)
	s := &server{Addr: "127.0.0.1:0", Out: out, Interval: 20 * time.Millisecond, Log: io.Discard,
		Ready: func(a string) { addrs <- a }, Build: func(context.Context) error { return nil }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	addr := <-addrs
	resp, err := http.Get("http://" + addr + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil || time.Since(start) > 2*time.Second {
			t.Errorf("Run returned %v after %v", err, time.Since(start))
		}
	case <-time.After(10 * time.Second):
		t.Error("Run did not stop with a page open")
	}
}

// TestServeWatchesTheSettings: briefs.toml and a logo outside briefs/
// reach every PDF, so serve watches them with briefs/ and locales/.
func TestServeWatchesTheSettings(t *testing.T) {
	root := t.TempDir()
	w := watched(root, settings.Settings{Logo: "assets/logo.png"})
	for _, want := range []string{"briefs", "locales", "briefs.toml", filepath.Join("assets", "logo.png")} {
		if !slices.Contains(w, filepath.Join(root, want)) {
			t.Errorf("serve watches %v, not %s", w, want)
		}
	}
	before := fingerprint(w)
	os.WriteFile(filepath.Join(root, "briefs.toml"), []byte(`accent = "#004488"`), 0o644)
	if fingerprint(w) == before {
		t.Error("a new briefs.toml does not change what serve watches")
	}
}
