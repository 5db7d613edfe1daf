package press

import (
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/parallel"
)

// What the Builder asks its Cache: which jobs are unchanged (by the bytes
// of their input files, before anything is decoded), and which evaluated
// jobs need no typesetting (by their document).

// prepare gives the cache what the project's settings give every PDF, and
// writes the options once.
func (b *Builder) prepare() {
	b.once.Do(func() {
		b.opts = fmt.Sprintf("justify=%v author=%q style=%s", b.Justify, b.Organisation, b.Style.Digest())
		if b.Cache != nil {
			b.Cache.Project = b.Organisation
			if b.Logo != "" {
				b.Cache.ProjectFiles = []string{b.Logo}
			}
		}
	})
}

// key is a job's cache key, "" when the cache cannot read an input
// (evaluation then reports it, and the job is built without the cache).
func (b *Builder) key(j Job) string {
	if k, ok := b.keys.Load(j.Path()); ok {
		return k.(string)
	}
	key, _ := b.Cache.Key(j, b.options())
	b.keys.Store(j.Path(), key)
	return key
}

// options is what the build's flags and settings give every PDF, for the
// cache keys.
func (b *Builder) options() string {
	b.prepare()
	return b.opts
}

// contentKey is the ContentKey of an evaluated job: its document, the
// options and the project's files as Key has them, and the word lists
// of the scripts the document holds, which layout breaks its lines with. "" without a cache, or when
// the job is never recorded (a draft).
func (b *Builder) contentKey(j Job, doc *manuscript.Document) string {
	if b.Cache == nil || doc.Draft || b.Draft {
		return ""
	}
	label := fmt.Sprintf("content\x00%s\x00%s\x00%s\x00project=%q\x00", j.Edition, j.Lang, b.options(), b.Cache.Project)
	locales := filepath.Join(filepath.Dir(filepath.Dir(j.Brief.Dir)), "locales")
	files := func(encoded []byte) []string {
		out := slices.Clone(b.Cache.ProjectFiles)
		for _, name := range wordListsFor(encoded) {
			out = append(out, filepath.Join(locales, name))
		}
		return out
	}
	key, err := b.Cache.ContentKey(label, doc, files)
	if err != nil {
		return ""
	}
	return key
}

// mayBeUnchanged reports whether an evaluated job's PDF may need no
// typesetting (sameContent): the cache has a record of it, and the build
// does not force it. Only then is its content key needed before layout.
func (b *Builder) mayBeUnchanged(j Job) bool {
	return b.Cache != nil && !b.Force && b.Cache.Recorded(j.Path())
}

// jobKeys are a job's two cache keys, its inputs' (key) and its
// document's (contentKey), which only finish needs once the job is
// typeset. Hashing the files and the encoded document took 0.8-1 ms
// before a one-PDF build's layout could start, with the other core idle;
// keysAside makes them beside the layout instead.
type jobKeys struct {
	done            chan struct{}
	inputs, content string
}

// keysAside starts making j's keys on another goroutine. content is the
// content key when the caller made it already (nil otherwise). doc is
// only read, as layout reads it.
func (b *Builder) keysAside(j Job, doc *manuscript.Document, content *string) *jobKeys {
	k := &jobKeys{done: make(chan struct{})}
	if b.Cache == nil {
		close(k.done) // nothing is recorded
		return k
	}
	go func() {
		defer close(k.done)
		k.inputs = b.key(j)
		if content != nil {
			k.content = *content
		} else {
			k.content = b.contentKey(j, doc)
		}
	}()
	return k
}

// wait returns the keys when they are made.
func (k *jobKeys) wait() (inputs, content string) {
	<-k.done
	return k.inputs, k.content
}

// sameContent reports whether a job evaluated to the document its PDF on
// disk was typeset from: it need not be typeset again, only recorded
// under its new inputs (unless one of them is broken, which the next
// build must read and report again).
func (b *Builder) sameContent(j Job, content string) (CacheEntry, bool) {
	if content == "" || b.Force {
		return CacheEntry{}, false
	}
	e, ok := b.Cache.FreshContent(filepath.Join(b.Out, filepath.FromSlash(j.Path())), j.Path(), content)
	if ok && len(e.Warnings) > 0 && b.Cache.WarnedKey(e.Warnings) != e.Warned {
		// A file its warnings point into changed, so their positions
		// may have moved: typeset it again to place them (the bytes come
		// out the same).
		return CacheEntry{}, false
	}
	if ok && !b.brokenInput(j) {
		b.Cache.Rekey(j.Path(), b.key(j))
	}
	return e, ok
}

