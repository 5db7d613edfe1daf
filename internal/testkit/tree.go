package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// WriteTree writes files (slash-separated paths under root, and their
// text) into root, making folders as needed: a small project for a test.
func WriteTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
