package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
)

// writeList writes words, one a line, as a deterministic gzip file: no
// name and no modification time in the header, and a fixed level, so that
// the same ICU data always gives the same bytes.
func writeList(path string, words []string) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write([]byte(strings.Join(words, "\n") + "\n")); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
