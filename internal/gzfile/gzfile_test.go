package gzfile

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteIsDeterministic writes the same text to two files and wants
// the same bytes, a header without name or time, and the text back.
func TestWriteIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	text := bytes.Repeat([]byte("ការងារ\t12\n"), 100)
	a, b := filepath.Join(dir, "a.gz"), filepath.Join(dir, "b.gz")
	for _, p := range []string{a, b} {
		if err := Write(p, text); err != nil {
			t.Fatal(err)
		}
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if !bytes.Equal(da, db) {
		t.Fatal("the same text gave other bytes")
	}
	zr, err := gzip.NewReader(bytes.NewReader(da))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("header holds name %q, time %v; want neither", zr.Name, zr.ModTime)
	}
	got, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(got, text) {
		t.Errorf("read back %d bytes (%v), want the %d written", len(got), err, len(text))
	}
}
