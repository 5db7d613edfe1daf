package interchange

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// lockRecord takes DIR's record for one read and write, so that an
// import and an export (or two imports) at once do not each write back
// what they read and drop the other's change: the record would then lack
// an export's files, and import judge their entries without it. The lock
// is a file made with O_EXCL beside the record; a lock older than
// staleLock is one a killed process left, and is taken over.
func lockRecord(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, ExportedName+".lock")
	deadline := time.Now().Add(lockWait)
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if st, serr := os.Stat(path); serr == nil && time.Since(st.ModTime()) > staleLock {
			os.Remove(path)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is held by another briefs export or import: run them one at a time (or delete the file if none runs)", path)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

const (
	lockWait  = 10 * time.Second // how long to wait for another process's write
	staleLock = time.Minute      // no write of a record takes this long
)
