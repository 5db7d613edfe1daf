package pdf

import (
	"slices"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// Drawing the pages is the writer's serial part, and a font's subset
// program depends only on the glyphs the pages draw with it, which the
// laid-out document already holds. So each program is subset and
// compressed aside (aside.go) while the pages are drawn (the
// largest streams of a one-PDF build: a third of the writer's work), and
// the font takes the result when its glyph set is the one drawing found.
// A result that does not match, or failed, is thrown away and the font
// makes its program itself, so the bytes never depend on it.

// earlyProgram is a font program's subset, compressed, being made.
type earlyProgram struct {
	gids []uint16 // the glyph set, ascending
	z    []byte   // the compressed subset, or nil after an error
	n    int      // the subset's length before compression
	done chan struct{}
}

// startPrograms starts an earlyProgram for each font program doc's pages
// draw with, aside (aside.go).
func startPrograms(w *objWriter, doc *pages.Document) map[program]*earlyProgram {
	sets := map[program]map[uint16]bool{}
	data := map[program][]byte{}
	var order []program
	for i := range doc.Pages {
		for _, run := range doc.Pages[i].Runs {
			if run.Face == nil || len(run.Face.Data) == 0 {
				continue // drawRun reports it
			}
			key := programOf(run.Face)
			set := sets[key]
			if set == nil {
				set = map[uint16]bool{}
				sets[key], data[key] = set, run.Face.Data
				order = append(order, key) // the fonts in the order drawn: the first needed first
			}
			for _, g := range run.Glyphs {
				set[g.ID] = true
			}
		}
	}
	early := make(map[program]*earlyProgram, len(sets))
	compress := w.compressor()
	for _, key := range order {
		set := sets[key]
		e := &earlyProgram{gids: make([]uint16, 0, len(set)), done: make(chan struct{})}
		for g := range set {
			e.gids = append(e.gids, g)
		}
		slices.Sort(e.gids)
		early[key] = e
		w.aside.run(func() { e.make(key, data[key], compress) })
	}
	return early
}

// make subsets and compresses the program through the process's caches
// (programs.go), as the font would.
func (e *earlyProgram) make(key program, data []byte, compress func([]byte) ([]byte, error)) {
	defer close(e.done)
	tt, err := parsed(key, data)
	if err != nil {
		return
	}
	prog, err := subsetOf(key, tt, e.gids)
	if err != nil {
		return
	}
	e.z, _ = compress(prog)
	e.n = len(prog)
}

// program returns the compressed subset for glyph set gids and its
// length before compression, when it is the one made early; ok is false
// otherwise.
func (e *earlyProgram) program(gids []uint16) (z []byte, n int, ok bool) {
	if e == nil {
		return nil, 0, false
	}
	<-e.done
	return e.z, e.n, e.z != nil && slices.Equal(e.gids, gids)
}
