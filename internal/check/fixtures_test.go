package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want.* sections of testdata/*.txtar")

// TestFixtures runs the check on each testdata/*.txtar tree (one broken
// catalogue per finding code) and compares the output in all three
// formats with the archive's want.text, want.json and want.github.
// go test ./internal/check -update regenerates them.
func TestFixtures(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			root := t.TempDir()
			for _, f := range a.Files {
				if strings.HasPrefix(f.Name, "want.") {
					continue
				}
				dst := filepath.Join(root, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r, err := Run(root, fixtureOptions(string(a.Comment)))
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			assertOwnCode(t, name, r)
			got := map[string]string{}
			for format, write := range map[string]func(*bytes.Buffer, *Report) error{
				"text":   func(b *bytes.Buffer, r *Report) error { return WriteText(b, r) },
				"json":   func(b *bytes.Buffer, r *Report) error { return WriteJSON(b, r) },
				"github": func(b *bytes.Buffer, r *Report) error { return WriteGitHub(b, r) },
			} {
				var b bytes.Buffer
				if err := write(&b, r); err != nil {
					t.Fatal(err)
				}
				got[format] = strings.ReplaceAll(b.String(), root+string(filepath.Separator), "")
			}
			if *update {
				for _, f := range []string{"text", "json", "github"} {
					setFile(a, "want."+f, got[f])
				}
				if err := os.WriteFile(p, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range []string{"text", "json", "github"} {
				want, ok := getFile(a, "want."+f)
				if !ok {
					t.Fatalf("no want.%s section; run go test ./internal/check -update", f)
				}
				if got[f] != want {
					t.Errorf("%s output differs (go test ./internal/check -update to accept):\n--- got\n%s--- want\n%s", f, got[f], want)
				}
			}
		})
	}
}

// fixtureOptions reads a "flags: --strict --lang km --brief b" line of a
// fixture's comment.
func fixtureOptions(comment string) Options {
	var o Options
	for _, l := range strings.Split(comment, "\n") {
		rest, ok := strings.CutPrefix(l, "flags:")
		if !ok {
			continue
		}
		fs := strings.Fields(rest)
		for i := 0; i < len(fs); i++ {
			switch fs[i] {
			case "--strict":
				o.Strict = true
			case "--lang":
				i++
				o.Langs = append(o.Langs, fs[i])
			case "--brief":
				i++
				o.Briefs = append(o.Briefs, fs[i])
			}
		}
	}
	return o
}

// assertOwnCode checks that a fixture still yields the finding it is
// named after (stale-strict.txtar: "stale"), so that a golden regenerated
// with -update cannot silently lose the point of its fixture. clean.txtar
// must yield nothing.
func assertOwnCode(t *testing.T, name string, r *Report) {
	t.Helper()
	var codes []string
	for _, d := range r.Findings {
		codes = append(codes, d.Code)
	}
	if name == "clean" {
		if len(codes) > 0 {
			t.Errorf("clean fixture has findings %v", codes)
		}
		return
	}
	want := ""
	for _, c := range codes {
		if (name == c || strings.HasPrefix(name, c+"-")) && len(c) > len(want) {
			want = c
		}
	}
	if want == "" {
		t.Errorf("fixture %s does not yield the code it is named after; it yields %v", name, codes)
	}
}

// setFile replaces or appends a file of an archive.
func setFile(a *txtar.Archive, name, data string) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = []byte(data)
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(data)})
}

func getFile(a *txtar.Archive, name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}
