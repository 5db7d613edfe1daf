package press

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pdf"
	"github.com/mekong-briefs/briefs/internal/shape"
)

// Result is what building one job produced.
type Result struct {
	Job     Job
	Pages   int
	Bytes   int
	Skipped bool // unchanged since the last build: not typeset again
	Draft   bool // built with --draft and some messages fell back
	// NativeDigits is set when the PDF prints its numbers in the
	// language's own digits (its edition's native_digits or the
	// project's), so that the index counts its pages the same way.
	NativeDigits bool
	// SHA256 is the digest of the PDF written or found unchanged, as the
	// Cache records it ("" without a cache). Title and TitleEN are the
	// index's titles the Cache recorded for an unchanged PDF, or "".
	SHA256, Title, TitleEN string
	// Diags holds the job's findings; an error among them failed it.
	Diags diag.List
	// Err is a failure that is not about the input: the PDF could not be
	// written.
	Err error

	write    *pending // the PDF typeset, still to be written (Builder.finish)
	panicked bool     // typesetting panicked: the worker's engine is set afresh
}

// pending is a typeset PDF on its way to the disk.
type pending struct {
	path  string
	keys  *jobKeys // the job's cache keys, perhaps still being made
	data  []byte
	draft bool
}

// Failed reports whether the job produced no PDF.
func (r Result) Failed() bool { return r.Err != nil || r.Diags.HasErrors() }

// Reason is a one-line account of a failure, for the summary.
func (r Result) Reason() string {
	if r.Err != nil {
		return r.Err.Error()
	}
	for _, d := range r.Diags {
		if d.Severity == diag.Error {
			return fmt.Sprintf("%s: %s", d.Pos, d.Msg)
		}
	}
	return ""
}

// Builder builds jobs. Its fields are plain so tests can swap them.
type Builder struct {
	Catalog *catalog.Catalog
	// Fonts returns the parsed faces. It is called only when a PDF must
	// be typeset, so a rebuild with nothing changed parses no font.
	Fonts   func() (*fonts.Set, error)
	Breaker *linebreak.Breaker
	Out     string // output folder
	Justify bool
	// Workers is how many PDFs are built at once; 0 means one per CPU.
	Workers int
	// Cache, when set, skips jobs whose inputs have not changed, and
	// records the jobs it builds.
	Cache *Cache
	// Force typesets every job, but still records it in the Cache.
	Force bool
	// Draft builds editions with missing messages in the source language
	// (content.Options.Draft).
	Draft bool
	// Organisation publishes the briefs (briefs.toml): the PDFs' author
	// and the masthead's name. Logo is the path of the masthead's logo
	// (briefs.toml's, joined to the root), or "".
	Organisation string
	// Style is the project's look (briefs.toml): page, accent, faces,
	// sizes, digits and logo.
	Style   Style
	Logo    string
	LogoPos diag.Pos // where briefs.toml names the logo
	// Broken maps the path of each catalogue file that failed to load to
	// its diagnostics: the jobs that need the file fail with them, and
	// the others are built.
	Broken map[string]diag.List
	// Progress, when set, is called after each job, from one goroutine at a time.
	Progress func(done, total int, r Result)

	warmed  sync.Map // languages whose fonts are being parsed (warm)
	keys    sync.Map // job path -> cache key, computed once (key)
	decided sync.Map // job path -> decision, made once (fresh)
	once    sync.Once
	opts    string // options, made once (prepare)
}

