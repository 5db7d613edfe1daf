package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestManPage checks that `briefs man` names every command and every flag
// of the command definitions, that its text is roff-safe (ASCII only, no
// line a stray request), and that groff reads it without a warning.
func TestManPage(t *testing.T) {
	var out bytes.Buffer
	app := newApp(&out, &out)
	if code := run([]string{"briefs", "man"}, &out, &out); code != 0 {
		t.Fatalf("briefs man exited %d: %s", code, out.String())
	}
	page := out.String()
	for _, c := range app.VisibleCommands() {
		if !strings.Contains(page, "\n.SS "+roff(strings.Join(c.Names(), ", "))+"\n") {
			t.Errorf("no section for command %s", c.Name)
		}
		for _, f := range c.VisibleFlags() {
			if !strings.Contains(page, roff("--"+f.Names()[0])) && !strings.Contains(page, roff("-"+f.Names()[0])) {
				t.Errorf("command %s: flag %s is not in the page", c.Name, f.Names()[0])
			}
		}
	}
	macros := map[string]bool{".TH": true, ".SH": true, ".SS": true, ".TP": true, ".PP": true, ".B": true}
	for i, line := range strings.Split(page, "\n") {
		for _, r := range line {
			if r >= 0x80 {
				t.Errorf("line %d holds %q: not ASCII", i+1, r)
				break
			}
		}
		if m, _, _ := strings.Cut(line, " "); strings.HasPrefix(line, ".") && !macros[m] {
			t.Errorf("line %d starts with %q, not a man macro", i+1, m)
		}
	}
	groff := testkit.Tool(t, "groff", "groff")
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z")
	cmd.Stdin = strings.NewReader(page)
	if warn, err := cmd.CombinedOutput(); err != nil || len(warn) > 0 {
		t.Errorf("groff: %v\n%s", err, warn)
	}
}
