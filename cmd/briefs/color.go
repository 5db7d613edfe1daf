package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"sync"

	"github.com/urfave/cli/v2"
)

// Coloured severities on a terminal, as compilers print them: error in
// red, warning in yellow, FAIL in red. --color auto (the default) colours
// only when the stream is a terminal and NO_COLOR is unset (no-color.org);
// always and never override both.

var colorFlag = &cli.StringFlag{Name: "color", Value: "auto", Usage: "colour severities: auto (a terminal without NO_COLOR), always or never",
	Action: func(_ *cli.Context, v string) error {
		if v != "auto" && v != "always" && v != "never" {
			return cli.Exit(fmt.Sprintf("--color %q: give auto, always or never", v), 2)
		}
		return nil
	}}

const (
	red    = "\033[1;31m"
	yellow = "\033[1;33m"
	reset  = "\033[0m"
)

// severityRE finds the severity of a compiler-style diagnostic line
// (FILE:LINE:COL: error: …) and the FAIL that starts a failed job's line.
var severityRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)(: )(error|warning)(: )|^(FAIL)( )`) }) // compiled on first use, not at every start

// colorWriter colours severities in what passes through it. Diagnostics
// are written a line per Write, so a line is never split between colours.
type colorWriter struct{ w io.Writer }

func (c colorWriter) Write(p []byte) (int, error) {
	out := severityRE().ReplaceAllFunc(p, func(m []byte) []byte {
		sub := severityRE().FindSubmatch(m)
		if len(sub[4]) > 0 {
			return append([]byte(red+"FAIL"+reset), sub[5]...)
		}
		col := red
		if bytes.Equal(sub[2], []byte("warning")) {
			col = yellow
		}
		return []byte(string(sub[1]) + col + string(sub[2]) + reset + string(sub[3]))
	})
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// colored returns w, coloured when the --color setting asks for it.
func colored(c *cli.Context, w io.Writer) io.Writer {
	switch c.String("color") {
	case "always":
		return colorWriter{w}
	case "never":
		return w
	}
	if _, set := os.LookupEnv("NO_COLOR"); set || !isTerminal(w) {
		return w
	}
	return colorWriter{w}
}
