package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/source"
)

// loadProject checks the --lang values, loads the briefs and catalogues
// under --root and prints what loading found, for the commands that work
// on catalogues (sync, export). A project with no brief that loads is a
// usage error: there is nothing to work on.
func loadProject(c *cli.Context) ([]*source.Brief, *catalog.Catalog, diag.List, error) {
	verb := c.Command.Name
	for _, l := range c.StringSlice("lang") {
		if d, bad := source.CheckLanguage(l, source.Pos0); bad {
			return nil, nil, nil, cli.Exit(fmt.Sprintf("%s: %s (%s)", verb, d.Msg, d.Hint), 2)
		}
	}
	root := c.String("root")
	if err := catalog.CheckFolder(filepath.Join(root, "locales")); err != nil {
		return nil, nil, nil, cli.Exit(verb+": "+err.Error(), 2)
	}
	// sync and export need the messages: a brief whose only errors are
	// its figures' still gives them (check and build report the figures).
	briefs, ds := source.LoadAllWith(filepath.Join(root, "briefs"), source.LoadText)
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	ds = append(ds, cds...)
	printDiags(c.App.ErrWriter, ds)
	// What the caller counts as files that did not load: a figure's
	// error, printed, leaves the messages whole.
	ds = slices.DeleteFunc(ds, source.FigureFinding)
	if len(briefs) == 0 {
		return nil, nil, nil, cli.Exit(verb+": no briefs could be loaded", 2)
	}
	if err := checkFilters(verb, c, briefs, ds); err != nil {
		return nil, nil, nil, err
	}
	return briefs, cat, ds, nil
}

// checkFilters refuses a --brief no brief has and a --lang no edition
// publishes, for the commands that load the project with loadProject
// (export, sync), as check and build refuse them: a filter that selects
// nothing would otherwise look like success. ds are the project's
// findings: while a brief fails to load, any language briefs knows
// passes.
func checkFilters(verb string, c *cli.Context, briefs []*source.Brief, ds diag.List) error {
	var ids []string
	for _, b := range briefs {
		ids = append(ids, b.ID)
	}
	for _, id := range c.StringSlice("brief") {
		// A brief that failed to load is there: its errors are printed.
		_, err := os.Stat(filepath.Join(c.String("root"), "briefs", id, "brief.toml"))
		if !slices.Contains(ids, id) && err != nil {
			return cli.Exit(fmt.Sprintf("%s: no brief %q (briefs: %s)", verb, id, strings.Join(ids, ", ")), 2)
		}
	}
	published := source.EditionLanguages(briefs)
	if len(briefs) == 0 || ds.HasErrors() {
		published = lang.Codes()
	}
	if err := source.CheckFilter("language", c.StringSlice("lang"), published); err != nil {
		return cli.Exit(verb+": "+err.Error(), 2)
	}
	return nil
}
