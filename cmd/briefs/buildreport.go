package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/press"
)

// buildReport is what a build tells its user: every diagnostic once, and
// each PDF's outcome.
type buildReport struct {
	out      string
	diags    diag.List
	jobs     []jobOutcome
	failures []string // briefs that did not load, and other failures
	removed  []string // PDFs of withdrawn editions and languages, deleted
	// otherShare holds the removed PDFs that --shard (shard) pruned for
	// being of another share, which their message says apart.
	otherShare map[string]bool
	// draftGone and briefGone hold the removed PDFs that were the drafts
	// of PDFs this build failed to make, and those of a brief whose
	// folder is gone, which their message says apart too.
	draftGone, briefGone map[string]bool
	shard                string
	took                 time.Duration
	stale                map[string]int
	empty                string // the briefs folder, when it holds no brief yet
}

type jobOutcome struct {
	Path   string `json:"path"`
	Status string `json:"status"` // written, unchanged, failed
	Draft  bool   `json:"draft,omitempty"`
	Pages  int    `json:"pages"`
	Bytes  int    `json:"bytes"`
	Reason string `json:"reason,omitempty"`
}

func (r *buildRun) report(took time.Duration, errs []error) *buildReport {
	rep := &buildReport{out: r.out, took: took, stale: r.stale}
	if len(r.briefs) == 0 && len(r.broken) == 0 && len(r.unread) == 0 {
		rep.empty = filepath.Join(r.root, "briefs")
	}
	rep.otherShare, rep.draftGone, rep.briefGone = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range r.removed {
		full := filepath.Join(r.out, filepath.FromSlash(p))
		rep.removed = append(rep.removed, full)
		brief, _, _ := strings.Cut(p, "/")
		rep.draftGone[full] = r.failed[p]
		_, err := os.Stat(filepath.Join(r.root, "briefs", brief))
		rep.briefGone[full] = errors.Is(err, fs.ErrNotExist)
		if r.shard != nil && !r.shard.Holds(p) {
			rep.otherShare[full] = true
			rep.shard = r.share().String()
		}
	}
	for _, d := range r.load {
		if r.relevant(d.Pos.File) {
			rep.diags = append(rep.diags, d)
		}
	}
	for _, id := range sortedSet(r.broken) {
		if r.selected(id, "") {
			rep.failures = append(rep.failures, fmt.Sprintf("%s: the brief has errors; none of its PDFs were built",
				filepath.Join(r.root, "briefs", id, "brief.toml")))
		}
	}
	for _, res := range r.results {
		rep.diags = append(rep.diags, res.Diags...)
		o := jobOutcome{Path: filepath.Join(r.out, res.Job.Path()), Draft: res.Draft, Pages: res.Pages, Bytes: res.Bytes}
		switch {
		case res.Failed():
			o.Status, o.Reason, o.Pages, o.Bytes = "failed", res.Reason(), 0, 0
		case res.Skipped:
			o.Status = "unchanged"
		default:
			o.Status = "written"
		}
		rep.jobs = append(rep.jobs, o)
	}
	for _, err := range errs {
		rep.failures = append(rep.failures, err.Error())
	}
	rep.diags = dedupe(rep.diags)
	return rep
}

// relevant reports whether a diagnostic about file concerns the briefs and
// languages the filters select: a broken Khmer catalogue of another brief
// does not clutter `build --brief this`.
func (r *buildRun) relevant(file string) bool {
	base := filepath.Base(file)
	if strings.EqualFold(base, "brief.toml") {
		return r.selected(filepath.Base(filepath.Dir(file)), "")
	}
	if parts := strings.Split(base, "."); len(parts) == 3 && parts[2] == "toml" {
		return r.selected(parts[0], parts[1])
	}
	return true
}

func dedupe(ds diag.List) diag.List {
	seen := map[string]bool{}
	var out diag.List
	for _, d := range ds {
		if k := d.String(); !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}

func (rep *buildReport) counts() (written, unchanged, failed, pages, bytes int) {
	for _, j := range rep.jobs {
		switch j.Status {
		case "failed":
			failed++
			continue
		case "unchanged":
			unchanged++
		default:
			written++
		}
		pages += j.Pages
		bytes += j.Bytes
	}
	return
}

// exitCode is 0 when everything selected was built and nothing was wrong,
// 1 otherwise.
func (rep *buildReport) exitCode() int {
	_, _, failed, _, _ := rep.counts()
	if failed > 0 || len(rep.failures) > 0 || rep.diags.HasErrors() {
		return 1
	}
	return 0
}

func (rep *buildReport) verdict() string {
	_, _, failed, _, _ := rep.counts()
	var parts []string
	if failed > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d PDFs failed", failed, len(rep.jobs)))
	}
	if n := len(rep.failures); n > 0 {
		parts = append(parts, count(n, "other failure")+" (listed above)")
	}
	if len(parts) == 0 {
		e := 0
		for _, d := range rep.diags {
			if d.Severity == diag.Error {
				e++
			}
		}
		parts = append(parts, fmt.Sprintf("every PDF was built, but the sources have %s (listed above)", count(e, "error")))
	}
	return "build: " + strings.Join(parts, "; ")
}

