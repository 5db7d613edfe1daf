package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/source"
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
	macros := map[string]bool{".TH": true, ".SH": true, ".SS": true, ".TP": true, ".PP": true, ".B": true, ".nf": true, ".fi": true}
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

// TestExampleBriefIsTheREADMEs: the brief format that `briefs man` prints
// is README.md's annotated brief, and it decodes: every block type and key
// in it is one briefs reads.
func TestExampleBriefIsTheREADMEs(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(testkit.ModuleRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(readme), "## The brief source format")
	_, block, _ := strings.Cut(after, "```toml\n")
	block, _, _ = strings.Cut(block, "```\n")
	if block != exampleBrief {
		t.Errorf("skeleton/example-brief.toml is not README.md's brief; copy the README's block into it")
	}
	var out bytes.Buffer
	if code := run([]string{"briefs", "man"}, &out, &out); code != 0 || !strings.Contains(out.String(), ".SH BRIEF FORMAT\n") || !strings.Contains(out.String(), roff(`type = "contact"`)) {
		t.Errorf("briefs man has no brief format section")
	}
	dir := filepath.Join(t.TempDir(), "briefs", "jobs-in-sezs")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "brief.toml"), []byte(exampleBrief), 0o644)
	var logo bytes.Buffer
	png.Encode(&logo, image.NewGray(image.Rect(0, 0, 40, 20)))
	os.WriteFile(filepath.Join(dir, "logo.png"), logo.Bytes(), 0o644)
	if _, ds := source.Load(filepath.Join(dir, "brief.toml")); ds.HasErrors() {
		t.Errorf("the example brief does not decode: %v", ds)
	}
}
