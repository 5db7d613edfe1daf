package main

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// confinedFS serves the files under a folder, but never a dotfile (the
// build cache, the lock, temporary files) and never a file that a
// symlink leads to outside the folder.
type confinedFS struct{ root string }

func (c confinedFS) Open(name string) (http.File, error) {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return nil, fs.ErrNotExist
		}
	}
	full := filepath.Join(c.root, filepath.FromSlash(name))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return nil, fs.ErrNotExist
	}
	base, err := filepath.EvalSymlinks(c.root)
	if err != nil {
		return nil, fs.ErrNotExist
	}
	if rel, err := filepath.Rel(base, real); err != nil || !(rel == "." || filepath.IsLocal(rel)) {
		return nil, fs.ErrNotExist
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, fs.ErrNotExist
	}
	return listing{f}, nil
}

// listing leaves dotfiles out of a folder's listing.
type listing struct{ *os.File }

func (l listing) Readdir(n int) ([]fs.FileInfo, error) {
	infos, err := l.File.Readdir(n)
	out := infos[:0]
	for _, fi := range infos {
		if !strings.HasPrefix(fi.Name(), ".") {
			out = append(out, fi)
		}
	}
	return out, err
}
