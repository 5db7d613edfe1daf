//go:build !unix

package publish

import (
	"errors"
	"os"
	"time"
)

// lockFolder takes a lock by creating path exclusively, waiting up to a
// minute for another build to finish.
func lockFolder(path string) (func(), error) {
	for i := 0; ; i++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) || i > 600 {
			return nil, err
		}
		time.Sleep(100 * time.Millisecond)
	}
}