func (rep *buildReport) write(c *cli.Context, format string, bar bool) error {
	switch format {
	case "json":
		return rep.writeJSON(c.App.Writer)
	case "github":
		for _, l := range diag.Annotations(rep.diags) {
			fmt.Fprintln(c.App.Writer, l)
		}
		// The notes as notices, which the run's summary shows.
		for _, n := range rep.notes() {
			fmt.Fprintln(c.App.Writer, diag.GitHubNotice("briefs build", n))
		}
		rep.writeText(c.App.Writer, io.Discard, false)
		return nil
	}
	stderr := colored(c, c.App.ErrWriter)
	for _, d := range rep.diags {
		fmt.Fprintln(stderr, d)
	}
	rep.writeText(c.App.Writer, stderr, bar)
	return nil
}

// writeText prints each PDF's outcome in job order, the failures, the
// stale notes and the summary line. On a terminal the unchanged PDFs are
// left out: the bar showed them.
func (rep *buildReport) writeText(stdout, stderr io.Writer, quietUnchanged bool) {
	for _, j := range rep.jobs {
		switch j.Status {
		case "failed":
			fmt.Fprintf(stderr, "FAIL %s: %s\n", j.Path, j.Reason)
		case "unchanged":
			if !quietUnchanged {
				fmt.Fprintf(stdout, "unchanged %s\n", j.Path)
			}
		default:
			draft := ""
			if j.Draft {
				draft = ", DRAFT"
			}
			fmt.Fprintf(stdout, "wrote %s (%s, %d bytes%s)\n", j.Path, count(j.Pages, "page"), j.Bytes, draft)
		}
	}
	for _, p := range rep.removed {
		why := "its edition or language is no longer in the brief"
		switch {
		case rep.draftGone[p]:
			why = "a DRAFT of an earlier build --draft, which this build could not make whole"
		case rep.briefGone[p]:
			why = "its brief is gone"
		}
		if rep.otherShare[p] {
			why = "an earlier build left it, and it is not of share " + rep.shard
		}
		fmt.Fprintf(stdout, "removed %s (%s)\n", p, why)
	}
	for _, f := range rep.failures {
		fmt.Fprintf(stderr, "FAIL %s\n", f)
	}
	for _, n := range rep.notes() {
		fmt.Fprintf(stderr, "note: %s\n", n)
	}
	written, unchanged, failed, pages, bytes := rep.counts()
	fmt.Fprintf(stdout, "%d PDFs written, %d unchanged, %d failed; %s, %d bytes in %v\n",
		written, unchanged, failed, count(pages, "page"), bytes, rep.took.Round(time.Millisecond))
}

// notes are what a build tells besides its findings: a project with no
// brief yet, the translations per language that may be stale.
func (rep *buildReport) notes() []string {
	var out []string
	if rep.empty != "" {
		out = append(out, fmt.Sprintf("%s holds no brief yet, so there is nothing to build (briefs new --edition region:en ID starts one)", rep.empty))
	}
	for _, lang := range sortedKeys(rep.stale) {
		out = append(out, fmt.Sprintf("%s in %s may be stale (made from older English, or never stamped); run briefs check --lang %s",
			count(rep.stale[lang], "translation"), lang, lang))
	}
	return out
}

// BuildSchemaID names the JSON that build --format json writes.
const BuildSchemaID = "briefs-build/1"

func (rep *buildReport) writeJSON(w io.Writer) error {
	written, unchanged, failed, _, _ := rep.counts()
	errs, warns := 0, 0
	fs := []diag.JSON{}
	for _, d := range rep.diags {
		if d.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
		fs = append(fs, d.JSON())
	}
	out := map[string]any{
		"schema": BuildSchemaID,
		"summary": map[string]int{"errors": errs, "warnings": warns, "written": written, "unchanged": unchanged,
			"failed": failed, "exit_code": rep.exitCode()},
		"findings": fs,
		"pdfs":     append([]jobOutcome{}, rep.jobs...),
		"removed":  append([]string{}, rep.removed...),
		"failures": append([]string{}, rep.failures...),
		"notes":    append([]string{}, rep.notes()...),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// progress shows a bar on a terminal. Elsewhere (a file, a pipe, CI) it
// stays quiet, and the report prints one plain line per PDF afterwards,
// in job order, so that logs read the same from run to run.
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

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedSet(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// closestName is diag.Closest, for command names.
func closestName(name string, names []string) string { return diag.Closest(name, names) }

// outsideSources refuses an output folder inside briefs/ or locales/: a
// build would change the sources it watches, and serve would rebuild
// forever.
func outsideSources(root, out string) error {
	dir, err := sourceFolderOf(root, out)
	if err != nil || dir == "" {
		return err
	}
	return fmt.Errorf("--out %s is inside %s; choose a folder outside the sources, such as dist", out, dir)
}

// sourceFolderOf names the source folder (briefs/ or locales/ under root)
// that path is or lies inside, symbolic links followed, or "".
func sourceFolderOf(root, path string) (string, error) {
	p, err := resolved(path)
	if err != nil {
		return "", err
	}
	for _, dir := range []string{"briefs", "locales"} {
		d, err := resolved(filepath.Join(root, dir))
		if err != nil {
			return "", err
		}
		if rel, err := filepath.Rel(d, p); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			return filepath.Join(root, dir), nil
		}
	}
	return "", nil
}

// cause is the innermost error of a path error ("not a directory"), or
// err itself.
func cause(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}

// resolved is the absolute path with symlinks followed as far as the path
// exists, so that a link into briefs/ is seen for what it is.
func resolved(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest), nil
		}
		if parent := filepath.Dir(p); parent == p {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

func printDiags(w io.Writer, ds diag.List) {
	ds.Sort()
	for _, d := range ds {
		fmt.Fprintln(w, d)
	}
}
