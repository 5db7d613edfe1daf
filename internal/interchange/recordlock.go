package interchange

import (
	"path/filepath"
	"time"

	"github.com/mekong-briefs/briefs/internal/filelock"
)

// lockRecord takes DIR's record for one read and write, so that an
// import and an export (or two imports) at once do not each write back
// what they read and drop the other's change: the record would then lack
// an export's files, and import judge their entries without it. The lock
// is a file made with O_EXCL beside the record; a lock older than
// staleLock is one a killed process left, and is taken over.
func lockRecord(dir string) (unlock func(), err error) {
	return filelock.Exclusive(filepath.Join(dir, ExportedName+".lock"), lockWait, staleLock,
		"another briefs export or import: run them one at a time (or delete the file if none runs)")
}

const (
	lockWait  = 10 * time.Second // how long to wait for another process's write
	staleLock = time.Minute      // no write of a record takes this long
)
