package filelock

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExclusive: a held lock makes the next wait and fail, saying who
// holds it; one older than stale, a killed process's, is taken over; an
// unlock lets the next take it.
func TestExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	unlock, err := Exclusive(path, time.Second, time.Minute, "a test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Exclusive(path, 50*time.Millisecond, time.Minute, "a test"); err == nil || !strings.Contains(err.Error(), "held by a test") {
		t.Errorf("second hold: %v, want it refused", err)
	}
	old := time.Now().Add(-2 * time.Minute)
	os.Chtimes(path, old, old)
	again, err := Exclusive(path, 50*time.Millisecond, time.Minute, "a test")
	if err != nil {
		t.Errorf("a stale lock was not taken over: %v", err)
	} else {
		again()
	}
	unlock() // the file is gone already: no error, no panic
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("lock file left: %v", err)
	}
}

// TestUnlockLeavesTheNextHolder: a hold taken over as stale, then let go
// by its first holder, leaves the second holder's file.
func TestUnlockLeavesTheNextHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	first, err := Exclusive(path, time.Second, time.Minute, "a test")
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Minute)
	os.Chtimes(path, old, old)
	second, err := Exclusive(path, time.Second, time.Minute, "a test")
	if err != nil {
		t.Fatal(err)
	}
	first()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the first holder's unlock removed the second's lock: %v", err)
	}
	second()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("lock file left: %v", err)
	}
}
