package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/interchange"
)

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "merge translated PO or XLIFF files into the TOML catalogues; a file with any error is refused whole and nothing of it is written",
		ArgsUsage: "FILE...",
		Flags: []cli.Flag{&cli.BoolFlag{Name: "replace",
			Usage: "take the file's translation of a message whose translation changed in the catalogue since the file was exported (another translator's import, an edit), which is otherwise refused as a conflict"}},
		Action: runImport,
	}
}

func runImport(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("import: name the PO or XLIFF files to import", 2)
	}
	// A mistyped name is a usage error, found before any file is
	// imported, as merge finds a wrong folder: nothing is half done.
	for _, path := range c.Args().Slice() {
		if st, err := os.Stat(path); err != nil || st.IsDir() {
			return cli.Exit(fmt.Sprintf("import: %s is not a file (name the PO or XLIFF files to import, as export wrote them)", path), 2)
		}
	}
	failed := 0
	batch := &interchange.Batch{Root: c.String("root"), Replace: c.Bool("replace")}
	for _, path := range c.Args().Slice() {
		res, ds := batch.Import(path)
		printDiags(c.App.ErrWriter, ds)
		switch {
		case ds.HasErrors():
			failed++
			fmt.Fprintf(c.App.Writer, "refused %s: nothing written\n", path)
		case res.Written:
			fmt.Fprintf(c.App.Writer, "wrote %s from %s: %d current, %d to review, %d unchanged%s\n",
				res.Target, path, res.Stamped, res.Unreviewed, res.Unchanged, leftOut(res))
		case res.AsExported:
			how := "as briefs export wrote it"
			if res.AsImported {
				how = "as its last import took it"
			}
			fmt.Fprintf(c.App.Writer, "unchanged %s: %s is %s, so it brings nothing new\n", res.Target, path, how)
		default:
			fmt.Fprintf(c.App.Writer, "unchanged %s: %s brings nothing new%s\n", res.Target, path, leftOut(res))
		}
	}
	if failed > 0 {
		return cli.Exit(fmt.Sprintf("import: %d of %d files refused", failed, c.NArg()), 1)
	}
	return nil
}

// leftOut says which entries of an imported file were not written: fuzzy
// suggestions for messages with no translation, and translations of
// older English than the catalogue's current ones.
func leftOut(res *interchange.Imported) string {
	if res.Written {
		notes := ""
		if res.Notes > 0 {
			notes = fmt.Sprintf(", translator comments of %d", res.Notes)
		}
		copied := ""
		if res.Copied > 0 {
			copied = fmt.Sprintf(", %d copied from the English left out", res.Copied)
		}
		return fmt.Sprintf(", %d fuzzy left out, %d outdated left out%s%s", res.Fuzzy, res.Outdated, copied, notes)
	}
	var parts []string
	if res.Fuzzy > 0 {
		parts = append(parts, fmt.Sprintf("%d fuzzy", res.Fuzzy))
	}
	if res.Outdated > 0 {
		parts = append(parts, fmt.Sprintf("%d outdated", res.Outdated))
	}
	if res.Copied > 0 {
		parts = append(parts, fmt.Sprintf("%d copied from the English", res.Copied))
	}
	if parts == nil {
		return ""
	}
	return " (" + strings.Join(parts, " and ") + " left out)"
}
