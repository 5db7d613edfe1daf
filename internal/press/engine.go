package press

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// EngineID identifies the program that typesets, for the cache: the
// link-time stamp of a release (make build stamps git describe; a -dirty
// or devel stamp does not count), else the VCS revision Go recorded for a
// clean checkout, else the executable's path, size and time. It never
// reads the binary's bytes.
func EngineID(stamp string) string {
	if stamp != "" && !strings.HasSuffix(stamp, "-dirty") && !strings.HasPrefix(stamp, "devel") {
		return "release:" + stamp + ":" + runtime.Version()
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", true
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" && !modified {
			return "vcs:" + rev
		}
	}
	return executableDigest()
}

func executableDigest() string {
	// The binary's path, size and modification time, not a digest of its
	// 20 MB: a rebuilt binary is a new file, and hashing it cost a sixth
	// of a cold build (issue 17).
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("exe:%s:%d:%d", exe, st.Size(), st.ModTime().UnixNano())
}
