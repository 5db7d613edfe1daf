//go:build !unix

package catfile

import (
	"path/filepath"
	"time"

	"github.com/mekong-briefs/briefs/internal/filelock"
)

// LockFolder holds the catalogue folder dir for one read, change and
// write of its catalogues (lock_unix.go says why). Without flock(2) the
// hold is a dot file in dir (the catalogue loader reads no dot file),
// taken over once older than a minute, as a killed process's.
func LockFolder(dir string) (unlock func(), err error) {
	return filelock.Exclusive(filepath.Join(dir, ".briefs-lock"), time.Minute, time.Minute,
		"another briefs import, sync or check --fix: run them one at a time (or delete the file if none runs)")
}
