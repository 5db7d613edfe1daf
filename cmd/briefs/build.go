package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/pdf"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/settings"
	"github.com/mekong-briefs/briefs/internal/source"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:  "build",
		Usage: "typeset PDFs: every brief × edition × language, or those the filters select; exit 0 all built, 1 some failed, 2 usage error",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "lang", Usage: "only editions in this language (" + langList() + "); repeatable"},
			&cli.StringSliceFlag{Name: "brief", Usage: "only this brief ID; repeatable"},
			&cli.StringSliceFlag{Name: "edition", Usage: "only this edition (region, th, mm, kh, vn...); repeatable"},
			&cli.StringFlag{Name: "out", Value: "dist", Usage: "output folder (not inside briefs/ or locales/)"},
			&cli.BoolFlag{Name: "justify", Usage: "justify body paragraphs instead of setting them ragged right"},
			&cli.BoolFlag{Name: "force", Usage: "typeset every PDF even if its inputs are unchanged"},
			&cli.BoolFlag{Name: "draft", Usage: "set missing translations in the source language and mark the PDFs DRAFT"},
			&cli.IntFlag{Name: "jobs", Usage: "PDFs built at once; 0 means one per CPU"},
			&cli.StringFlag{Name: "shard", Usage: "build only share K of N of the matrix (K/N, e.g. 2/3), for CI jobs in parallel; briefs merge joins the shards"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "diagnostics as text, json or github (Actions annotations)"},
		},
		Action: runBuild,
	}
}

// buildRun is one build: what was asked, what loaded, what came out.
type buildRun struct {
	root, out string
	site      publish.Site
	filter    press.Filter
	briefs    []*source.Brief
	cat       *catalog.Catalog
	load      diag.List            // diagnostics of loading briefs and catalogues
	broken    map[string]bool      // IDs of briefs that did not load
	unread    map[string]bool      // IDs of briefs on disk that --brief left unread
	bad       map[string]diag.List // catalogue files that did not load
	inBuild   func(domain, lang string) bool
	stale     map[string]int // stale translations per language, of the catalogues inBuild accepts
	results   []press.Result
	removed   []string        // PDFs the index update deleted, relative to out
	shard     *press.Shard    // --shard K/N; nil builds the whole matrix
	draft     bool            // --draft
	failed    map[string]bool // paths (with slashes) of the PDFs this build could not make
	// loadBrief reads one brief.toml: source.Load, or the build's
	// briefMemo.
	loadBrief func(path string) (*source.Brief, diag.List)
}

