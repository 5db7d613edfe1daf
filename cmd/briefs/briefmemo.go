package main

import (
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/source"
)

// briefMemo loads a build's briefs through its cache. A brief.toml that,
// with the figures and logo it names, hashes as when it last loaded with
// no finding at all is not decoded again: what planning, the cache key
// and the index need of it (its plan: ID, date, editions, title and file
// blocks) comes from the cache. Decoding the 20 briefs of the benchmark's
// project was half of an unchanged rebuild once its catalogues were no
// longer read. A job to be typeset gets its whole brief (whole).
type briefMemo struct {
	cache *press.Cache
	mu    sync.Mutex
	plans map[*source.Brief]bool // briefs that are plans only
}

// briefPlan is what the cache keeps of a brief.
type briefPlan struct {
	ID         string           `json:"id"`
	SourceLang string           `json:"source_lang"`
	Date       time.Time        `json:"date"`
	Editions   []source.Edition `json:"editions"`
	Blocks     []planBlock      `json:"blocks,omitempty"` // title blocks and blocks naming a file, in order
	Logo       string           `json:"logo,omitempty"`   // the masthead's
	Files      string           `json:"files"`            // digest of the files the blocks and logo name
}

type planBlock struct {
	Kind source.Kind `json:"kind"`
	Msg  string      `json:"msg,omitempty"`
	Src  string      `json:"src,omitempty"`
}

// load is source.Load through the cache.
func (m *briefMemo) load(path string) (*source.Brief, diag.List) {
	name := "brief " + path
	key, err := m.cache.FilesKey(name, path)
	if err != nil {
		return source.Load(path)
	}
	var p briefPlan
	if m.cache.Memo(name, key, &p) {
		if b := p.brief(path); m.filesKey(b) == p.Files {
			m.mu.Lock()
			m.plans[b] = true
			m.mu.Unlock()
			return b, nil
		}
	}
	b, ds := source.Load(path)
	if b != nil && len(ds) == 0 {
		if files := m.filesKey(b); files != "" {
			m.cache.SetMemo(name, key, planOf(b, files))
		}
	}
	return b, ds
}

// files lists the files a brief's blocks and masthead name, which Load
// reads the headers of.
func files(b *source.Brief) (srcs []string) {
	if b.Masthead != nil && b.Masthead.Logo != "" {
		srcs = append(srcs, b.Masthead.Logo)
	}
	for _, bl := range b.Blocks {
		if bl.Src != "" {
			srcs = append(srcs, bl.Src)
		}
	}
	return srcs
}

// filesKey digests the files a brief names, "" when one is not a file
// that Load would accept where it is (a link out of the brief's folder).
func (m *briefMemo) filesKey(b *source.Brief) string {
	var paths []string
	for _, src := range files(b) {
		p, err := source.FigurePath(b.Dir, src)
		if err != nil {
			return ""
		}
		paths = append(paths, p)
	}
	key, err := m.cache.FilesKey("brief files", paths...)
	if err != nil {
		return ""
	}
	return key
}

func planOf(b *source.Brief, files string) briefPlan {
	p := briefPlan{ID: b.ID, SourceLang: b.SourceLang, Date: b.Date, Editions: b.Editions, Files: files}
	if b.Masthead != nil {
		p.Logo = b.Masthead.Logo
	}
	for _, bl := range b.Blocks {
		if bl.Kind == source.Title || bl.Src != "" {
			p.Blocks = append(p.Blocks, planBlock{Kind: bl.Kind, Msg: bl.Msg, Src: bl.Src})
		}
	}
	return p
}

// brief is the plan as a Brief, as Load would set its fields from path.
func (p briefPlan) brief(path string) *source.Brief {
	b := &source.Brief{ID: p.ID, Dir: filepath.Dir(path), File: path, Date: p.Date, SourceLang: p.SourceLang, Editions: p.Editions}
	if p.Logo != "" {
		b.Masthead = &source.Masthead{Logo: p.Logo}
	}
	for _, bl := range p.Blocks {
		b.Blocks = append(b.Blocks, source.Block{Kind: bl.Kind, Msg: bl.Msg, Src: bl.Src})
	}
	return b
}

// whole gives each job to be typeset (stale) its whole brief, decoded
// now, in jobs and stale alike. A brief that no longer loads without a
// finding (it changed during the build) is reported as it would have
// been, and its jobs are dropped from both.
func (r *buildRun) whole(m *briefMemo, jobs, stale []press.Job) ([]press.Job, []press.Job) {
	full := map[*source.Brief]*source.Brief{}
	for _, j := range stale {
		if _, done := full[j.Brief]; done || !m.plans[j.Brief] {
			continue
		}
		b, ds := source.Load(j.Brief.File)
		r.load = append(r.load, ds...)
		if b == nil || ds.HasErrors() {
			r.broken[j.Brief.ID] = true
			b = nil
		}
		full[j.Brief] = b
	}
	swap := func(js []press.Job) []press.Job {
		js = slices.DeleteFunc(js, func(j press.Job) bool { b, ok := full[j.Brief]; return ok && b == nil })
		for i, j := range js {
			if b := full[j.Brief]; b != nil {
				js[i].Brief = b
			}
		}
		return js
	}
	return swap(jobs), swap(stale)
}
