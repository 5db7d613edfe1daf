package layout

import (
	"math"
	"sync"
	"sync/atomic"

	"github.com/mekong-briefs/briefs/internal/manuscript"
)

// A document's blocks are set one after another, on one core, and shaping
// and line breaking are most of that work (issue 17: 85 % of a Khmer
// brief's layout). Whatever a block's paragraphs come to is a pure
// function of their text and style (Memo), so a second engine may set the
// later blocks beforehand, on another core, and leave its work in the
// memo: when Layout reaches them it finds their paragraphs shaped and
// their lines chosen. The partner goes from the last block towards the
// first and stops where it meets Layout, so the two share the blocks
// between them without a plan of their sizes. What the partner sets is
// thrown away; only the memo keeps it, so the document is the same bytes
// with a partner or without.

// rehearsal is a partner's pass over a document's later blocks.
type rehearsal struct {
	front atomic.Int64 // the block Layout is setting
	done  sync.WaitGroup
	// failure is what the partner panicked with, raised again in Layout's
	// goroutine by wait, where the build's recover can turn it into the
	// job's failure; on the partner's own goroutine it killed the process.
	failure any
}

// rehearse starts the partner on doc's blocks, when the engine has a
// partner and a memo they share, and the document is long enough for it
// to pay. Layout calls reached with the index of each block it starts,
// and wait before it returns: the partner's engine is not safe for use
// by two documents at once.
func (e *Engine) rehearse(doc *manuscript.Document) (reached func(int), wait func()) {
	p := e.Partner
	if p == nil || e.Memo == nil || p.Memo != e.Memo || len(doc.Blocks) < minRehearsed {
		return func(int) {}, func() {}
	}
	r := &rehearsal{}
	r.front.Store(-1)
	r.done.Add(1)
	go func() {
		defer r.done.Done()
		defer func() { r.failure = recover() }()
		// Stop one block short of Layout's: it would be setting the
		// block itself by the time the partner finished it.
		p.rehearseBlocks(doc, func(i int) bool { return int64(i) <= r.front.Load()+1 })
	}()
	// Layout is done, or has stopped at an error: the partner stops at
	// its next block.
	stop := func() {
		r.front.Store(math.MaxInt32)
		r.done.Wait()
		if r.failure != nil {
			panic(r.failure)
		}
	}
	return func(i int) { r.front.Store(int64(i)) }, stop
}

// rehearseBlocks sets doc's blocks from the last towards the first, until
// stop reports true for a block's index, and keeps nothing but what the
// memo keeps.
func (e *Engine) rehearseBlocks(doc *manuscript.Document, stop func(int) bool) {
	st := e.setter(doc.Lang)
	for i := len(doc.Blocks) - 1; i >= 0 && !stop(i); i-- {
		if b := doc.Blocks[i]; rehearsed(b.Kind) {
			_, _ = e.block(st, b) // an error is Layout's to report
		}
	}
}

// minRehearsed is the fewest blocks worth a partner: a title page alone
// is over before a goroutine has started.
const minRehearsed = 6

// rehearsed reports whether a partner sets blocks of a kind: those that
// are text. Figures and charts are left to Layout: an image's cost is
// in the PDF writer, and a chart's labels are few.
func rehearsed(k manuscript.Kind) bool {
	switch k {
	case manuscript.Figure, manuscript.ChartBlock:
		return false
	}
	return true
}
