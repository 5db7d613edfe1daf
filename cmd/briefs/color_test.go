package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestColorSeverities: --color always colours check's severities, never
// and auto into a pipe do not.
func TestColorSeverities(t *testing.T) {
	root := testkit.Samples(t)
	// An orphan message with a broken template: findings with severities.
	km := filepath.Join(root, "locales", "social-protection.km.toml")
	data, _ := os.ReadFile(km)
	os.WriteFile(km, append(data, []byte("\n[\"broken\"]\nother = \"{{.X\"\n")...), 0o644)
	check := func(mode string) string {
		var out, errOut bytes.Buffer
		app := newApp(&out, &errOut)
		app.ExitErrHandler = func(*cli.Context, error) {}
		app.Run([]string{"briefs", "--root", root, "--color", mode, "check"})
		return out.String() + errOut.String()
	}
	always := check("always")
	if !strings.Contains(always, red+"error"+reset) && !strings.Contains(always, yellow+"warning"+reset) {
		t.Errorf("--color always: no coloured severity in\n%s", always)
	}
	for _, mode := range []string{"never", "auto"} {
		if s := check(mode); strings.Contains(s, "\033[") {
			t.Errorf("--color %s into a pipe: escape codes in\n%s", mode, s)
		}
	}
}
