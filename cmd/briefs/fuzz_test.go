package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzBuild runs the whole build on a project whose brief b and Khmer
// catalogue of b are arbitrary bytes. Nothing may panic or hang; every
// finding names a file, a line and a column; a job that failed leaves no
// PDF, nor does a brief that did not load; a build that exits 0 has no errors.
func FuzzBuild(f *testing.F) {
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		f.Fatal(err)
	}
	files := map[string][]byte{}
	for _, fl := range base.Files {
		files[fl.Name] = fl.Data
	}
	f.Add(files["briefs/b/brief.toml"], files["locales/b.km.toml"])
	f.Add([]byte("id = \"b\"\ndate = 2020-03-01\n[[edition]]\ncountry = \"region\"\nlanguages = [\"km\"]\n[[block]] # c\ntype = \"figure\"\nsrc = \"../a/x.png\"\nalt = \"p1\"\n"),
		[]byte("[\"title\"]\nother = \"{{range 9}}x{{end}}\"\n[\"p1\"]\nohter = 5\n"))
	f.Add([]byte("\uFEFFid = \"b\"\r\ndate = 2020-03-01\r\nedition = [{country = \"region\", languages = [\"en\", \"km\"]}]\r\nblock = [{type = \"paragraph\", msg = \"p1\"}]\r\n"),
		[]byte("[\"p1\"] # n\nother = \"[x](javascript:alert(1)) **[*\"\n"))
	f.Fuzz(func(t *testing.T, brief, km []byte) {
		if len(brief)+len(km) > 1<<14 {
			return
		}
		root := t.TempDir()
		for name, data := range files {
			switch name {
			case "briefs/b/brief.toml":
				data = brief
			case "locales/b.km.toml":
				data = km
			}
			p := filepath.Join(root, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, data, 0o644)
		}
		dist := filepath.Join(root, "dist")
		var stdout, stderr bytes.Buffer
		// Only brief b, whose files are fuzzed: brief a would add four
		// unchanging PDFs to every exec.
		code := run([]string{"briefs", "--root", root, "build", "--brief", "b", "--out", dist, "--jobs", "1", "--format", "json"}, &stdout, &stderr)
		var r struct {
			Findings []struct {
				File, Severity, Hint string
				Line, Col            int
			}
			PDFs     []struct{ Path, Status string }
			Failures []string
		}
		if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
			t.Fatalf("exit %d, no JSON report: %v\n%s%s", code, err, stdout.String(), stderr.String())
		}
		briefBroken := false
		for _, d := range r.Findings {
			if d.File == "" || d.Line < 1 || d.Col < 1 {
				t.Fatalf("finding without a position: %+v", d)
			}
			if d.Severity == "error" {
				if code == 0 {
					t.Fatalf("exit 0 with an error: %+v", d)
				}
			}
		}
		for _, f := range r.Failures {
			briefBroken = briefBroken || strings.Contains(f, filepath.Join("b", "brief.toml"))
		}
		for _, p := range r.PDFs {
			if _, err := os.Stat(p.Path); p.Status == "failed" && err == nil {
				t.Fatalf("failed job left %s", p.Path)
			}
		}
		if pdfs, _ := filepath.Glob(filepath.Join(dist, "b", "*.pdf")); briefBroken && len(pdfs) > 0 {
			t.Fatalf("brief b has errors, yet %v were written", pdfs)
		}
	})
}
