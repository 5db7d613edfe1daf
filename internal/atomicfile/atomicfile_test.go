package atomicfile

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestWriteReplacesAndLeavesNoTemporaryFile holds for Write and for
// WriteDerived, which differ only in waiting for the disk.
func TestWriteReplacesAndLeavesNoTemporaryFile(t *testing.T) {
	for name, write := range map[string]func(string, []byte) error{"Write": Write, "WriteDerived": WriteDerived} {
		dir := t.TempDir()
		path := filepath.Join(dir, "sub", "a.pdf")
		for _, body := range []string{"first", "second"} {
			if err := write(path, []byte(body)); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); string(got) != body {
				t.Errorf("%s: file holds %q, want %q", name, got, body)
			}
		}
		entries, _ := os.ReadDir(filepath.Dir(path))
		if len(entries) != 1 {
			t.Errorf("%s: folder holds %d entries, want only a.pdf", name, len(entries))
		}
	}
}

func TestFailedWriteKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	os.WriteFile(path, []byte("old"), 0o644)
	// A folder where the file should be cannot be replaced by rename.
	blocked := filepath.Join(dir, "b.pdf")
	os.MkdirAll(filepath.Join(blocked, "x"), 0o755)
	if err := Write(blocked, []byte("new")); err == nil {
		t.Error("writing over a non-empty folder succeeded")
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("a.pdf = %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
}

// TestOrphans: the temporary file of a process that has exited is an
// orphan; one of this process, or of a process still running, is not,
// and neither is a file named otherwise.
func TestOrphans(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no process check on windows: Orphans lists nothing there")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := cmd.Process.Pid
	dir := t.TempDir()
	names := map[string]bool{
		tempPrefix("a.pdf", dead) + "123" + tempSuffix:        true,
		tempPrefix("a.pdf", os.Getpid()) + "456" + tempSuffix: false,
		tempPrefix("a.pdf", 1) + "789" + tempSuffix:           false, // init runs
		".a.pdf.tmp":     false,
		"a.pdf":          false,
		".a.pdf.x-1.tmp": false,
	}
	for n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]bool{}
	for _, p := range Orphans(dir) {
		got[filepath.Base(p)] = true
	}
	for n, want := range names {
		if got[n] != want {
			t.Errorf("%s: orphan %v, want %v", n, got[n], want)
		}
	}
}

// TestAbandonRemovesFilesInFlight: a temporary file being written is gone
// after Abandon, which counts it and the files written before, and a
// write begun after it fails and leaves nothing.
func TestAbandonRemovesFilesInFlight(t *testing.T) {
	dir := t.TempDir()
	inFlight.Lock()
	before := inFlight.written
	inFlight.Unlock()
	for _, name := range []string{"x.pdf", "y.pdf"} {
		if err := WriteDerived(filepath.Join(dir, "done", name), []byte("%PDF-1.7")); err != nil {
			t.Fatal(err)
		}
	}
	tmp, err := create(dir, "a.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.Close()
	if _, err := tmp.WriteString("%PDF-1.7 half"); err != nil {
		t.Fatal(err)
	}
	written, removed := Abandon()
	if written != before+2 || removed != 1 {
		t.Errorf("Abandon: %d written, %d removed; want %d and 1", written, removed, before+2)
	}
	defer func() {
		inFlight.Lock()
		inFlight.abandoned = false
		clear(inFlight.paths)
		inFlight.Unlock()
	}()
	if _, err := os.Stat(tmp.Name()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file in flight is still there: %v", err)
	}
	if err := Write(filepath.Join(dir, "b.pdf"), []byte("x")); err == nil {
		t.Error("a write after Abandon succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the folder: %v; want done/ alone", entries)
	}
}

// TestBootOnLinux: Linux names its boots, and the name is the same for
// the whole process.
func TestBootOnLinux(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux has /proc/sys/kernel/random/boot_id")
	}
	b := Boot()
	if len(b) != 36 || strings.Count(b, "-") != 4 {
		t.Errorf("Boot() = %q, want a UUID as proc(5) gives it", b)
	}
	if Boot() != b {
		t.Error("Boot changed within the process")
	}
}
