package main

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/msgmerge"
)

func syncCommand() *cli.Command {
	return &cli.Command{
		Name:  "sync",
		Usage: "after the English changed: add new messages (empty, with the English as a comment), mark stale ones with the English they were made from, keep every other byte",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "lang", Usage: "only this language (" + langList() + "); repeatable"},
			&cli.StringSliceFlag{Name: "brief", Usage: "only this brief's catalogues (and the shared one); repeatable"},
			&cli.BoolFlag{Name: "accept", Usage: "stamp the current English hash on existing translations: they have been reviewed and are current"},
			&cli.StringSliceFlag{Name: "id", Usage: "with --accept: only this message ID; repeatable"},
		},
		Action: runSync,
	}
}

func runSync(c *cli.Context) error {
	if len(c.StringSlice("id")) > 0 && !c.Bool("accept") {
		return cli.Exit("sync: --id goes with --accept (briefs sync --accept --id MESSAGE); sync alone updates every catalogue", 2)
	}
	// Held from the catalogues' reading to their writing, as import
	// holds it; a folder that cannot be held, loadProject reports.
	if unlock, err := catfile.LockFolder(filepath.Join(c.String("root"), "locales")); err == nil {
		defer unlock()
	}
	briefs, cat, ds, err := loadProject(c)
	if err != nil {
		return err
	}
	selected := func(f *catalog.File) bool {
		return len(c.StringSlice("brief")) == 0 || f.Domain == catalog.Shared || slices.Contains(c.StringSlice("brief"), f.Domain)
	}
	for _, id := range c.StringSlice("id") {
		if !slices.ContainsFunc(cat.Files, func(f *catalog.File) bool { return f.Lang == "en" && selected(f) && f.Message(id) != nil }) {
			return cli.Exit(fmt.Sprintf("sync: no message %q in the English catalogues selected, so nothing to stamp (briefs check lists the stale translations with their IDs)", id), 2)
		}
	}
	results, err := msgmerge.Sync(cat, briefs, msgmerge.Options{
		Langs: c.StringSlice("lang"), Briefs: c.StringSlice("brief"), Accept: c.Bool("accept"), IDs: c.StringSlice("id")})
	for _, r := range results {
		verb, what := "unchanged", ""
		if r.Changed {
			verb = "wrote"
		}
		if r.Changed && r.Added == 0 && r.Stamped == 0 && r.Rehashed == 0 {
			// The counts are of the whole file; with no entry added or
			// stamped, what sync rewrote is its own comments.
			what = " (only sync's comments changed: en:, was:, stale:, suggestion: lines)"
		}
		fmt.Fprintf(c.App.Writer, "%s %s: %d new, %d untranslated (%d with a suggestion), %d stale (%d only the description changed), %d stamped, %d orphans (translations with no English message)%s\n",
			verb, r.Path, r.Added, r.Untranslated, r.Suggested, r.Stale, r.DescriptionOnly, r.Stamped, r.Orphans, what)
	}
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	// A brief with no English catalogue has nothing to make its
	// translations from, and sync passed over it without a word while
	// check said to run sync.
	var sourceless []string
	for _, b := range briefs {
		if _, ok := cat.File(b.ID, "en"); !ok && (len(c.StringSlice("brief")) == 0 || slices.Contains(c.StringSlice("brief"), b.ID)) {
			sourceless = append(sourceless, b.ID)
			fmt.Fprintf(c.App.ErrWriter, "briefs: sync: brief %s has no English catalogue locales/%s.en.toml, so none of its translations was synced: write it (or git checkout -- locales/%s.en.toml), then sync again\n", b.ID, b.ID, b.ID)
		}
	}
	if ds.HasErrors() {
		return cli.Exit("sync: some files did not load; they were left as they are", 1)
	}
	if sourceless != nil {
		return cli.Exit(fmt.Sprintf("sync: %d brief(s) without English left as they are", len(sourceless)), 1)
	}
	return nil
}
