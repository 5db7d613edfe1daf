package source

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is the error for a path that is a folder, a named pipe or
// a device rather than a file: reading a pipe would wait for ever for a
// writer, so such paths are refused before they are opened.
var ErrNotRegular = errors.New("not a regular file (a folder, a pipe or a device)")

// Open opens a file to read, refusing anything but a regular file
// (symbolic links are followed).
func Open(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	return os.Open(path)
}

// ReadRegular is os.ReadFile for a regular file only (see Open).
func ReadRegular(path string) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// ReadFile reads a source file, reading no more than one byte past
// MaxFileBytes, so that a huge file is refused without being held in
// memory (TooBig then reports it).
func ReadFile(path string) ([]byte, error) { return ReadAtMost(path, MaxFileBytes) }

// ReadAtMost reads a regular file, no more than one byte past limit: a
// result longer than limit means the file is too large.
func ReadAtMost(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// ErrOutside is the error for a source file that is a symbolic link, or
// lies in a linked folder, leading out of the project: briefs reads only
// the project's own files, as it embeds only a brief's own figures.
var ErrOutside = errors.New("a link to a file outside the project")

// Confine returns ErrOutside (as a *fs.PathError) when path, with its
// links followed, lies inside none of folders (their links followed
// too). A path that does not resolve is left for the read to report.
func Confine(path string, folders ...string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil
	}
	for _, f := range folders {
		base, err := filepath.EvalSymlinks(f)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(base, real); err == nil && filepath.IsLocal(rel) {
			return nil
		}
	}
	return &fs.PathError{Op: "open", Path: path, Err: ErrOutside}
}

// OutsideHint is the advice for ErrOutside.
const OutsideHint = "copy the file into the project instead of linking to it"
