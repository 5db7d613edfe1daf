package main

import (
	"os"
	"os/signal"
	"slices"
	"syscall"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
)

// stopCleanly makes SIGINT and SIGTERM (Ctrl-C, a cancelled CI job) end
// the process without leaving half-written files: the temporary files
// being written are removed (atomicfile.Abandon), and the process exits
// with 128 plus the signal's number, as a shell reports it. The files
// already written are whole. serve handles the signals itself, to shut
// its server down, and gets no handler here.
func stopCleanly(args []string) {
	if slices.Contains(args[1:], "serve") {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		atomicfile.Abandon()
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}
