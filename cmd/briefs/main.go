package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/lang"
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
		// Shell completion asks the binary itself: briefs completion bash.
		EnableBashCompletion: true,
		// Repeat a flag for several values; a comma belongs to the value
		// ("--edition kh:en,km").
		DisableSliceFlagSeparator: true,
		Writer:                    stdout,
		ErrWriter:                 stderr,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "root", Value: ".", Usage: "project folder holding briefs/ and locales/"},
		},
		Commands: []*cli.Command{initCommand(), newCommand(), buildCommand(), proofCommand(), segmentCommand(), checkCommand(),
			syncCommand(), exportCommand(), importCommand(), serveCommand(), completionCommand(), manCommand()},
	}
}

// langList is the language codes the table holds, for flag help.
func langList() string { return strings.Join(lang.Codes(), ", ") }