// Build runs the jobs in parallel and writes their PDFs. A failed job does
// not stop or corrupt the others; its error is in its Result. Results come
// back in job order.
func (b *Builder) Build(jobs []Job) []Result {
	b.prepare()
	results := make([]Result, len(jobs))
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// The workers share one memo of shaped paragraphs: the editions of a
	// brief in a language are shaped once, whichever worker sets them.
	memo := &layout.Memo{}
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	record := func(i int, r Result) {
		mu.Lock()
		results[i] = r
		done++
		if b.Progress != nil {
			b.Progress(done, len(jobs), r)
		}
		mu.Unlock()
	}
	// The PDFs are written on goroutines of their own: atomicfile syncs
	// each to the disk, and a worker waiting for that would leave its
	// core idle (issue 17: 12 ms a PDF, a third of the 210-PDF build's
	// wall time on a busy disk).
	type typeset struct {
		i int
		r Result
	}
	writes := make(chan typeset, workers)
	var writers sync.WaitGroup
	for w := 0; w < 2*min(workers, len(jobs)); w++ {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for t := range writes {
				record(t.i, b.finish(t.r))
			}
		}()
	}
	var wg sync.WaitGroup
	// A core no job will use sets a job's later blocks ahead of it
	// (layout.Engine.Partner): one partner for each such core, so that 7
	// jobs on 8 cores start one, not 7 partners contending for one core.
	partners := max(workers-len(jobs), 0)
	for w := 0; w < min(workers, len(jobs)); w++ {
		wg.Add(1)
		partnered := w < partners
		go func() {
			defer wg.Done()
			// Each worker shapes with its own faces and shaper: both hold
			// caches that are not safe for concurrent use.
			var eng *layout.Engine
			engine := func() (*layout.Engine, error) {
				if eng == nil {
					set, err := b.Fonts()
					if err != nil {
						return nil, err
					}
					eng = b.engine(set, memo)
					if partnered {
						eng.Partner = b.engine(set, memo)
					}
				}
				return eng, nil
			}
			for i := range next {
				r := b.build(engine, jobs[i])
				if r.panicked {
					eng = nil // perhaps left half-way: the next job sets afresh
				}
				if r.write != nil {
					writes <- typeset{i, r}
				} else {
					record(i, r)
				}
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	close(writes)
	writers.Wait()
	return results
}

// engine makes a worker's engine: faces and shaper of its own, the
// build's memo, the project's style.
func (b *Builder) engine(set *fonts.Set, memo *layout.Memo) *layout.Engine {
	eng := NewEngine(set.Clone(), b.Breaker, b.Justify)
	eng.Memo = memo
	b.Style.Apply(eng)
	return eng
}

// internalError is the failure of a job whose typesetting panicked: a
// bug that one brief's input meets fails that PDF, named, with where it
// happened, and the other PDFs are built (a table caption with no text
// once killed the process and every job with it).
func internalError(p any) error {
	stack := strings.Split(string(debug.Stack()), "\n")
	return fmt.Errorf("internal error while typesetting (a bug in briefs: please report it with this brief): %v\n%s", p, strings.Join(stack[:min(len(stack), 16)], "\n"))
}

// nativeDigits reports whether j's PDF prints native digits: its
// edition's native_digits, or the project's for the language (the rule
// content.EvaluateWith applies to the text).
func (b *Builder) nativeDigits(j Job) bool {
	ed, _ := j.Brief.Edition(j.Edition)
	return ed.UsesNativeDigits(j.Lang) || b.Style.NativeDigits[j.Lang]
}

func (b *Builder) build(engine func() (*layout.Engine, error), j Job) (r Result) {
	defer func() {
		if p := recover(); p != nil {
			// The findings so far and the draft mark stay; the PDF is none.
			r.Err, r.write, r.panicked = internalError(p), nil, true
		}
	}()
	r = Result{Job: j, NativeDigits: b.nativeDigits(j)}
	path := filepath.Join(b.Out, filepath.FromSlash(j.Path()))
	if e, ok := b.fresh(j); ok {
		r.Skipped, r.Pages, r.Bytes, r.SHA256, r.Title, r.TitleEN = true, e.Pages, e.Bytes, e.Output, e.Title, e.TitleEN
		r.Diags = e.Warnings // as typesetting gave them: the inputs are the same files
		return r
	}
	if r.Diags = b.blocked(j); r.Diags != nil {
		return r
	}
	b.Warm(j.Lang)
	doc, ds := b.evaluate(j)
	if ds.HasErrors() {
		r.Diags = ds
		return r
	}
	r.Draft = doc.Draft
	var keys *jobKeys
	if b.mayBeUnchanged(j) {
		content := b.contentKey(j, doc)
		if e, ok := b.sameContent(j, content); ok {
			r.Skipped, r.Pages, r.Bytes, r.SHA256, r.Diags = true, e.Pages, e.Bytes, e.Output, append(ds, e.Warnings...)
			return r
		}
		keys = b.keysAside(j, doc, &content)
	} else {
		keys = b.keysAside(j, doc, nil)
	}
	eng, err := engine()
	if err != nil {
		r.Err = fmt.Errorf("load fonts: %w", err)
		return r
	}
	data, pages, ds, err := Typeset(eng, doc)
	r.Diags, r.Pages, r.Bytes = ds, pages, len(data)
	if err != nil {
		if !ds.HasErrors() { // otherwise layout's own findings say why, once
			r.Diags = append(r.Diags, diag.Errorf(diag.Pos{File: j.Brief.File, Line: 1, Col: 1}, "typeset",
				"report this with the brief and catalogue attached", "%s cannot be typeset: %v", j.Path(), err))
		}
		return r
	}
	r.write = &pending{path: path, keys: keys, data: data, draft: doc.Draft}
	return r
}

// finish writes a typeset job's PDF and records it in the cache.
func (b *Builder) finish(r Result) Result {
	p, j := r.write, r.Job
	r.write = nil
	if r.Err = b.Cache.WriteOutput(p.path, p.data); r.Err != nil {
		r.Err = fmt.Errorf("write %s: %w", j.Path(), r.Err)
		return r
	}
	if b.Cache == nil {
		return r
	}
	sum := sha256.Sum256(p.data)
	r.SHA256 = hex.EncodeToString(sum[:])
	// A draft, or a PDF built while one of its input files is broken
	// (an English catalogue it does not render from), is never
	// "unchanged": the next build reads its inputs again, and reports
	// the broken file again.
	if key, content := p.keys.wait(); p.draft || key == "" || b.brokenInput(j) {
		b.Cache.Forget(j.Path())
	} else {
		b.Cache.StoreSum(j.Path(), key, content, r.SHA256, len(p.data), r.Pages, r.Diags)
	}
	return r
}

// Warm parses the fonts of a language's PDFs on another goroutine, once
// per language and build, as soon as a job in it is known to be stale
// (the command calls it after Stale, and build for each job): loading the
// catalogues, evaluating the job and starting its layout then overlap the
// parsing, and a face waits for it only if layout asks for it first. A
// build with nothing to typeset parses nothing.
func (b *Builder) Warm(code string) {
	if b.Fonts == nil {
		return
	}
	if _, started := b.warmed.LoadOrStore(code, true); started {
		return
	}
	go func() {
		if set, err := b.Fonts(); err == nil { // an error is the job's to report
			set.Warm(b.families(code)...)
		}
	}()
}

// families lists the families a language's text is set in, as layout
// chooses them: the script's, the language table's body family, and the
// project's heading and body faces.
func (b *Builder) families(code string) []string {
	row, ok := lang.Lookup(code)
	if !ok {
		return nil
	}
	stems := []string{fonts.Family(row.Script)}
	if row.BodyFamily != "" {
		stems = append(stems, row.BodyFamily)
	}
	if ls, ok := b.Style.Langs[code]; ok {
		for _, f := range []string{ls.HeadingFace, ls.BodyFace} {
			if f != "" {
				stems = append(stems, f)
			}
		}
	}
	return stems
}

// evaluate resolves a job's edition with the project's settings: its
// author, its digits and its logo.
func (b *Builder) evaluate(j Job) (*manuscript.Document, diag.List) {
	return content.EvaluateWith(j.Brief, b.Catalog, j.Edition, j.Lang, content.Options{Draft: b.Draft, Organisation: b.Organisation,
		NativeDigits: b.Style.NativeDigits[j.Lang], Logo: b.Logo, LogoPos: b.LogoPos})
}

// blocked returns the diagnostics of the broken catalogue files a job
// needs, or nil.
func (b *Builder) blocked(j Job) diag.List {
	var ds diag.List
	for _, p := range b.needs(j) {
		ds = append(ds, b.Broken[p]...)
	}
	return ds
}

// needs lists the catalogue files a job reads.
func (b *Builder) needs(j Job) []string {
	if b.Catalog == nil {
		return nil
	}
	// The source language's too: a chart reads its cells there, and a
	// draft its missing messages; a broken English catalogue failed the
	// Khmer PDF as a chart cell that "reads """.
	langs := []string{j.Lang}
	if j.Brief.SourceLang != j.Lang {
		langs = append(langs, j.Brief.SourceLang)
	}
	var out []string
	for _, l := range langs {
		for _, d := range []string{catalog.Shared, j.Brief.ID} {
			out = append(out, filepath.Join(b.Catalog.Root, d+"."+l+".toml"))
		}
	}
	return out
}

// NewEngine assembles the layout engine that Typeset runs: the faces, a
// fresh shaper, the breaker and a memo of shaped paragraphs, which the
// engine's later documents (other editions in the same language) reuse.
// An engine is not safe for concurrent use; give each goroutine its own,
// with its own clone of the faces.
func NewEngine(set *fonts.Set, br *linebreak.Breaker, justify bool) *layout.Engine {
	return &layout.Engine{Fonts: set, Shaper: &shape.Shaper{}, Breaker: br, Memo: &layout.Memo{}, Justify: justify}
}

// Typeset lays out an evaluated document and serialises it as PDF.
func Typeset(eng *layout.Engine, doc *manuscript.Document) ([]byte, int, diag.List, error) {
	laid, ds, err := eng.Layout(doc)
	if err != nil {
		return nil, 0, ds, err
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, laid); err != nil {
		return nil, 0, ds, err // pdf.Write names its layer: "write pdf: ..."
	}
	return buf.Bytes(), len(laid.Pages), ds, nil
}

// WriteFile writes data to path atomically (package atomicfile), so a
// reader never sees a half-written PDF.
func WriteFile(path string, data []byte) error { return atomicfile.Write(path, data) }
