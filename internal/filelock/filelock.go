// Package filelock takes a hold on a path that other briefs processes
// respect, by making a lock file with O_EXCL: portable where flock(2) is
// not, and visible, so that a lock a killed process left is taken over
// once it is older than a given age.
package filelock

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// Exclusive makes the lock file path, waiting up to wait while another
// process holds it, and taking it over once it is older than stale; busy
// says, in the error after the wait, what holds it and what to do.
// unlock removes the file, unless another process has taken it over.
func Exclusive(path string, wait, stale time.Duration, busy string) (unlock func(), err error) {
	deadline := time.Now().Add(wait)
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			// The holder's mark: a hold taken over as stale while its
			// process still ran does not remove the next holder's file.
			mark := fmt.Sprintf("%d %d\n", os.Getpid(), time.Now().UnixNano())
			_, werr := f.WriteString(mark)
			f.Close()
			return func() {
				if got, err := os.ReadFile(path); err == nil && (werr != nil || string(got) == mark) {
					os.Remove(path)
				}
			}, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if st, serr := os.Stat(path); serr == nil && time.Since(st.ModTime()) > stale {
			os.Remove(path)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is held by %s", path, busy)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
