package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// profiled runs f under the profilers that the environment asks for:
// BRIEFS_CPUPROFILE=file writes a CPU profile of the whole run, and
// BRIEFS_MEMPROFILE=file a heap profile at its end (after a collection),
// both for `go tool pprof`. They measure a run as a user starts it,
// process start included, which `go test -cpuprofile` cannot.
func profiled(f func() int) int {
	if os.Getenv("BRIEFS_MEMPROFILE") != "" {
		runtime.MemProfileRate = 4096 // every 4 KB, not 512 KB: a run allocates only tens of MB
	} else {
		// No sampling: the first sample allocates the profiler's bucket
		// table, pages a one-PDF build would otherwise never touch. The
		// Makefile's binary samples nothing from its start
		// (runtime.godebugDefault=memprofilerate=0), and there this is
		// no change; a plain go build has sampled a little already.
		runtime.MemProfileRate = 0
	}
	if name := os.Getenv("BRIEFS_CPUPROFILE"); name != "" {
		if out, err := os.Create(name); err == nil {
			if pprof.StartCPUProfile(out) == nil {
				defer func() { pprof.StopCPUProfile(); out.Close() }()
			}
		}
	}
	if name := os.Getenv("BRIEFS_TRACE"); name != "" {
		if out, err := os.Create(name); err == nil {
			if trace.Start(out) == nil {
				defer func() { trace.Stop(); out.Close() }()
			}
		}
	}
	code := f()
	if name := os.Getenv("BRIEFS_MEMPROFILE"); name != "" {
		if out, err := os.Create(name); err == nil {
			runtime.GC()
			_ = pprof.Lookup("allocs").WriteTo(out, 0) // holds inuse_space too
			out.Close()
		}
	}
	return code
}