func runBuild(c *cli.Context) error {
	start := time.Now()
	format := c.String("format")
	if !slices.Contains([]string{"text", "json", "github"}, format) {
		return cli.Exit(fmt.Sprintf("build: unknown --format %q (text, json or github)", format), 2)
	}
	if n := c.Int("jobs"); n < 0 {
		return cli.Exit(fmt.Sprintf("build: --jobs %d is negative (0 means one per CPU)", n), 2)
	}
	if err := sourceDateValid("build"); err != nil {
		return err
	}
	gcForBuild()
	// Settings findings are the build's findings (every format, the exit
	// code), as in check; the defaults stand in for a broken file.
	set, sds := settings.Load(c.String("root"))
	r := &buildRun{root: c.String("root"), out: outFolder(c, set), site: site(set), filter: press.Filter{
		Langs: c.StringSlice("lang"), Briefs: c.StringSlice("brief"), Editions: c.StringSlice("edition")}}
	if err := outsideSources(r.root, r.out); err != nil {
		return cli.Exit("build: "+err.Error(), 2)
	}
	// A file where the folder should be would fail every job, each with
	// the same error and no position: say it once, before any work.
	if err := os.MkdirAll(r.out, 0o755); err != nil {
		hint := "name a folder, or move the file away"
		if errors.Is(err, fs.ErrPermission) {
			hint = "this user may not write there: choose another --out, or let it write the folder"
		}
		return cli.Exit(fmt.Sprintf("build: --out %s cannot be made a folder: %v (%s)", r.out, cause(err), hint), 2)
	}
	cache := press.OpenCache(r.out, press.EngineID(buildVersion))
	if abs, err := filepath.Abs(r.root); err == nil {
		cache.Root, cache.Shown = abs, r.root
	}
	memo := &briefMemo{cache: cache, plans: map[*source.Brief]bool{}}
	r.loadBrief = memo.load
	r.loadBriefs()
	r.load = append(sds, r.load...)
	if len(r.briefs) == 0 && len(r.broken) == 0 && noBriefsFolder(r.load) {
		return cli.Exit(fmt.Sprintf("build: no briefs folder at %s (each brief lives in briefs/<id>/brief.toml; --root names the project folder)",
			filepath.Join(r.root, "briefs")), 2)
	}
	jobs, err := r.plan()
	if err != nil {
		return cli.Exit("build: "+err.Error(), 2)
	}
	if err := pdfsOutsideSources(r.root, r.out, jobs); err != nil {
		return cli.Exit("build: "+err.Error(), 2)
	}
	if s := c.String("shard"); s != "" {
		sh, err := press.ParseShard(s)
		if err != nil {
			return cli.Exit("build: "+err.Error(), 2)
		}
		jobs = sh.Select(jobs)
		r.shard = &sh
	}
	b := &press.Builder{Fonts: sync.OnceValues(fonts.Load), Out: r.out, Organisation: set.Organisation,
		Style: press.StyleOf(set), Logo: logoPath(c, set), LogoPos: set.LogoPos,
		Justify: c.Bool("justify"), Workers: c.Int("jobs"), Force: c.Bool("force"), Draft: c.Bool("draft"),
		Cache: cache}
	// The jobs whose input files are unchanged need neither their whole
	// brief nor a catalogue: only the others' are decoded.
	stale := b.Stale(jobs)
	jobs, stale = r.whole(memo, jobs, stale)
	gcForJobs(len(stale))
	for _, j := range stale {
		b.Warm(j.Lang) // while the catalogues load
	}
	if len(stale) > 0 {
		// Without the folder every PDF failed alone, each told to run
		// briefs sync, which cannot make the English.
		if err := catalog.CheckFolder(filepath.Join(r.root, "locales")); err != nil {
			return cli.Exit("build: "+err.Error(), 2)
		}
		// Found only when the first PDF was written, an output folder
		// this user cannot write failed every PDF alone, each with the
		// path twice, after all were typeset. An unchanged rebuild writes
		// no PDF and is not slowed by the probe.
		if err := writable(r.out); err != nil {
			return cli.Exit(fmt.Sprintf("build: --out %s cannot be written: %v (this user may not write there: choose another --out, or let it write the folder)", r.out, cause(err)), 2)
		}
	}
	r.loadCatalogues(jobs, stale)
	br, err := press.Breaker(r.cat.Words)
	if err != nil {
		return cli.Exit(fmt.Sprintf("build: %v", err), 1)
	}
	b.Catalog, b.Breaker, b.Broken = r.cat, br, r.bad
	if format == "text" {
		b.Progress = progress(c.App.Writer)
	}
	r.results = b.Build(jobs)
	r.draft = b.Draft
	var errs []error
	removed, err := writeIndex(r.out, r.site, r.results, r.cat, r.within(), b.Cache, r.share())
	if err != nil {
		errs = append(errs, err)
	}
	r.removed = removed
	r.stale = r.staleNotes(b.Cache)
	if err := b.Cache.Save(); err != nil {
		errs = append(errs, err)
	}
	rep := r.report(time.Since(start), errs)
	if err := rep.write(c, format, b.Progress != nil); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if code := rep.exitCode(); code != 0 {
		return cli.Exit(rep.verdict(), code)
	}
	return nil
}

// pdfsOutsideSources refuses a PDF path inside briefs/ or locales/ before
// any work. The output folder is outside them (outsideSources), but a
// brief's PDFs go to OUT/<id>/: with out = "." in briefs.toml, a brief
// whose ID is briefs or locales would write into the sources, and a link
// OUT/<id> into them would too.
func pdfsOutsideSources(root, out string, jobs []press.Job) error {
	seen := map[string]bool{}
	for _, j := range jobs {
		dir := filepath.Join(out, j.Brief.ID)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		file := filepath.Join(out, filepath.FromSlash(j.Path()))
		src, err := sourceFolderOf(root, file)
		if err != nil {
			return fmt.Errorf("check where brief %q writes its PDFs: %w", j.Brief.ID, err)
		}
		if src != "" {
			return fmt.Errorf("brief %q would write %s into the source folder %s (rename the brief, or set out = \"dist\" in briefs.toml)",
				j.Brief.ID, file, src)
		}
	}
	return nil
}

// sourceDateValid refuses a bad SOURCE_DATE_EPOCH as a setup error (exit
// 2) before any work: the writer would otherwise fail every PDF with the
// same error, placed at each brief.
func sourceDateValid(command string) error {
	if _, _, err := pdf.SourceDate(); err != nil {
		return cli.Exit(command+": "+err.Error(), 2)
	}
	return nil
}

