package interchange

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

// TestRecordLockSerialises: read-modify-write under lockRecord from
// several goroutines at once loses no update, as an import and an export
// writing one record at once must not.
func TestRecordLockSerialises(t *testing.T) {
	dir := t.TempDir()
	count := filepath.Join(dir, "count")
	os.WriteFile(count, []byte("0"), 0o644)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				unlock, err := lockRecord(dir)
				if err != nil {
					t.Error(err)
					return
				}
				data, _ := os.ReadFile(count)
				n, _ := strconv.Atoi(string(data))
				os.WriteFile(count, []byte(strconv.Itoa(n+1)), 0o644)
				unlock()
			}
		}()
	}
	wg.Wait()
	if data, _ := os.ReadFile(count); string(data) != "100" {
		t.Errorf("count %s, want 100: updates were lost", data)
	}
	if _, err := os.Stat(filepath.Join(dir, ExportedName+".lock")); !os.IsNotExist(err) {
		t.Errorf("the lock is left behind: %v", err)
	}
}
