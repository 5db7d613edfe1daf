package pdf

import (
	"fmt"
	"slices"
	"sync"
)

// The pages of a document are drawn one after another: the font codes of
// a page follow from those of the pages before it. What needs only a
// page's finished bytes, compressing its content stream (a third of the
// writer's work for a Khmer brief), and what needs only the laid-out
// document, subsetting its fonts (early.go), is handed to one goroutine
// beside the writer, and so is every other compressing before the file
// settles (the fonts' maps, images, the output profile). One goroutine,
// so that a build whose workers keep every core busy gains a goroutine
// and a compressor per document, no more; when the pages are drawn, the
// writer does what is still queued beside it (wait). A compressed stream
// takes the place in the file that it would have taken written at once
// (settle), so the bytes are the same.

// aside runs work for a document on a goroutine of its own, in order,
// and the writer joins in when it has nothing left to draw (wait).
type aside struct {
	work chan func()
	done sync.WaitGroup
}

// run queues f, starting the goroutine on first use.
func (a *aside) run(f func()) {
	if a.work == nil {
		a.work = make(chan func(), 64)
		a.done.Add(1)
		go func() {
			defer a.done.Done()
			for f := range a.work {
				f()
			}
		}()
	}
	a.work <- f
}

// wait returns when all queued work is done, doing what is still queued
// beside the goroutine: the last pages' streams and the fonts' maps, which
// the writer queues at its end, were a Khmer brief's last 4 ms on one
// core. Each piece of work has a place of its own to leave its result, so
// the order it is done in does not matter. wait may be called again (a
// document that fails midway waits on its way out).
func (a *aside) wait() {
	if a.work != nil {
		close(a.work)
		for f := range a.work {
			f()
		}
		a.done.Wait()
		a.work = nil
	}
}

// pendingStream is a Flate stream being compressed aside, and where in
// the file it goes.
type pendingStream struct {
	r    ref
	dict string
	what string // what the stream is, for an error ("page 2 content stream")
	at   int    // the length of the file when it was written
	z    []byte
	err  error
}

// flateStreamAside is flateStream with the compressing done aside; what
// names the stream in an error. data is the stream's from then on: the
// caller must not change it.
func (w *objWriter) flateStreamAside(r ref, dict, what string, data []byte) {
	s := &pendingStream{r: r, dict: dict, what: what, at: w.buf.Len()}
	w.offsets[r-1] = pendingOffset
	w.pending = append(w.pending, s)
	compress := w.compressor()
	w.aside.run(func() { s.z, s.err = compress(data) })
}

// deflatedStream writes a stream whose data is Flate-compressed already,
// where flateStreamAside would have put it: the bytes are the same.
func (w *objWriter) deflatedStream(r ref, dict string, z []byte) {
	s := &pendingStream{r: r, dict: dict, at: w.buf.Len(), z: z}
	w.offsets[r-1] = pendingOffset
	w.pending = append(w.pending, s)
}

// settle waits for the work aside and puts each pending stream into the
// file where it was written: the bytes after it, and the offsets of the
// objects in them, move by its length.
func (w *objWriter) settle() error {
	w.aside.wait()
	if len(w.pending) == 0 {
		return nil
	}
	// An object written at an offset moves by the streams placed at or
	// before it (a stream written when the file was o bytes long comes
	// before an object that starts at o).
	moved := make([]int, len(w.pending)+1) // moved[k]: the bytes the first k streams take
	ats := make([]int, len(w.pending))
	for i, s := range w.pending {
		if s.err != nil {
			return fmt.Errorf("%s: %w", s.what, s.err)
		}
		moved[i+1] = moved[i] + streamLen(s.r, flateDict(s.dict), len(s.z))
		ats[i] = s.at
	}
	for i, off := range w.offsets {
		if off >= 0 {
			k, _ := slices.BinarySearch(ats, off+1) // streams with at <= off
			w.offsets[i] = off + moved[k]
		}
	}
	old, file, prev := w.buf, spareBuffer(), 0
	file.Grow(old.Len() + moved[len(w.pending)])
	for _, s := range w.pending {
		file.Write(old.Bytes()[prev:s.at])
		prev = s.at
		w.offsets[s.r-1] = file.Len()
		file.Write(appendStream(file.AvailableBuffer(), s.r, flateDict(s.dict), s.z))
	}
	file.Write(old.Bytes()[prev:])
	w.buf, w.pending = file, nil
	releaseBuffer(old)
	return nil
}
