//go:build unix

package atomicfile

import (
	"errors"
	"syscall"
)

// gone reports whether no process has the ID: kill(2) with signal 0 checks
// without signalling, and fails with ESRCH for no such process.
func gone(pid int) bool { return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) }
