package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStrayArgumentsAreUsageErrors: a command that takes flags only
// refuses an argument with exit 2 (before, `briefs build water-access`
// built every brief and exited 0), and a missing required flag is a usage
// error too, as is a flag written after the arguments.
func TestStrayArgumentsAreUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "water-access"}, `--brief water-access names a brief`},
		{[]string{"check", "water-access"}, `--brief water-access names a brief`},
		{[]string{"sync", "x"}, `unexpected argument "x"`},
		{[]string{"export", "--format", "po"}, `Required flag "out" not set`},
		{[]string{"sync", "--id", "rec.1"}, `--id goes with --accept`},
		// A command's own flag after its arguments is no flag there.
		{[]string{"segment", "--lang", "th", "-", "--zwsp"}, `--zwsp comes after the arguments`},
		{[]string{"proof", "--lang", "en", "notes.txt", "--markup"}, `flags go first: briefs proof [flags]`},
		{[]string{"import", "th.po", "--replace"}, `--replace comes after the arguments`},
	} {
		var stdout, stderr bytes.Buffer
		appMu.Lock()
		code := run(append([]string{"briefs", "--root", t.TempDir()}, tc.args...), &stdout, &stderr)
		appMu.Unlock()
		if code != 2 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("briefs %v: exit %d, want 2 and %q\n%s", tc.args, code, tc.want, stderr.String())
		}
	}
}

// TestCommandName: the command of an argument list, past the global flags;
// an argument "serve" after the command is not it.
func TestCommandName(t *testing.T) {
	for args, want := range map[string]string{
		"briefs serve": "serve", "briefs --root serve build": "build", "briefs --root=x serve": "serve",
		"briefs build --brief serve": "build", "briefs --color never check": "check", "briefs": "",
	} {
		if got := command(strings.Fields(args)); got != want {
			t.Errorf("%q: %q, want %q", args, got, want)
		}
	}
}

// TestArgumentsAfterDashes: after --, an argument that looks like a flag
// is an argument (a file named --zwsp), not refused as a flag.
func TestArgumentsAfterDashes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "--zwsp"), []byte("ภาษาไทย\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	appMu.Lock()
	code := run([]string{"briefs", "--root", dir, "segment", "--lang", "th", "--", "--zwsp"}, &stdout, &stderr)
	appMu.Unlock()
	if code != 0 || !strings.Contains(stdout.String(), "ภาษา|ไทย") {
		t.Errorf("segment -- --zwsp: exit %d, stdout %q, stderr %q; want the file segmented", code, stdout.String(), stderr.String())
	}
}
