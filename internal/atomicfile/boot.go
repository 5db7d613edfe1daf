package atomicfile

import (
	"os"
	"strings"
	"sync"
)

// Boot identifies the running boot of the operating system: Linux's
// random boot ID (/proc/sys/kernel/random/boot_id, proc(5)), or "" where
// the system gives none. A file written with WriteDerived reads back as
// written for the rest of the boot it was written in, whether or not its
// data has reached the disk yet: only a crash of the system can lose it,
// and the system comes back from a crash in another boot. A program that
// records the boot beside the files it writes unsynced can therefore
// trust them within that boot and check them after it.
var Boot = sync.OnceValue(func() string {
	b, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
})
