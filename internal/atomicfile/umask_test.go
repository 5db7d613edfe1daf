//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteHonoursTheUmask: a file written gets 0644 less the umask, as
// one a shell or cp writes; a chmod to 0644 made every PDF, index and
// manifest readable to all under umask 077, though the folders were not.
func TestWriteHonoursTheUmask(t *testing.T) {
	for umask, want := range map[int]os.FileMode{0o022: 0o644, 0o077: 0o600, 0o002: 0o644} {
		old := syscall.Umask(umask)
		path := filepath.Join(t.TempDir(), "a.pdf")
		err := Write(path, []byte("x"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("umask %03o: mode %v, want %v", umask, st.Mode().Perm(), want)
		}
	}
}
