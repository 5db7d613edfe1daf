// Package atomicfile writes files so that a reader never sees half of one:
// the data goes to a temporary file in the same folder, which is then
// renamed over the target (rename is atomic within a file system, POSIX
// rename(2)). A failed write leaves the old file, or none, in place.
package atomicfile

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Write writes data to path atomically, creating the folder if needed. The
// file gets mode 0644. The data is on the disk before the name points at
// it, so that a crash leaves the old file or the new, whole.
func Write(path string, data []byte) error { return write(path, data, true) }

// WriteDerived is Write for a file the program makes again whenever it
// finds it missing or unreadable (a build's cache), or that a record made
// in the same boot vouches for (a build's PDFs, see Boot): it does not
// wait for the disk (fsync, 1-2 ms a file), so after a crash the file may
// be the old one, or empty on some file systems; a running reader still
// never sees half of it.
func WriteDerived(path string, data []byte) error { return write(path, data, false) }

func write(path string, data []byte, sync bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := create(dir, filepath.Base(path))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer inFlight.done(tmp.Name())
	_, werr := tmp.Write(data)
	if werr == nil && sync {
		werr = tmp.Sync() // the data is on disk before the name points at it
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, werr)
	}
	inFlight.Lock()
	inFlight.written++
	inFlight.Unlock()
	return nil
}

// CreateTemp makes a temporary file for name in dir, as Write does, for a
// writer with needs of its own (a catalogue keeps its mode and its
// symbolic link): Abandon removes it too. The caller calls done once the
// file is renamed or removed.
func CreateTemp(dir, name string) (tmp *os.File, done func(), err error) {
	tmp, err = create(dir, name)
	if err != nil {
		return nil, nil, err
	}
	return tmp, func() { inFlight.done(tmp.Name()) }, nil
}

// create makes the temporary file for name in dir, and records it for
// Abandon.
func create(dir, name string) (*os.File, error) {
	inFlight.Lock()
	defer inFlight.Unlock()
	if inFlight.abandoned {
		return nil, errAbandoned
	}
	tmp, err := openTemp(dir, tempPrefix(name, os.Getpid()))
	if err == nil {
		inFlight.paths[tmp.Name()] = true
	}
	return tmp, err
}

// openTemp creates a new file dir/prefix<random>.tmp with mode 0644 less
// the process's umask, as any file a command writes gets: os.CreateTemp
// makes 0600, and a chmod to 0644 afterwards ignored a umask of 077.
func openTemp(dir, prefix string) (*os.File, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+tempSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if os.IsExist(err) && try < 100 {
			continue
		}
		return f, err
	}
}

// inFlight holds the temporary files this process is writing: state of
// the process, as its open files are, so that Abandon can reach the files
// of every goroutine.
var inFlight = writing{paths: map[string]bool{}}

type writing struct {
	sync.Mutex
	paths     map[string]bool
	abandoned bool
	written   int // files Write and WriteDerived put in place
}

func (w *writing) done(path string) {
	w.Lock()
	delete(w.paths, path)
	w.Unlock()
}

var errAbandoned = errors.New("the program is stopping")

// Abandon removes the temporary files being written and makes every later
// write fail. A program that exits on SIGINT or SIGTERM calls it first:
// an interrupted build otherwise left half-written ".tmp" files (some
// empty) beside its PDFs until the next whole build, and a CI step that
// published the folder after a cancelled job published them too. The
// files already renamed are whole; the ones not yet begun are not made.
// It returns how many files Write and WriteDerived put in place before,
// and how many unfinished ones it removed, for the user to be told.
func Abandon() (written, removed int) {
	inFlight.Lock()
	defer inFlight.Unlock()
	inFlight.abandoned = true
	for p := range inFlight.paths {
		if os.Remove(p) == nil {
			removed++
		}
	}
	return inFlight.written, removed
}

// A temporary file is named ".<name>.<pid>-<random>.tmp": the writer's
// process ID lets Orphans tell the file of a killed run from that of a run
// still writing.
const tempSuffix = ".tmp"

func tempPrefix(name string, pid int) string { return "." + name + "." + strconv.Itoa(pid) + "-" }

// Orphans lists the temporary files in dir whose writing process is gone
// (killed mid-write: SIGKILL, a crash, a power cut), which no rename will
// ever claim. A file whose writer may still run is never listed.
func Orphans(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, tempSuffix) {
			continue
		}
		rest := strings.TrimSuffix(name, tempSuffix)
		dash := strings.LastIndexByte(rest, '-')
		dot := strings.LastIndexByte(rest[:max(dash, 0)], '.')
		if dash < 0 || dot < 0 {
			continue
		}
		pid, err := strconv.Atoi(rest[dot+1 : dash])
		if err != nil || pid <= 0 || pid == os.Getpid() || !gone(pid) {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	return out
}
