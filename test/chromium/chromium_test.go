// Package chromium_test opens the published index.html in headless
// Chromium: every PDF link in the rendered page must resolve to a file in
// the output tree, and a phone-sized screenshot is saved for a person to
// check that all five scripts render (no tofu).
//
// The test is skipped when no Chromium is installed, except in CI (CI=true),
// where a missing browser fails it. BRIEFS_CHROMIUM names the browser
// binary to use; otherwise chromium (Debian: apt-get install chromium
// fonts-noto-core), chromium-browser or google-chrome is looked up.
package chromium_test

import (
	"context"
	"html"
	"io"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

const repoRoot = "../.."

// ScreenshotCopy is where the screenshot is copied for a person to look at.
var screenshotCopy = filepath.Join(os.TempDir(), "briefs-index.png")

// browser is the Chromium binary (testkit.Chromium).
func browser(t *testing.T) string { return testkit.Chromium(t) }

// chromium runs headless Chromium on a page with extra flags and returns
// its standard output.
func chromium(t *testing.T, bin, page string, flags ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-default-apps", "--disable-extensions", "--mute-audio",
		"--user-data-dir=" + t.TempDir()}, flags...)
	cmd := exec.CommandContext(ctx, bin, append(args, fileURL(page))...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	return string(out)
}

func fileURL(path string) string {
	abs, _ := filepath.Abs(path)
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// buildSamples builds every PDF of the sample fixture (testdata/samples),
// index.html and manifest.json with `briefs build` into a temporary folder.
func buildSamples(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	samples := testkit.Samples(t)
	testkit.DependOnSources(t)
	cmd := exec.CommandContext(ctx, "go", "run", "./cmd/briefs", "--root", samples, "build", "--out", out)
	cmd.Dir = repoRoot
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("briefs build: %v\n%s", err, msg)
	}
	if _, err := os.Stat(filepath.Join(out, publish.IndexName)); err != nil {
		t.Fatalf("briefs build wrote no %s", publish.IndexName)
	}
	return out
}

var hrefRE = regexp.MustCompile(`<a\b[^>]*\bhref="([^"]*)"`)

func TestIndexInChromium(t *testing.T) {
	bin := browser(t)
	out := buildSamples(t)
	index := filepath.Join(out, publish.IndexName)

	// The DOM as Chromium parsed and rendered it.
	dom := chromium(t, bin, index, "--dump-dom")
	if !strings.Contains(dom, "</html>") {
		t.Fatalf("Chromium returned no DOM:\n%s", dom)
	}
	pdfs := 0
	for _, m := range hrefRE.FindAllStringSubmatch(dom, -1) {
		href := html.UnescapeString(m[1])
		u, err := url.Parse(href)
		if err != nil || u.IsAbs() || u.Host != "" || strings.HasPrefix(u.Path, "/") {
			t.Errorf("link %q is not a relative link inside the tree", href)
			continue
		}
		if !strings.HasSuffix(u.Path, ".pdf") {
			continue
		}
		pdfs++
		p := filepath.Join(out, filepath.FromSlash(u.Path))
		if rel, err := filepath.Rel(out, p); err != nil || strings.HasPrefix(rel, "..") {
			t.Errorf("link %q leaves the output tree", href)
		} else if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
			t.Errorf("link %q: no PDF in the tree (%v)", href, err)
		}
	}
	built, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	if pdfs == 0 || pdfs != len(built) {
		t.Errorf("the page links %d PDFs; the tree holds %d", pdfs, len(built))
	}
	manifest, err := publish.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]bool{}
	for _, e := range manifest {
		langs[e.Lang] = true
	}
	for code := range langs {
		if name := lang.Endonym(code); !strings.Contains(dom, `lang="`+code+`">`+name+`<`) {
			t.Errorf("the rendered page does not name %s as %s", code, name)
		}
	}
	t.Logf("%d PDF links resolve, languages %v", pdfs, slices.Sorted(maps.Keys(langs)))

	scriptFonts(t)
	// A phone-sized screenshot (412 CSS px wide, as a common Android phone).
	shot := filepath.Join(t.TempDir(), "briefs-index.png")
	chromium(t, bin, index, "--screenshot="+shot, "--window-size=412,1600", "--hide-scrollbars",
		"--force-device-scale-factor=2")
	if err := copyFile(shot, screenshotCopy); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (look at it: every script must render, no boxes)", screenshotCopy)
}

// scriptFonts fails when fontconfig knows no font for Khmer, Burmese or
// Thai: the screenshot would show boxes (Debian: fonts-noto-core).
func scriptFonts(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("fc-list"); err != nil {
		t.Log("no fc-list: cannot tell which scripts have fonts")
		return
	}
	for _, lang := range []string{"km", "my", "th"} {
		out, err := exec.Command("fc-list", ":lang="+lang, "family").Output()
		if err != nil || strings.TrimSpace(string(out)) == "" {
			t.Errorf("no font for %s installed (Debian: apt-get install fonts-noto-core)", lang)
		}
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
