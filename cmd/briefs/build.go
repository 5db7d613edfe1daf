package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/source"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:  "build",
		Usage: "typeset PDFs: every brief × edition × language, or those the filters select",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "lang", Usage: "only editions in this language (" + langList() + "); repeatable"},
			&cli.StringSliceFlag{Name: "brief", Usage: "only this brief ID; repeatable"},
			&cli.StringSliceFlag{Name: "edition", Usage: "only this edition (region, th, mm, kh, vn...); repeatable"},
			&cli.StringFlag{Name: "out", Value: "dist", Usage: "output folder"},
			&cli.BoolFlag{Name: "justify", Usage: "justify body paragraphs instead of setting them ragged right"},
			&cli.BoolFlag{Name: "force", Usage: "typeset every PDF even if its inputs are unchanged"},
			&cli.IntFlag{Name: "jobs", Usage: "PDFs built at once; 0 means one per CPU"},
		},
		Action: runBuild,
	}
}

func runBuild(c *cli.Context) error {
	start := time.Now()
	root := c.String("root")
	briefs, ds := source.LoadAll(filepath.Join(root, "briefs"))
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	ds = append(ds, cds...)
	printDiags(c.App.ErrWriter, ds)
	if ds.HasErrors() {
		return cli.Exit("build: the sources have errors (run briefs check)", 1)
	}
	br, err := press.Breaker(cat)
	if err != nil {
		return cli.Exit(fmt.Sprintf("build: %v", err), 1)
	}
	jobs, err := press.Plan(briefs, press.Filter{
		Langs: c.StringSlice("lang"), Briefs: c.StringSlice("brief"), Editions: c.StringSlice("edition")})
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	out := c.String("out")
	b := &press.Builder{Catalog: cat, Fonts: sync.OnceValues(fonts.Load), Breaker: br, Out: out,
		Justify: c.Bool("justify"), Workers: c.Int("jobs"), Force: c.Bool("force"),
		Cache: press.OpenCache(out, press.EngineID())}
	b.Progress = progress(c.App.Writer)
	results := b.Build(jobs)
	report(c.App.Writer, c.App.ErrWriter, out, results, b.Progress != nil)
	if err := b.Cache.Save(); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if err := writeIndex(out, results, cat); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	for _, lang := range sortedKeys(cat.Stale()) {
		n := cat.Stale()[lang]
		fmt.Fprintf(c.App.ErrWriter, "note: %s in %s may be stale (made from older English); run briefs check --lang %s\n",
			count(n, "translation"), lang, lang)
	}
	return summarise(c.App.Writer, results, time.Since(start))
}

// writeIndex records the PDFs of this build, merged with those of earlier
// filtered builds still in the tree, in manifest.json and index.html.
func writeIndex(out string, results []press.Result, cat *catalog.Catalog) error {
	es, err := publish.Entries(out, results, cat)
	if err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	old, _ := publish.ReadManifest(out)
	es = publish.MergeEntries(out, old, es)
	if err := publish.WriteManifest(out, es); err != nil {
		return err
	}
	return publish.WriteIndex(out, es, cat)
}

// progress shows a bar on a terminal. Elsewhere (a file, a pipe, CI) it
// stays quiet, and report prints one plain line per PDF afterwards, in job
// order, so that logs read the same from run to run.
func progress(stdout io.Writer) func(done, total int, r press.Result) {
	if !isTerminal(stdout) || os.Getenv("CI") != "" {
		return nil
	}
	return func(done, total int, r press.Result) {
		const width = 30
		n := done * width / total
		fmt.Fprintf(stdout, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total, r.Job.Path())
		if done == total {
			fmt.Fprint(stdout, "\r\033[K")
		}
	}
}

// report prints each PDF's diagnostics and outcome, in job order. On a
// terminal the unchanged ones are left out: the bar showed them.
func report(stdout, stderr io.Writer, out string, results []press.Result, quietUnchanged bool) {
	for _, r := range results {
		printDiags(stderr, r.Diags)
		path := filepath.Join(out, r.Job.Path())
		switch {
		case r.Err != nil:
			fmt.Fprintf(stderr, "FAIL %s: %v\n", path, r.Err)
		case r.Skipped:
			if !quietUnchanged {
				fmt.Fprintf(stdout, "unchanged %s\n", path)
			}
		default:
			fmt.Fprintf(stdout, "wrote %s (%d pages, %d bytes)\n", path, r.Pages, r.Bytes)
		}
	}
}

func summarise(w io.Writer, results []press.Result, took time.Duration) error {
	var written, skipped, failed, pages, bytes int
	for _, r := range results {
		switch {
		case r.Err != nil:
			failed++
			continue
		case r.Skipped:
			skipped++
		default:
			written++
		}
		pages += r.Pages
		bytes += r.Bytes
	}
	fmt.Fprintf(w, "%d PDFs written, %d unchanged, %d failed; %d pages, %d bytes in %v\n",
		written, skipped, failed, pages, bytes, took.Round(time.Millisecond))
	if failed > 0 {
		return cli.Exit(fmt.Sprintf("build: %d of %d PDFs failed", failed, len(results)), 1)
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func printDiags(w io.Writer, ds diag.List) {
	ds.Sort()
	for _, d := range ds {
		fmt.Fprintln(w, d)
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