// loadBriefs loads the briefs the build asks for: with --brief naming
// briefs that are all on disk, only those (a long brief beside them costs
// nothing); otherwise every brief. Those with errors are left out and
// remembered, with their diagnostics; those not read are kept in unread
// for within and plan.
func (r *buildRun) loadBriefs() {
	dir := filepath.Join(r.root, "briefs")
	named, others, ok := r.namedOnDisk(dir)
	if !ok {
		r.briefs, r.load = source.LoadAllWith(dir, r.loadBrief)
		r.broken = brokenIDs(r.load)
		return
	}
	for _, path := range named {
		b, ds := r.loadBrief(path)
		r.load = append(r.load, ds...)
		if b != nil {
			r.briefs = append(r.briefs, b)
		}
	}
	// A brief saved as Brief.toml is none of the others, whose PDFs
	// within keeps: it is broken, so that pruning keeps its PDFs too.
	known := slices.Clone(named)
	for id := range others {
		known = append(known, filepath.Join(dir, id, "brief.toml"))
	}
	r.load = append(r.load, source.Misnamed(dir, known)...)
	r.broken = brokenIDs(r.load)
	r.unread = others
}

// namedOnDisk splits the briefs on disk into the brief.toml files --brief
// names, sorted as LoadAll reads them, and the IDs of the others; ok is
// false without --brief or when a name has no brief.toml (LoadAll and
// press.Plan then report it as before).
func (r *buildRun) namedOnDisk(dir string) (named []string, others map[string]bool, ok bool) {
	if len(r.filter.Briefs) == 0 {
		return nil, nil, false
	}
	matches, err := source.BriefFiles(dir)
	if err != nil {
		return nil, nil, false
	}
	others = map[string]bool{}
	for _, m := range matches {
		others[filepath.Base(filepath.Dir(m))] = true
	}
	for _, id := range r.filter.Briefs {
		if !others[id] && !slices.Contains(named, filepath.Join(dir, id, "brief.toml")) {
			return nil, nil, false
		}
		if others[id] {
			named = append(named, filepath.Join(dir, id, "brief.toml"))
			delete(others, id)
		}
	}
	slices.Sort(named)
	return named, others, true
}

// loadUnread reads the briefs loadBriefs skipped, when the build needs
// the whole project after all.
func (r *buildRun) loadUnread() {
	if len(r.unread) == 0 {
		return
	}
	r.unread = nil
	r.briefs, r.load = source.LoadAllWith(filepath.Join(r.root, "briefs"), r.loadBrief)
	r.broken = brokenIDs(r.load)
}

// noBriefsFolder reports whether loading found no briefs folder at all (a
// wrong --root), as against one with no brief in it yet, which builds
// nothing and succeeds.
func noBriefsFolder(ds diag.List) bool {
	return slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.Code == "no-briefs" })
}

// brokenIDs lists the briefs whose brief.toml has an error.
func brokenIDs(ds diag.List) map[string]bool {
	broken := map[string]bool{}
	for _, d := range ds {
		// An error in briefs/<id>/brief.toml, or in another file of the
		// folder that stands for it (brief.toml.txt, Brief.toml: a
		// brief-name error): the brief did not load, and keeps its PDFs.
		dir := filepath.Dir(d.Pos.File)
		if d.Severity == diag.Error && (strings.EqualFold(filepath.Base(d.Pos.File), "brief.toml") || d.Code == "brief-name" && filepath.Base(filepath.Dir(dir)) == "briefs") {
			broken[filepath.Base(dir)] = true
		}
	}
	return broken
}

// loadCatalogues loads the catalogues the stale jobs (those to be
// typeset) read: each brief's in its PDF's language, its source language
// and English (titles, the message's domain), and the shared ones of
// those languages; the same of all jobs are the build's catalogues
// (inBuild), whose stale translations the build reminds of. The others
// are read only if asked for: the index names the pages of the PDFs of
// earlier builds in their languages, which are known only under the
// output folder's lock. A catalogue with errors is left out and
// remembered, so that only the jobs that need it fail.
func (r *buildRun) loadCatalogues(jobs, stale []press.Job) {
	need, now := catalogues(jobs), catalogues(stale)
	brokenBrief := func(domain, lang string) bool {
		return domain != catalog.Shared && r.broken[domain] && r.selected(domain, lang)
	}
	r.inBuild = func(domain, lang string) bool { return need[[2]string{domain, lang}] || brokenBrief(domain, lang) }
	cat, cds := catalog.LoadOnly(filepath.Join(r.root, "locales"), func(domain, lang string) bool {
		return now[[2]string{domain, lang}] || brokenBrief(domain, lang)
	})
	r.cat = cat
	r.bad = map[string]diag.List{}
	for _, d := range cds {
		if d.Severity == diag.Error && d.Pos.File != "" {
			r.bad[d.Pos.File] = append(r.bad[d.Pos.File], d)
		}
	}
	r.load = append(r.load, cds...)
}

