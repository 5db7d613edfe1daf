package main

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/source"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:  "build",
		Usage: "typeset PDFs: every brief × edition × language, or those the filters select",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "lang", Usage: "only editions in this language (my, en, km, th, vi); repeatable"},
			&cli.StringSliceFlag{Name: "brief", Usage: "only this brief ID; repeatable"},
			&cli.StringSliceFlag{Name: "edition", Usage: "only this edition (region, th, mm, kh, vn...); repeatable"},
			&cli.StringFlag{Name: "out", Value: "dist", Usage: "output folder"},
			&cli.BoolFlag{Name: "justify", Usage: "justify body paragraphs instead of setting them ragged right"},
		},
		Action: runBuild,
	}
}

func runBuild(c *cli.Context) error {
	root := c.String("root")
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	ds = append(ds, cds...)
	printDiags(c, ds)
	if ds.HasErrors() {
		return cli.Exit("build: the sources have errors (run briefs check)", 1)
	}
	jobs, err := publish.Plan(briefs, publish.Filter{
		Langs: c.StringSlice("lang"), Briefs: c.StringSlice("brief"), Editions: c.StringSlice("edition")})
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	set, err := fonts.Load()
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	b := &publish.Builder{Catalog: cat, Fonts: set, Breaker: linebreak.New(), Out: c.String("out"), Justify: c.Bool("justify")}
	failed := 0
	for _, r := range b.Build(jobs) {
		printDiags(c, r.Diags)
		if r.Err != nil {
			failed++
			fmt.Fprintf(c.App.ErrWriter, "FAIL %s: %v\n", r.Job.Path(), r.Err)
			continue
		}
		fmt.Fprintf(c.App.Writer, "wrote %s (%d pages, %d bytes)\n", filepath.Join(b.Out, r.Job.Path()), r.Pages, r.Bytes)
	}
	if failed > 0 {
		return cli.Exit(fmt.Sprintf("build: %d of %d PDFs failed", failed, len(jobs)), 1)
	}
	return nil
}

func printDiags(c *cli.Context, ds diag.List) {
	ds.Sort()
	for _, d := range ds {
		fmt.Fprintln(c.App.ErrWriter, d)
	}
}
