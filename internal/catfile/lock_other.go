//go:build !unix

package catfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// LockFolder holds the catalogue folder dir for one read, change and
// write of its catalogues (lock_unix.go says why). Without flock(2) the
// hold is a dot file made with O_EXCL in dir (the catalogue loader reads
// no dot file), taken over once older than a minute, as a killed
// process's.
func LockFolder(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, ".briefs-lock")
	deadline := time.Now().Add(time.Minute)
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", dir, err)
		}
		if st, serr := os.Stat(path); serr == nil && time.Since(st.ModTime()) > time.Minute {
			os.Remove(path)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is held by another briefs import, sync or check --fix: run them one at a time (or delete the file if none runs)", path)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
