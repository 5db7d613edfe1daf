// Command briefs checks and typesets multilingual policy briefs.
//
// main only wires flags to the stages and prints what they return.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

func main() {
	app := newApp(os.Stdout, os.Stderr)
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, "briefs:", err)
		if ec, ok := err.(cli.ExitCoder); ok {
			os.Exit(ec.ExitCode())
		}
		os.Exit(1)
	}
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "briefs",
		Usage:   "check and typeset multilingual policy briefs",
		Version: version(),
		Suggest: true, // "briefs buidl" suggests "build"
		// Repeat a flag for several values; a comma belongs to the value
		// ("--edition kh:en,km").
		DisableSliceFlagSeparator: true,
		Writer:                    stdout,
		ErrWriter:                 stderr,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "root", Value: ".", Usage: "project folder holding briefs/ and locales/"},
		},
		Commands: []*cli.Command{newCommand(), buildCommand(), proofCommand(), segmentCommand(), checkCommand(), syncCommand(), exportCommand(), importCommand(), serveCommand()},
	}
}

// version is the VCS revision the binary was built from, as Go records it.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	rev, dirty := "", ""
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = " (modified)"
			}
		}
	}
	if rev == "" {
		return bi.Main.Version
	}
	return rev + dirty
}
