package catfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
)

// Write writes the Doc to its path if its bytes differ from what is
// there, through a temporary file and a rename (POSIX rename(2) is
// atomic within a file system), and gives the new file the old one's
// mode: a read-only catalogue stays read-only, and a symbolic link stays
// a link. It reports whether it wrote.
func (d *Doc) Write() (bool, error) {
	data := d.Bytes()
	if old, err := os.ReadFile(d.Path); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	// A catalogue that is a symbolic link (one shared between projects)
	// stays a link: the file it points to is replaced.
	path := d.Path
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	dir := filepath.Dir(path)
	tmp, done, err := atomicfile.CreateTemp(dir, filepath.Base(path)) // Ctrl-C removes it (atomicfile.Abandon)
	if err != nil {
		return false, fmt.Errorf("write %s: %w", d.Path, err)
	}
	defer done()
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), d.Mode)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return false, fmt.Errorf("write %s: %w", d.Path, werr)
	}
	return true, nil
}

// SetHead gives a new file its header comment lines (without "# ").
func (d *Doc) SetHead(lines ...string) {
	d.Head = nil
	for _, l := range lines {
		d.Head = append(d.Head, d.line("# "+l))
	}
}