// catalogues lists the (domain, language) of the catalogues jobs read.
func catalogues(jobs []press.Job) map[[2]string]bool {
	need := map[[2]string]bool{}
	for _, j := range jobs {
		for _, l := range []string{j.Lang, j.Brief.SourceLang, "en"} {
			need[[2]string{j.Brief.ID, l}] = true
			need[[2]string{catalog.Shared, l}] = true
		}
	}
	return need
}

// staleNotes counts the stale translations of the build's catalogues,
// per language: from the cache for a catalogue that, with its English
// one, hashes as when it was counted, so that an unchanged rebuild reads
// none.
func (r *buildRun) staleNotes(cache *press.Cache) map[string]int {
	return r.cat.StaleIn(r.inBuild, func(domain, lang string, count func() int) int {
		file := func(l string) string { return filepath.Join(r.cat.Root, domain+"."+l+".toml") }
		name := "stale " + domain + "." + lang
		key, err := cache.FilesKey(name, file(lang), file("en"))
		if err != nil {
			return count()
		}
		var n int
		if cache.Memo(name, key, &n) {
			return n
		}
		n = count()
		cache.SetMemo(name, key, n)
		return n
	})
}

// plan lists the jobs the filters select among the briefs that loaded. A
// brief asked for by name that did not load is a failure, not an unknown
// brief.
func (r *buildRun) plan() ([]press.Job, error) {
	f := r.filter
	if len(f.Briefs) > 0 {
		f.Briefs = slices.DeleteFunc(slices.Clone(f.Briefs), func(id string) bool { return r.broken[id] })
		if len(f.Briefs) == 0 {
			return nil, nil
		}
	}
	if len(r.briefs) == 0 && len(r.unread) == 0 {
		return nil, nil
	}
	jobs, err := press.Plan(r.briefs, f)
	if err != nil && len(r.unread) > 0 {
		// An edition or language named may be another brief's: the
		// filters are checked against the whole project, as before.
		r.loadUnread()
		return r.plan()
	}
	return jobs, err
}

// selected reports whether a brief ID or catalogue domain and a language
// are within the filters.
func (r *buildRun) selected(domain, lang string) bool {
	if len(r.filter.Briefs) > 0 && domain != catalog.Shared && domain != "" && !slices.Contains(r.filter.Briefs, domain) {
		return false
	}
	return len(r.filter.Langs) == 0 || lang == "" || slices.Contains(r.filter.Langs, lang)
}

// writeIndex records the PDFs of this build, merged with those of earlier
// builds still in the tree, in manifest.json and index.html, under the
// output folder's lock; cache remembers the titles of the PDFs and
// what the index was made of. It returns the PDFs it deleted, those of
// withdrawn editions and languages (publish.UpdateCached).
func writeIndex(out string, site publish.Site, results []press.Result, cat *catalog.Catalog, within func(publish.Entry) bool, cache *press.Cache, share *publish.Share) ([]string, error) {
	es, err := publish.Entries(out, results, cat)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	for _, e := range es {
		cache.SetTitles(e.Path, e.Title, e.TitleEN) // an unchanged PDF's, next time
	}
	return publish.UpdateCached(out, site, es, cat, within, cache, share)
}

// share is what the manifest records of --shard: the share, or nil for a
// build of the whole matrix, which thereby drops the claim of a shard
// built into the folder before (its PDFs are all in the matrix, and kept).
func (r *buildRun) share() *publish.Share {
	if r.shard == nil {
		return nil
	}
	return &publish.Share{K: r.shard.K, N: r.shard.N}
}

