package main

import (
	"strings"

	"github.com/mekong-briefs/briefs/internal/gzfile"
)

// writeList writes words, one a line, as a deterministic gzip file: no
// name and no modification time in the header, and a fixed level, so that
// the same ICU data always gives the same bytes.
func writeList(path string, words []string) error {
	return gzfile.Write(path, []byte(strings.Join(words, "\n")+"\n"))
}
