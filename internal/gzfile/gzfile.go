// Package gzfile writes the gzip-compressed lists the line breaker's
// dictionaries are made from (internal/linebreak/dicts) so that the same
// text always gives the same bytes: no file name and no modification time
// in the header (RFC 1952, 2.3: both optional) and one fixed level. The
// tools that make the lists (mkdicts, mkfreq, mkbounds) write through it.
package gzfile

import (
	"bytes"
	"compress/gzip"
	"fmt"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
)

// Write compresses text at gzip.BestCompression and writes it to path
// with mode 0644, atomically: a tool killed midway leaves the old list,
// not a truncated one that make tries would then reject.
func Write(path string, text []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := zw.Write(text); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return atomicfile.Write(path, buf.Bytes())
}
