//go:build unix

package catfile

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// LockFolder holds the catalogue folder dir for one read, change and
// write of its catalogues (import, sync, check --fix), waiting while
// another briefs process holds it: two imports at once each wrote back
// the catalogue as they had read it, and one translator's work was gone
// with exit 0 for both. The hold is flock(2) on the folder itself, so no
// file is left in locales/, and the kernel lets go of it when the
// process dies.
func LockFolder(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		if errors.Is(err, syscall.EBADF) || errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.EOPNOTSUPP) {
			// A file system without flock on a folder (NFS maps it to a
			// POSIX lock, which a folder opened to read cannot take):
			// the lock file of lock_other.go instead.
			return exclusiveFile(dir)
		}
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
