//go:build unix

package publish

import (
	"os"
	"syscall"
)

// lockFolder takes an exclusive advisory lock on path, waiting for it;
// the kernel releases it if the process dies.
func lockFolder(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
