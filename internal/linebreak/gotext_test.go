package linebreak

import (
	"os/exec"
	"strings"
	"testing"
)

// goTextDir returns the directory of the go-text/typesetting module this
// package builds with.
func goTextDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-text/typesetting").Output()
	if err != nil {
		t.Skipf("cannot locate go-text/typesetting: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		t.Skip("go-text/typesetting has no module directory (vendored?)")
	}
	return dir
}