// fresh returns the cache's record of a job's PDF when the job need not
// be typeset: its input files hash as recorded, and its PDF is the one
// written. It reads no catalogue, so a caller can ask before loading any
// (Stale).
//
// The answer is decided once per job and build: a job that Stale found
// unchanged is skipped by Build even if its PDF went meanwhile, since its
// caller gave it no catalogue (the next build writes it again).
func (b *Builder) fresh(j Job) (CacheEntry, bool) {
	if b.Cache == nil || b.Force || b.Draft {
		return CacheEntry{}, false
	}
	if d, ok := b.decided.Load(j.Path()); ok {
		d := d.(decision)
		return d.e, d.ok
	}
	if !b.Cache.Recorded(j.Path()) {
		// Never built (or forgotten): stale whatever its key, which is
		// then made beside its typesetting (keysAside).
		b.decided.Store(j.Path(), decision{})
		return CacheEntry{}, false
	}
	b.prepare()
	e, ok := b.Cache.Fresh(filepath.Join(b.Out, filepath.FromSlash(j.Path())), j.Path(), b.key(j))
	b.decided.Store(j.Path(), decision{e, ok})
	return e, ok
}

type decision struct {
	e  CacheEntry
	ok bool
}

// Stale returns the jobs Build would typeset, in order: those that are
// not unchanged since the cache recorded them. It needs no Catalog: a
// caller loads the catalogues of these jobs only.
func (b *Builder) Stale(jobs []Job) []Job {
	stale := make([]bool, len(jobs))
	parallel.For(len(jobs), func(i int) { // hashing the inputs and checking the PDFs, on every core
		_, ok := b.fresh(jobs[i])
		stale[i] = !ok
	})
	var out []Job
	for i, j := range jobs {
		if stale[i] {
			out = append(out, j)
		}
	}
	return out
}

// dictionaryRanges lists the character ranges (language.ScriptRanges) of
// the scripts of the languages whose words a dictionary finds.
var dictionaryRanges = sync.OnceValue(func() []language.ScriptRange {
	var scripts []language.Script
	for _, row := range lang.Table {
		if row.Words == lang.WordsByDictionary {
			scripts = append(scripts, row.Script)
		}
	}
	var out []language.ScriptRange
	for _, sr := range language.ScriptRanges {
		if slices.Contains(scripts, sr.Script) {
			out = append(out, sr)
		}
	}
	return out
})

// brokenInput reports whether one of a job's input files failed to load.
func (b *Builder) brokenInput(j Job) bool {
	for _, f := range b.Cache.Inputs(j) {
		if b.Broken[f] != nil {
			return true
		}
	}
	return false
}

// wordListsFor names the word lists that can change how text breaks:
// those of the dictionary languages whose script occurs in text (a Khmer
// name in an English brief is broken with the Khmer list). A list whose
// script the document does not hold changes none of its lines, so an edit
// to it typesets none of its PDFs again.
func wordListsFor(text []byte) []string {
	// Only the dictionary languages' scripts count, and they hold a few
	// ranges of characters, so a character is looked for in those, not
	// in every script's (a lookup per character was 3 % of a 210-PDF
	// build); one in the same range as the last found needs no look.
	ranges := dictionaryRanges()
	seen := map[language.Script]bool{}
	cur := language.ScriptRange{Start: 1}
	for len(text) > 0 {
		k := 0
		for k < len(text) && text[k] < utf8.RuneSelf {
			k++
		}
		if k == len(text) {
			break
		}
		r, n := utf8.DecodeRune(text[k:])
		text = text[k+n:]
		if r >= cur.Start && r <= cur.End {
			continue
		}
		for _, sr := range ranges {
			if r >= sr.Start && r <= sr.End {
				cur, seen[sr.Script] = sr, true
				break
			}
		}
	}
	var out []string
	for _, row := range lang.Table {
		if row.Words == lang.WordsByDictionary && seen[row.Script] {
			out = append(out, catalog.WordListName(row.Code))
		}
	}
	return out
}
