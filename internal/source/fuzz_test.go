package source

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the brief decoder: it returns a brief
// or diagnostics with a position, and never panics.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(goodBrief))
	f.Add([]byte(chartBrief))
	f.Add([]byte("id = \"b\"\n[[edition]\n"))
	f.Add([]byte("[[block]]\ntype = \"table\"\nrows = [[1, 2], \"x\"]\n"))
	dir := filepath.Join(f.TempDir(), "b")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, "brief.toml")
	f.Fuzz(func(t *testing.T, data []byte) {
		os.WriteFile(path, data, 0o644)
		b, ds := Load(path)
		if b == nil && len(ds) == 0 {
			t.Fatal("no brief and no diagnostic")
		}
		for _, d := range ds {
			if d.Pos.File != path {
				t.Fatalf("diagnostic without the file: %v", d)
			}
		}
	})
}
