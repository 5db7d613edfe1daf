package main

import (
	"math"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestFirstCollectionRestoresTheCollector checks gcForBuild's safety
// valve (startLight, which gcForBuild calls once per process): a build starts with no collector and a memory limit, and the
// first collection (a heap near the limit) gives it GOGC=200 and no limit
// back, so that a large live heap is not collected over and over.
//
// It runs in a process of its own: the collector's settings are the
// process's, and a build left by another test of this package (its own
// sentinel, its gcForJobs) changed them under the check now and then.
func TestFirstCollectionRestoresTheCollector(t *testing.T) {
	if os.Getenv(gcChild) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFirstCollectionRestoresTheCollector$", "-test.count=1")
		cmd.Env = append(os.Environ(), gcChild+"=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("in a process of its own: %v\n%s", err, out)
		}
		return
	}
	t.Setenv("GOGC", "") // as a user's shell has them: unset
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	startLight()
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Fatalf("after startLight GOGC is %d, want off", p)
	}
	if l := debug.SetMemoryLimit(-1); l != lightHeap {
		t.Fatalf("memory limit %d, want %d", l, lightHeap)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC() // the sentinel's finalizer runs on its own goroutine
		time.Sleep(10 * time.Millisecond)
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		if p == 200 && debug.SetMemoryLimit(-1) == math.MaxInt64 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after collections GOGC is %d; want 200 and no memory limit", p)
		}
	}
}

// gcChild is set in the environment of the process that
// TestFirstCollectionRestoresTheCollector runs itself in.
const gcChild = "BRIEFS_TEST_GC_CHILD"
