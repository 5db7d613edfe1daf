package main

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/check"
	"github.com/mekong-briefs/briefs/internal/diag"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "find missing, stale and broken translations; exit 0 clean, 1 on errors (or warnings with --strict), 2 when the check cannot run",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "lang", Usage: "only this language (" + langList() + "); repeatable"},
			&cli.StringSliceFlag{Name: "brief", Usage: "only this brief ID (the shared catalogue is always checked); repeatable"},
			&cli.BoolFlag{Name: "strict", Usage: "stale translations are errors, and warnings fail the check"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output: text, json (internal/check/SCHEMA.md) or github (Actions annotations)"},
			&cli.BoolFlag{Name: "fix", Usage: "first repair what is mechanical (Zawgyi to Unicode, NFC, stray spaces, tabs and ZWSP) in place, then check"},
		},
		Action: runCheck,
	}
}

func runCheck(c *cli.Context) error {
	write, ok := map[string]func(*cli.Context, *check.Report) error{
		"text":   func(c *cli.Context, r *check.Report) error { return check.WriteText(colored(c, c.App.Writer), r) },
		"json":   func(c *cli.Context, r *check.Report) error { return check.WriteJSON(c.App.Writer, r) },
		"github": func(c *cli.Context, r *check.Report) error { return check.WriteGitHub(c.App.Writer, r) },
	}[c.String("format")]
	if !ok {
		return cli.Exit(fmt.Sprintf("check: unknown --format %q (text, json or github)", c.String("format")), 2)
	}
	opts := check.Options{Langs: c.StringSlice("lang"), Briefs: c.StringSlice("brief"), Strict: c.Bool("strict")}
	if c.Bool("fix") {
		if err := runFix(c, opts); err != nil {
			return err
		}
	}
	r, err := check.Run(c.String("root"), opts)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	if err := write(c, r); err != nil {
		return cli.Exit(err.Error(), 2)
	}
	var notes []string
	if r.NoBriefs {
		notes = append(notes, fmt.Sprintf("%s holds no brief yet, so there is nothing to check (briefs new --edition region:en ID starts one)",
			filepath.Join(c.String("root"), "briefs")))
	}
	if n := workflowNote(c.String("root")); n != "" {
		notes = append(notes, n)
	}
	for _, note := range notes {
		if c.String("format") == "github" {
			fmt.Fprintln(c.App.Writer, diag.GitHubNotice("briefs check", note))
		} else {
			fmt.Fprintln(c.App.ErrWriter, "note: "+note)
		}
	}
	if code := r.ExitCode(); code != 0 {
		e, w := r.Counts()
		return cli.Exit(fmt.Sprintf("check failed: %s, %s", count(e, "error"), count(w, "warning")), code)
	}
	return nil
}

// count writes n and a noun, plural when n is not 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
