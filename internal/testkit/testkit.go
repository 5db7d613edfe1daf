// Package testkit decides, in one place, what a test does when a tool it
// needs is missing: outside CI it skips, naming the Debian package to
// install; under CI=true it fails, because .ci/run installs every tool and
// a skipped test there would hide a broken install step.
package testkit

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// InCI reports whether the tests run under CI (CI=true, as GitHub Actions
// and .ci/run set it).
func InCI() bool { return os.Getenv("CI") == "true" }

// Missing skips the test, or fails it under CI, saying what to install.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	msg := what + " is missing (install: " + install + ")"
	if InCI() {
		t.Fatal(msg + "; CI must install it in .ci/run")
	}
	t.Skip(msg)
}

// Tool returns the path of a command, or skips/fails the test when it is
// not on PATH. pkg is the Debian package that provides it.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, "apt-get install -y "+pkg)
	}
	return p
}

// Chromium returns the Chromium (or Chrome) binary: BRIEFS_CHROMIUM, else
// chromium, chromium-browser or google-chrome on PATH; without one it
// skips the test, or fails it under CI.
func Chromium(t testing.TB) string {
	t.Helper()
	if b := os.Getenv("BRIEFS_CHROMIUM"); b != "" {
		return b
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, "Chromium", "apt-get install -y chromium fonts-noto-core")
	return ""
}

// Python returns Debian's python3 once it can import every module, or
// skips/fails the test. pkgs are the Debian packages of the modules.
func Python(t testing.TB, modules []string, pkgs ...string) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		Missing(t, py, "apt-get install -y python3")
	}
	code := "import " + strings.Join(modules, ", ")
	if out, err := exec.Command(py, "-c", code).CombinedOutput(); err != nil {
		Missing(t, "python3 modules "+strings.Join(modules, ", ")+" ("+strings.TrimSpace(string(out))+")",
			"apt-get install -y "+strings.Join(pkgs, " "))
	}
	return py
}

// Samples copies the sample project fixture (testdata/samples at the
// module root: briefs/ and locales/) into a fresh temporary folder and
// returns that folder, so that a test can build or sync in it freely.
func Samples(t testing.TB) string {
	t.Helper()
	src := filepath.Join(ModuleRoot(t), "testdata", "samples")
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatalf("copy the sample fixture: %v", err)
	}
	return dst
}

// ModuleRoot returns the folder holding go.mod, found by walking up from
// the test's working directory (its package folder).
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// DependOnSources reads every Go file, go.mod and embedded data file of the
// module, so that go test's cache knows a test's result depends on them.
// A test that runs the go command (go build, go list) needs it: the cache
// cannot see what a child process reads.
func DependOnSources(t testing.TB) {
	t.Helper()
	root := ModuleRoot(t)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && path != root && (name == "node_modules" || name == "dist" || name == "bin" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".toml") || strings.HasSuffix(name, ".ttf") || name == "go.mod" || name == "go.sum") {
			_, err = os.ReadFile(path)
		}
		return err
	})
	if err != nil {
		t.Fatalf("read sources: %v", err)
	}
}

// debianPackage says which Debian package provides each tool the tests
// run: the one list .ci/run installs from.
var debianPackage = map[string]string{
	"pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "pdffonts": "poppler-utils", "pdfinfo": "poppler-utils",
	"qpdf": "qpdf", "mutool": "mupdf-tools", "hb-shape": "libharfbuzz-bin", "hb-view": "libharfbuzz-bin",
	"uconv": "icu-devtools", "gs": "ghostscript", "node": "nodejs", "npm": "npm",
	"msgfmt": "gettext", "xmllint": "libxml2-utils", "pocount": "translate-toolkit",
}

// Need is Tool for a tool of the tests' usual set, whose package it knows.
func Need(t testing.TB, name string) string {
	t.Helper()
	pkg, ok := debianPackage[name]
	if !ok {
		pkg = name
	}
	return Tool(t, name, pkg)
}
