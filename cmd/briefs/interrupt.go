package main

import (
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
)

// stopCleanly makes SIGINT and SIGTERM (Ctrl-C, a cancelled CI job) end
// the process without leaving half-written files: the temporary files
// being written are removed (atomicfile.Abandon), the user is told what
// is on disk, and the process exits with 128 plus the signal's number, as
// a shell reports it. The files already written are whole. serve handles
// the signals itself, to shut its server down, and gets no handler here.
func stopCleanly(args []string) {
	if command(args) == "serve" {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		written, removed := atomicfile.Abandon()
		code, how := 130, "interrupted"
		if sig == syscall.SIGTERM {
			code, how = 143, "terminated"
		}
		fmt.Fprintf(os.Stderr, "briefs: %s: %d file(s) written before it are whole, %d unfinished one(s) removed; "+
			"the rest (for a build, the manifest, the index and the cache too) was not written: run the command again\n", how, written, removed)
		os.Exit(code)
	}()
}

// command is the command an argument list runs: the first argument that
// is neither a global flag nor a global flag's value (briefs --root X
// build), the global flags being the app's. A brief or a file named
// "serve" is not the command.
func command(args []string) string {
	valued := map[string]bool{}
	for _, f := range globalFlags() {
		if _, isBool := f.(*cli.BoolFlag); !isBool {
			for _, n := range f.Names() {
				valued["-"+n], valued["--"+n] = true, true
			}
		}
	}
	for i := 1; i < len(args); i++ {
		switch a := args[i]; {
		case valued[a]:
			i++ // its value follows
		case strings.HasPrefix(a, "-"):
		default:
			return a
		}
	}
	return ""
}
