package catfile

import (
	"path/filepath"
	"time"

	"github.com/mekong-briefs/briefs/internal/filelock"
)

// exclusiveFile holds dir by a dot file in it (the catalogue loader reads
// no dot file), taken over once older than ten minutes, as a killed
// process's: no import, sync or check --fix takes that long, and one
// taken over while it ran would lose its lock to the next.
func exclusiveFile(dir string) (unlock func(), err error) {
	return filelock.Exclusive(filepath.Join(dir, ".briefs-lock"), time.Minute, 10*time.Minute,
		"another briefs import, sync or check --fix: run them one at a time (or delete the file if none runs)")
}
