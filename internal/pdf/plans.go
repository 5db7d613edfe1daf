package pdf

import (
	"encoding/binary"
	"math"
	"slices"
	"sync"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// plans holds the plans of the runs this process drew, by font program
// and run: the editions of a brief in one language share most of their
// lines, and planning a run's clusters is a third of writing a PDF
// (issue 17). A plan depends only on the run's glyphs, text and size and
// on the font program (its cmap and advances), all of which the key
// holds, so a plan found here is the one plan would make. The plans are
// read only; each document gives their glyphs codes of its own
// (fontRes.codes).
var plans = struct {
	sync.Mutex
	m      map[program]map[string]*runPlan // by font, then by planKey
	glyphs int
}{}

// runPlan is a run's plan, and, when documents share it, the content
// streams its glyphs were last drawn as (content.run).
type runPlan struct {
	planned
	// shared says the plan is in plans; bodies are only kept then.
	shared bool
	mu     sync.Mutex
	bodies [bodiesKept]*runBody // the latest first
}

// bodiesKept is how many bodies a shared plan keeps: the editions a
// build's workers write at once draw a line with codes of their own.
const bodiesKept = 4

// body returns the bytes the plan's glyphs came to with codes from text
// rise rise, if it keeps them.
func (rp *runPlan) body(codes []uint16, rise float64) *runBody {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	for _, b := range rp.bodies {
		if b != nil && b.rise0 == rise && slices.Equal(b.codes, codes) {
			return b
		}
	}
	return nil
}

// hint returns the codes of the body kept last, or nil (fontRes.codes).
func (rp *runPlan) hint() []uint16 {
	if !rp.shared {
		return nil
	}
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if b := rp.bodies[0]; b != nil {
		return b.codes
	}
	return nil
}

// keep remembers b, in place of the body kept longest ago.
func (rp *runPlan) keep(b *runBody) {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	copy(rp.bodies[1:], rp.bodies[:])
	rp.bodies[0] = b
}

// runBody is the content stream of a run's glyphs, between its Tm and the
// next run: drawn with the same codes from the same text rise, the same
// plan writes the same bytes, and leaves the same rise. The editions of a
// brief in one language mostly allocate the same codes in the same order.
type runBody struct {
	codes        []uint16
	rise0, rise1 float64 // the text rise (Ts) before and after
	b            []byte
	end          penState // where the glyphs left the pen, from the run's origin
}

// plansMax bounds the glyphs plans holds (some 100 bytes each, key and
// plan); past it, it starts afresh, as the layout memo does.
const plansMax = 1 << 17

// planKey appends the bytes of what plan reads of run to b: its size,
// each glyph's ID, advance, offsets and cluster, and its text.
// Floating-point values go in as their bits, so two runs share a key
// only when plan would see the same numbers.
func planKey(b []byte, run *pages.GlyphRun) []byte {
	const glyphBytes = 2 + 4*8
	at := len(b)
	b = slices.Grow(b, 16+glyphBytes*len(run.Glyphs)+len(run.Text))[:at+16+glyphBytes*len(run.Glyphs)]
	le := binary.LittleEndian
	le.PutUint64(b[at:], math.Float64bits(run.Size))
	le.PutUint64(b[at+8:], uint64(len(run.Glyphs)))
	at += 16
	for _, g := range run.Glyphs {
		k := b[at : at+glyphBytes]
		le.PutUint16(k, g.ID)
		le.PutUint64(k[2:], math.Float64bits(g.XAdvance))
		le.PutUint64(k[10:], math.Float64bits(g.XOffset))
		le.PutUint64(k[18:], math.Float64bits(g.YOffset))
		le.PutUint64(k[26:], uint64(g.Cluster))
		at += glyphBytes
	}
	return append(b, run.Text...)
}

// sharedPlan is plan through plans. The first PDF a process writes plans
// every run itself (share is false), so a one-PDF build keeps nothing.
func (f *fontRes) sharedPlan(run *pages.GlyphRun, share bool) (*runPlan, error) {
	if !share {
		pl, err := f.plan(run)
		return &runPlan{planned: pl}, err
	}
	f.scratch.key = planKey(f.scratch.key[:0], run)
	prog := f.program()
	plans.Lock()
	rp, ok := plans.m[prog][string(f.scratch.key)]
	plans.Unlock()
	if ok {
		return rp, nil
	}
	pl, err := f.plan(run)
	if err != nil {
		return nil, err
	}
	rp = &runPlan{planned: pl, shared: true}
	plans.Lock()
	defer plans.Unlock()
	if plans.m == nil || plans.glyphs+len(run.Glyphs) > plansMax {
		plans.m, plans.glyphs = map[program]map[string]*runPlan{}, 0
	}
	byRun := plans.m[prog]
	if byRun == nil {
		byRun = map[string]*runPlan{}
		plans.m[prog] = byRun
	}
	if _, ok := byRun[string(f.scratch.key)]; !ok && len(run.Glyphs) <= plansMax {
		byRun[string(f.scratch.key)] = rp
		plans.glyphs += len(run.Glyphs)
	}
	return rp, nil
}
