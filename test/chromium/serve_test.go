package chromium_test

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// serveShot is where the screenshot of the page with a build error is
// copied for a person to look at.
var serveShot = filepath.Join(os.TempDir(), "briefs-serve-error.png")

// TestLivePreviewInChromium runs `briefs serve` on a loopback port in a
// copy of the samples, opens its index in headless Chromium driven over
// the DevTools protocol, and checks, with bounded waits, that:
//   - a change to a catalogue rebuilds and the open page reloads by itself;
//   - breaking a catalogue shows the build's error, file and code, on the page;
//   - fixing it removes the error, and the page reloads.
func TestLivePreviewInChromium(t *testing.T) {
	bin := browser(t)
	root := testkit.Samples(t)
	briefs := buildBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()

	addr, built := startServe(t, ctx, briefs, root)
	waitLine(t, built, "the first build", 3*time.Minute)
	page := openPage(t, ctx, bin, "http://"+addr+"/")

	cat := filepath.Join(root, "locales", "provinces.km.toml")
	good, err := os.ReadFile(cat)
	if err != nil {
		t.Fatal(err)
	}
	// 1. An edit that builds: the open page reloads.
	mark(t, page)
	writeFile(t, cat, string(good)+"\n# edited\n")
	waitLine(t, built, "the rebuild after an edit", 2*time.Minute)
	until(t, page, "the page to reload after the rebuild", "window.briefsMark === undefined && document.readyState === 'complete'", time.Minute)

	// 2. A broken catalogue: the error appears on the page.
	mark(t, page)
	writeFile(t, cat, string(good)+"\nbroken = \n")
	const banner = "((document.getElementById('briefs-build-error') || {}).textContent || '')"
	until(t, page, "the build error on the page", banner+".includes('provinces.km.toml')", 2*time.Minute)
	text, _ := page.eval(banner)
	for _, want := range []string{"Build failed", "provinces.km.toml:", "toml-syntax"} {
		if !strings.Contains(text.(string), want) {
			t.Errorf("the banner does not say %q:\n%s", want, text)
		}
	}
	if v, _ := page.eval("window.briefsMark"); v != "set" {
		t.Error("a failed build reloaded the page; it must keep the last good page and show the error")
	}
	shot, err := page.screenshot()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(serveShot, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the page with the error: %s", serveShot)

	// 3. Fixed: the page reloads and the error is gone.
	writeFile(t, cat, string(good))
	until(t, page, "the page to reload without the error",
		"window.briefsMark === undefined && document.readyState === 'complete' && !document.getElementById('briefs-build-error')", 2*time.Minute)
}

// buildBinary builds briefs into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	testkit.DependOnSources(t)
	out := filepath.Join(t.TempDir(), "briefs")
	cmd := exec.Command("go", "build", "-o", out, "./cmd/briefs")
	cmd.Dir = repoRoot
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	return out
}

var servingRE = regexp.MustCompile(`at http://(127\.0\.0\.1:\d+)/`)

// startServe starts `briefs serve` on a free loopback port, polling the
// sources every 200 ms, and returns its address and a channel that gets
// each rebuild's summary line.
func startServe(t *testing.T, ctx context.Context, briefs, root string) (string, <-chan string) {
	t.Helper()
	cmd := exec.CommandContext(ctx, briefs, "--root", root, "serve", "--addr", "127.0.0.1:0", "--poll", "200ms",
		"--out", filepath.Join(t.TempDir(), "out"))
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() })
	addrs, built := make(chan string, 1), make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if m := servingRE.FindStringSubmatch(line); m != nil {
				addrs <- m[1]
			}
			if strings.HasPrefix(line, "serve: built") || strings.HasPrefix(line, "serve: build failed") {
				built <- line
			}
		}
	}()
	select {
	case a := <-addrs:
		return a, built
	case <-time.After(time.Minute):
		t.Fatal("briefs serve printed no address")
	}
	return "", nil
}

// waitLine waits for the next rebuild's summary line.
func waitLine(t *testing.T, lines <-chan string, what string, limit time.Duration) {
	t.Helper()
	select {
	case l := <-lines:
		t.Logf("%s: %s", what, l)
	case <-time.After(limit):
		t.Fatalf("timed out after %v waiting for %s", limit, what)
	}
}

var devtoolsRE = regexp.MustCompile(`DevTools listening on ws://(127\.0\.0\.1:\d+)/`)

// openPage starts headless Chromium with remote debugging on a free
// loopback port, opened on url, and connects to the page.
func openPage(t *testing.T, ctx context.Context, bin, url string) *devtools {
	t.Helper()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
		"--disable-extensions", "--mute-audio", "--window-size=900,700", "--hide-scrollbars",
		"--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir="+t.TempDir(), url)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := devtoolsRE.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	var addr string
	select {
	case addr = <-found:
	case <-time.After(time.Minute):
		t.Fatal("Chromium printed no DevTools address")
	}
	var ws string
	for deadline := time.Now().Add(30 * time.Second); ws == ""; time.Sleep(200 * time.Millisecond) {
		ws, err = pageTarget(addr)
		if err != nil && time.Now().After(deadline) {
			t.Fatalf("DevTools: %v", err)
		}
	}
	page, err := dialDevTools(ws)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { page.Close() })
	until(t, page, "the index page to load", "document.readyState === 'complete' && document.title !== ''", time.Minute)
	return page
}

// mark sets a value on the page's window, which a reload takes away.
func mark(t *testing.T, page *devtools) {
	t.Helper()
	if _, err := page.eval("window.briefsMark = 'set'"); err != nil {
		t.Fatal(err)
	}
}

// until polls a JavaScript condition on the page. An evaluation that
// fails while the page reloads counts as not yet.
func until(t *testing.T, page *devtools, what, cond string, limit time.Duration) {
	t.Helper()
	var last error
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		v, err := page.eval(cond)
		if err == nil && v == true {
			return
		}
		last = err
	}
	t.Fatalf("timed out after %v waiting for %s (last error: %v)", limit, what, last)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
