package main

import (
	"errors"
	"fmt"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/interchange"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the catalogues as PO or XLIFF 1.2 for translators' tools: DIR/<lang>/<brief-id>.po|.xlf and the shared catalogue",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "po", Usage: "po (gettext: Poedit, Weblate) or xliff (XLIFF 1.2: memoQ, Trados, OmegaT)"},
			&cli.StringSliceFlag{Name: "lang", Usage: "only this language (" + langList() + "); repeatable"},
			&cli.StringSliceFlag{Name: "brief", Usage: "only this brief's catalogues (and the shared one); repeatable"},
			&cli.StringFlag{Name: "out", Required: true, Usage: "folder to write into"},
		},
		Action: runExport,
	}
}

func runExport(c *cli.Context) error {
	root := c.String("root")
	// PO and XLIFF files among the catalogues would be read as sources.
	if err := outsideSources(root, c.String("out")); err != nil {
		return cli.Exit("export: "+err.Error(), 2)
	}
	briefs, cat, ds, err := loadProject(c)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.String("out"), 0o755); err != nil {
		return cli.Exit(fmt.Sprintf("export: --out %s cannot be made a folder: %v (name a folder, or move the file away)", c.String("out"), cause(err)), 2)
	}
	written, err := interchange.Export(root, cat, briefs,
		interchange.Select{Langs: c.StringSlice("lang"), Briefs: c.StringSlice("brief"), BriefsFailed: briefFailed(ds)}, c.String("format"), c.String("out"))
	for _, w := range written {
		verb := "wrote"
		if w.Unchanged {
			verb = "unchanged"
		}
		drafts := ""
		if w.Drafts > 0 {
			drafts = fmt.Sprintf(" (%d of them the translators' drafts, kept from the file replaced)", w.Drafts)
		}
		fmt.Fprintf(c.App.Writer, "%s %s: %d translated, %d stale (fuzzy), %d suggested (fuzzy)%s, %d untranslated\n",
			verb, w.Path, w.Translated, w.Stale, w.Suggested, drafts, w.Untranslated)
	}
	var kept *interchange.Unimported
	if errors.As(err, &kept) {
		return cli.Exit(err.Error(), 1)
	}
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	if failedFor(ds, c.StringSlice("lang"), c.StringSlice("brief")) {
		return cli.Exit("export: some files did not load; their messages are not exported, and their earlier exports are left as they were", 1)
	}
	return nil
}

// failedFor reports whether a file the export reads did not load: a
// brief, or a catalogue of a brief and language it exports (English and
// the shared catalogue for all). A broken Khmer catalogue failed export
// --lang th, which writes nothing from it (a translator-workflow
// helper's report); it is still printed, as loading found it.
func failedFor(ds diag.List, langs, briefs []string) bool {
	return slices.ContainsFunc(ds, func(d diag.Diagnostic) bool {
		if d.Severity != diag.Error {
			return false
		}
		name := filepath.Base(d.Pos.File)
		domain, rest, ok := strings.Cut(strings.TrimSuffix(name, ".toml"), ".")
		if !ok || !strings.HasSuffix(name, ".toml") || strings.EqualFold(name, "brief.toml") {
			return true // a brief, or a file export cannot place
		}
		langOK := len(langs) == 0 || rest == "en" || slices.Contains(langs, rest)
		briefOK := len(briefs) == 0 || domain == catalog.Shared || slices.Contains(briefs, domain)
		return langOK && briefOK
	})
}

// briefFailed reports whether a brief.toml did not load: its messages are
// unknown, the shared ones it needs too.
func briefFailed(ds diag.List) bool {
	return slices.ContainsFunc(ds, func(d diag.Diagnostic) bool {
		return d.Severity == diag.Error && strings.EqualFold(filepath.Base(d.Pos.File), "brief.toml")
	})
}
