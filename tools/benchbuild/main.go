// Command benchbuild measures `briefs build` as a user runs it, process
// start included, and prints the figures of issue 17 in one run:
//
//   - one PDF per language (a 2-page brief; Thai a 3-4 page one): median
//     wall time and peak RSS;
//   - a long brief (the 2-page body repeated) against the short one, as a
//     cost ratio per page;
//   - a 20-brief, 210-PDF project: cold build in PDFs per second, and the
//     unchanged rebuild as a fraction of the cold build;
//   - the whole sample matrix, cold and unchanged.
//
// With -base OLDBIN it measures that binary the same way, interleaved run
// by run, and prints new/old ratios (of CPU time for single PDFs), which
// stay stable on a noisy machine where absolute times do not. `make bench` runs it after the Go
// benchmarks.
//
// With -typst DIR it also times Typst 0.14 on the same blocks, one node
// process per PDF (typst.go); `make bench TYPST=1` installs and passes it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	bin := flag.String("briefs", "bin/briefs", "the briefs binary")
	base := flag.String("base", "", "an older briefs binary to compare with (optional)")
	n := flag.Int("n", 5, "runs of each measurement")
	samples := flag.String("samples", ".", "project holding the sample briefs/ and locales/")
	typst := flag.String("typst", "", "compare with Typst: the folder of compile.js with its node_modules installed (tools/benchbuild/typst after npm ci)")
	setup := flag.String("setup", "", "only write the synthetic projects (short, many) into this folder, to profile them")
	flag.Parse()
	work := *setup
	if work == "" {
		var err error
		if work, err = os.MkdirTemp("", "briefs-bench-"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(work)
	}
	short := filepath.Join(work, "short")
	many := filepath.Join(work, "many")
	if err := longBrief(*samples, short, 60); err != nil {
		fail(err)
	}
	if err := copyTree(filepath.Join(*samples, "briefs", "jobs-in-sezs"), filepath.Join(short, "briefs", "jobs-in-sezs"), same, same); err != nil {
		fail(err)
	}
	if err := copyCatalogues(*samples, short, "jobs-in-sezs", "jobs-in-sezs"); err != nil {
		fail(err)
	}
	if err := manyBriefs(*samples, many, 10); err != nil {
		fail(err)
	}
	if *setup != "" {
		for _, e := range editionFor {
			src, err := typstSource(short, e.brief, e.edition, e.lang)
			if err != nil {
				fail(err)
			}
			if err := os.WriteFile(filepath.Join(work, "typst-"+e.lang+".typ"), []byte(src), 0o644); err != nil {
				fail(err)
			}
		}
		return
	}
	bins := []string{*bin}
	if *base != "" {
		bins = append(bins, *base)
	}
	b := &bench{bins: bins, n: *n, work: work}
	b.perLanguage(short)
	if *typst != "" {
		b.typst(short, *typst, filepath.Join(*samples, "fonts"))
	}
	b.longVersusShort(short)
	b.project("20-brief project", many)
	b.project("sample matrix", *samples)
}

func same(s string) string { return s }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchbuild:", err)
	os.Exit(1)
}
