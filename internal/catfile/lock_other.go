//go:build !unix

package catfile

// LockFolder holds the catalogue folder dir for one read, change and
// write of its catalogues (lock_unix.go says why); without flock(2), by
// a lock file (exclusiveFile).
func LockFolder(dir string) (unlock func(), err error) { return exclusiveFile(dir) }