// within reports whether an entry of an earlier build is still part of
// the whole matrix (filters aside): its brief, edition and language are
// still published. A brief that did not load this time keeps its entries;
// a PDF of a withdrawn edition or language, or of a deleted brief, is
// pruned from the tree, the manifest and the index.
//
// A shard build also prunes the PDFs of other shares, which an earlier
// build into the folder left (the whole matrix, another --shard): its
// manifest claims that share, and merge trusts the claim. Pruning rather
// than refusing the folder lets it converge whatever a CI cache restored
// into it; only PDFs an earlier manifest listed are deleted, as always,
// and the next build of the whole matrix there builds them again.
//
// A build without --draft also drops the DRAFT of a PDF it set out to
// build and could not (a translation still missing): the draft of an
// earlier build --draft stayed, listed in the index, beside a build that
// failed for want of the translation it lacks.
func (r *buildRun) within() func(publish.Entry) bool {
	in := r.inMatrix()
	r.failed = map[string]bool{}
	for _, res := range r.results {
		if res.Err != nil || res.Diags.HasErrors() {
			r.failed[filepath.ToSlash(res.Job.Path())] = true
		}
	}
	return func(e publish.Entry) bool {
		if e.Draft && !r.draft && r.failed[e.Path] {
			return false
		}
		if r.shard != nil && !r.shard.Holds(e.Path) {
			return false
		}
		return in == nil || in(e)
	}
}

// inMatrix is within without regard to --shard; nil when the matrix
// cannot be planned (prune nothing rather than guess).
func (r *buildRun) inMatrix() func(publish.Entry) bool {
	all, err := press.Plan(r.briefs, press.Filter{})
	if err != nil {
		return nil // prune nothing rather than guess
	}
	matrix := map[string]bool{}
	for _, j := range all {
		matrix[j.Path()] = true
	}
	return func(e publish.Entry) bool {
		if r.unread[e.Brief] { // an earlier build's PDF of a brief not read yet
			delete(r.unread, e.Brief)
			// Through the build's briefMemo: the plan of a brief.toml
			// that hashes as when it last loaded comes from the cache,
			// which spares a build of one brief decoding every other
			// (19 of the benchmark's 20 briefs, a millisecond each).
			b, _ := r.loadBrief(filepath.Join(r.root, "briefs", e.Brief, "brief.toml"))
			var jobs []press.Job
			err := errors.New("the brief has errors")
			if b != nil {
				jobs, err = press.Plan([]*source.Brief{b}, press.Filter{})
			}
			if err != nil {
				r.broken[e.Brief] = true // keep its PDFs, as for any brief that did not load
			}
			for _, j := range jobs {
				matrix[j.Path()] = true
			}
		}
		return matrix[e.Path] || r.broken[e.Brief]
	}
}

// gcForBuild sets the collector for a build, unless GOGC or GOMEMLIMIT
// is set. It starts with none until the heap reaches lightHeap: a build of
// one or two PDFs allocates some 10-20 MB, most of it live until the PDF
// is written, so a collection frees little and costs much (one Burmese PDF
// 19 % fewer instructions, English 10 %, Khmer 6 %, for the same peak RSS,
// 23-28 MB; callgrind, December 2026). gcForJobs then gives a larger build
// the collector back, and so does the first collection: a PDF whose live
// heap nears lightHeap (a 12-megapixel figure, a 700-page brief) would
// otherwise be collected again every few milliseconds, as the limit is
// then the only trigger.
//
// Only a process's first build starts so: `briefs serve` builds again and
// again in one process, whose caches outlive each build.
func gcForBuild() { lightStart.Do(startLight) }

// lightStart makes gcForBuild act once per process.
var lightStart sync.Once

// startLight turns the collector off up to lightHeap, until the first
// collection, unless GOGC or GOMEMLIMIT is set.
func startLight() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(lightHeap)
		// The sentinel is unreachable from the start, so the first
		// collection queues its finalizer.
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) { collectAsUsual() })
	}
}

// collectAsUsual gives the collector its usual pace for a build: the heap
// grows to three times the live data between collections (GOGC=200), with
// no memory limit.
func collectAsUsual() {
	debug.SetGCPercent(200)
	debug.SetMemoryLimit(math.MaxInt64)
}

// lightHeap is where a light build's heap is collected after all. A long
// brief's PDF (121 pages, some 150 MB allocated) then peaks at 58 MB RSS
// instead of 50 (at 64 MiB: 70 MB, for 5 % fewer instructions).
const lightHeap = 48 << 20

// lightJobs is the most PDFs a build typesets without the collector.
const lightJobs = 2

// gcForJobs sets the collector for a build that typesets n PDFs: more than
// lightJobs let the heap grow to three times the live data between
// collections (GOGC=200). The 20-brief, 210-PDF project then takes 8 %
// less CPU than at Go's default for 30 % more peak memory.
func gcForJobs(n int) {
	if n > lightJobs && os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		collectAsUsual()
	}
}

// writable reports why a file cannot be made in folder dir, or nil.
func writable(dir string) error {
	f, err := os.CreateTemp(dir, ".briefs-probe-*")
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}
