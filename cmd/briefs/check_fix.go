package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/check"
)

// runFix applies check --fix and says what it changed, on stderr, so
// that --format json output stays one document.
func runFix(c *cli.Context, opts check.Options) error {
	fixed, ds, err := check.Fix(filepath.Join(c.String("root")), opts)
	for _, f := range fixed {
		fmt.Fprintf(c.App.ErrWriter, "%s: fixed [%s] %s form of %q\n", f.Pos, strings.Join(f.Codes, ", "), f.Form, f.ID)
	}
	printDiags(c.App.ErrWriter, ds)
	if err != nil {
		return cli.Exit("check --fix: "+err.Error(), 2)
	}
	return nil
}
