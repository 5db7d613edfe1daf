package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/interchange"
)

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "merge translated PO or XLIFF files into the TOML catalogues; a file with any error is refused whole and nothing of it is written",
		ArgsUsage: "FILE...",
		Action:    runImport,
	}
}

func runImport(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("import: name the PO or XLIFF files to import", 2)
	}
	failed := 0
	for _, path := range c.Args().Slice() {
		res, ds := interchange.Import(c.String("root"), path)
		printDiags(c.App.ErrWriter, ds)
		switch {
		case ds.HasErrors():
			failed++
			fmt.Fprintf(c.App.Writer, "refused %s: nothing written\n", path)
		case res.Written:
			fmt.Fprintf(c.App.Writer, "wrote %s from %s: %d current, %d to review, %d unchanged, %d fuzzy left out\n",
				res.Target, path, res.Stamped, res.Unreviewed, res.Unchanged, res.Fuzzy)
		default:
			fmt.Fprintf(c.App.Writer, "unchanged %s: %s brings nothing new\n", res.Target, path)
		}
	}
	if failed > 0 {
		return cli.Exit(fmt.Sprintf("import: %d of %d files refused", failed, c.NArg()), 1)
	}
	return nil
}
