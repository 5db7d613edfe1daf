package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// flateLevel is fixed so that streams compress to the same bytes on every
// run; compress/flate is deterministic for a given level.
const flateLevel = zlib.DefaultCompression

// The marks an offset holds before the object has a place in the file.
const (
	unwrittenOffset = -1 // allocated, not written yet
	packedOffset    = -2 // in the object stream (writePacked)
	pendingOffset   = -3 // its stream is compressed aside, until settle places it (aside.go)
)

// ref is an indirect object reference, the object number (generation 0).
type ref int

func (r ref) String() string { return strconv.Itoa(int(r)) + " 0 R" }

// append appends the reference to b.
func (r ref) append(b []byte) []byte { return append(strconv.AppendInt(b, int64(r), 10), " 0 R"...) }

// objWriter lays out the body of a PDF file: numbered indirect objects and
// the cross-reference stream that locates them (ISO 32000-1, 7.5).
//
// Streams are written to the file as they come. Every other object (font
// and page dictionaries, the structure tree, annotations) is collected
// into one compressed object stream (7.5.7), which the cross-reference
// stream (7.5.8) points into: a tagged brief has a hundred small
// dictionaries, and compressed together they cost a fraction of their
// plain size.
type objWriter struct {
	buf     *bytes.Buffer // the file, in a spare buffer when there is one (spareBuffers)
	offsets []int         // byte offset of object i+1, or one of the marks below
	packed  []packedObj
	// share says streams go through deflated: false for the first PDF a
	// process writes, which can share with no earlier one, so that a
	// one-PDF build hashes nothing (the cache is 3 % of its instructions).
	share bool
	// pending are the streams compressed aside (aside.go), in the order
	// they were written.
	pending []*pendingStream
	aside   aside
	// once are the long values written as objects of their own, by kind
	// and text (onceLong).
	once map[string]ref
}

// writers counts the PDFs this process has started writing.
var writers atomic.Int64

// packedObj is an object that goes into the object stream.
type packedObj struct {
	r    ref
	body string
}

// spareBuffers keeps the buffers of files and object streams written,
// for the next ones, two per core for the life of the process (as
// compressors): each grew from nothing by doubling for every PDF.
var spareBuffers = make(chan *bytes.Buffer, 2*runtime.GOMAXPROCS(0))

// spareMax is the largest buffer kept spare.
const spareMax = 8 << 20

// spareBuffer returns an empty buffer, a spare one when there is one.
func spareBuffer() *bytes.Buffer {
	select {
	case b := <-spareBuffers:
		b.Reset()
		return b
	default:
		return &bytes.Buffer{}
	}
}

// releaseBuffer gives b back once its bytes are no longer used. A buffer
// grown past spareMax (a PDF with a large image) is left to the
// collector rather than kept for the life of the process.
func releaseBuffer(b *bytes.Buffer) {
	if b.Cap() > spareMax {
		return
	}
	select {
	case spareBuffers <- b:
	default: // as many spare as the list holds already
	}
}

func newObjWriter() *objWriter {
	w := &objWriter{share: writers.Add(1) > 1, buf: spareBuffer()}
	// The binary comment tells transfer tools the file is not text
	// (ISO 32000-1, 7.5.2).
	w.buf.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	return w
}

// alloc reserves an object number, so objects can refer to each other
// before they are written.
func (w *objWriter) alloc() ref {
	w.offsets = append(w.offsets, unwrittenOffset)
	return ref(len(w.offsets))
}

// object records a dictionary or other direct value as object r, to be
// packed into the object stream.
func (w *objWriter) object(r ref, body string) {
	w.offsets[r-1] = packedOffset
	w.packed = append(w.packed, packedObj{r, body})
}

// longValue is the length of text from which onceLong writes a value as
// an object of its own: a reference costs about ten bytes, and no address
// or link description of a real brief comes near it, so their PDFs keep
// their bytes.
const longValue = 512

// onceLong returns body(text), a direct value, to write in place, or,
// when text is long, a reference to an object holding it, made and written
// the first time the PDF asks for it. A link broken over many lines is as
// many annotations, each with the same action and description (page.go):
// written and encoded inline, a 200,000-byte address made the file and its
// writing quadratic in its length (ISO 32000-1, 7.3.10: any object may be
// indirect).
func (w *objWriter) onceLong(kind, text string, body func(string) string) string {
	if len(text) < longValue {
		return body(text)
	}
	key := kind + "\x00" + text
	r, ok := w.once[key]
	if !ok {
		if w.once == nil {
			w.once = map[string]ref{}
		}
		r = w.alloc()
		w.object(r, body(text))
		w.once[key] = r
	}
	return r.String()
}

// stream writes object r as a stream with dictionary entries dict (without
// the << >>) and the given data, which must already be encoded.
func (w *objWriter) stream(r ref, dict string, data []byte) {
	w.offsets[r-1] = w.buf.Len()
	w.buf.Write(appendStream(w.buf.AvailableBuffer(), r, dict, data))
}

// streamLen is the length appendStream gives a stream of n bytes.
func streamLen(r ref, dict string, n int) int {
	l := len(strconv.Itoa(int(r))) + len(" 0 obj\n<<") + len("/Length ") + len(strconv.Itoa(n)) +
		len(">>\nstream\n") + n + len("\nendstream\nendobj\n")
	if dict != "" {
		l += len(dict) + 1
	}
	return l
}

// appendStream appends object r, a stream with dictionary entries dict
// and encoded data, to b.
func appendStream(b []byte, r ref, dict string, data []byte) []byte {
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, " 0 obj\n<<"...)
	if dict != "" {
		b = append(append(b, dict...), ' ')
	}
	b = append(b, "/Length "...)
	b = strconv.AppendInt(b, int64(len(data)), 10)
	b = append(b, ">>\nstream\n"...)
	b = append(b, data...)
	return append(b, "\nendstream\nendobj\n"...)
}

// flateStream writes data Flate-compressed (ISO 32000-1, 7.4.4).
func (w *objWriter) flateStream(r ref, dict string, data []byte) error {
	z, err := w.deflate(data)
	if err != nil {
		return err
	}
	w.deflated(r, dict, z)
	return nil
}

// compressor is how the writer Flate-compresses a stream (deflate), as a
// function safe for concurrent use, for work done on other goroutines.
func (w *objWriter) compressor() func([]byte) ([]byte, error) {
	if w.share {
		return deflateShared
	}
	return deflate
}

// deflated writes z, data already Flate-compressed, as a stream.
func (w *objWriter) deflated(r ref, dict string, z []byte) { w.stream(r, flateDict(dict), z) }

// flateDict is a stream's dictionary entries dict with the Flate filter.
func flateDict(dict string) string {
	if dict != "" {
		dict += " "
	}
	return dict + "/Filter /FlateDecode"
}

// deflate compresses data, through the process's cache of streams
// unless this is the first PDF it writes (share).
func (w *objWriter) deflate(data []byte) ([]byte, error) { return w.compressor()(data) }

// finish writes the object stream, then the cross-reference stream with
// the trailer entries, and copies the file to out. The /ID is an MD5 of
// the body, so it identifies the content and stays the same for the same
// input (ISO 32000-1, 14.4).
func (w *objWriter) finish(out io.Writer, root, info ref) error {
	if err := w.settle(); err != nil {
		return err
	}
	for i, off := range w.offsets {
		switch off {
		case unwrittenOffset:
			return fmt.Errorf("object %d allocated but never written", i+1)
		case pendingOffset: // queued aside after settle: a writer's bug
			return fmt.Errorf("object %d was compressed aside after the file settled", i+1)
		}
	}
	objStm, index, err := w.writePacked()
	if err != nil {
		return err
	}
	id := fmt.Sprintf("%X", md5.Sum(w.buf.Bytes()))
	xref := w.alloc()
	w.offsets[xref-1] = w.buf.Len()

	// One entry per object, fields of 1, 4 and 2 bytes (7.5.8.3): type 0
	// (free), 1 (at a byte offset) or 2 (inside an object stream, by index).
	var rows bytes.Buffer
	rows.Write([]byte{0, 0, 0, 0, 0, 0xFF, 0xFF})
	for i, off := range w.offsets {
		if off == packedOffset {
			rows.Write([]byte{2, 0, 0, byte(objStm >> 8), byte(objStm), byte(index[ref(i+1)] >> 8), byte(index[ref(i+1)])})
			continue
		}
		rows.Write([]byte{1, byte(off >> 24), byte(off >> 16), byte(off >> 8), byte(off), 0, 0})
	}
	// The editions of a brief often lay their objects out alike: the
	// same rows compress to what they did before (deflateShared).
	z, err := w.deflate(rows.Bytes())
	if err != nil {
		return err
	}
	fmt.Fprintf(w.buf, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Root %s /Info %s /ID [<%s> <%s>] /Filter /FlateDecode /Length %d>>\nstream\n",
		int(xref), len(w.offsets)+1, root, info, id, id, len(z))
	w.buf.Write(z)
	fmt.Fprintf(w.buf, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", w.offsets[xref-1])
	_, err = out.Write(w.buf.Bytes())
	return err
}

// release gives the file's buffer back once the file is written out:
// w is not used after.
func (w *objWriter) release() {
	releaseBuffer(w.buf)
	w.buf = nil
}

// writePacked writes the collected objects as one object stream (ISO
// 32000-1, 7.5.7): pairs of object number and offset, then the objects.
// It returns the stream's object number and each object's index in it.
func (w *objWriter) writePacked() (int, map[ref]int, error) {
	// The pairs come first, and each object's offset is known from the
	// lengths of those before it, so both go into one spare buffer.
	data := spareBuffer()
	defer releaseBuffer(data)
	index := make(map[ref]int, len(w.packed))
	at := 0
	for i, o := range w.packed {
		b := data.AvailableBuffer()
		b = strconv.AppendInt(b, int64(o.r), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(at), 10)
		data.Write(append(b, ' '))
		at += len(o.body) + 1
		index[o.r] = i
	}
	first := data.Len()
	for _, o := range w.packed {
		data.WriteString(o.body)
		data.WriteByte('\n')
	}
	stm := w.alloc()
	if err := w.flateStream(stm, fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(w.packed), first), data.Bytes()); err != nil {
		return 0, nil, fmt.Errorf("object stream: %w", err)
	}
	if int(stm) > 0xFFFF || len(w.packed) > 0xFFFF {
		return 0, nil, fmt.Errorf("object stream: %d objects is more than this writer packs", len(w.packed))
	}
	return int(stm), index, nil
}

// compressors keeps zlib writers for reuse: each holds about a megabyte
// of tables, which a new writer per stream allocated and cleared again. A
// writer Reset compresses to the same bytes as a new one. A sync.Pool is
// emptied by every collection, which made a short build allocate a new
// writer after each one (a sixth of its allocations); this list keeps one
// writer per core for the life of the process, and one more per core for
// the work a document does aside (aside.go).
var compressors = make(chan *zlib.Writer, 2*runtime.GOMAXPROCS(0))

// newCompressor returns a zlib writer whose tables are in memory already.
// A new writer's hash table (half a megabyte) is fresh memory that
// compressing reads before it writes: each of its pages is mapped first
// to the kernel's shared zero page and then copied on write, and the
// copy makes the kernel flush that page from every core's TLB. On a
// two-core virtual machine that made a PDF's first stream take 3-4 ms
// instead of 0.3-0.7. Reset clears the tables, which writes each page
// once. The writer then compresses to the same bytes as a new one.
func newCompressor() *zlib.Writer {
	z, _ := zlib.NewWriterLevel(io.Discard, flateLevel) // flateLevel is valid
	_, _ = z.Write(nil)                                 // makes the flate writer, with its tables
	z.Reset(io.Discard)
	return z
}

func deflate(data []byte) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(data)/2 + 64)
	var z *zlib.Writer
	select {
	case z = <-compressors:
	default:
		z = newCompressor()
	}
	defer func() {
		select {
		case compressors <- z:
		default: // more writers than cores ran at once: let this one go
		}
	}()
	z.Reset(&b)
	if _, err := z.Write(data); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// deflated holds the compressed form of the streams this process wrote,
// by their bytes: the editions of a brief in one language share font
// subsets, ToUnicode maps and often whole pages, and compressing is a
// fifth of writing a PDF. Flate's output depends on its input alone, so a
// stream compressed once gives the same bytes again. The map hashes and
// compares the bytes themselves, at some 35 GB/s where a SHA-256 of each
// stream ran at 1.4 (issue 17).
var deflated = struct {
	sync.Mutex
	m     map[string][]byte
	bytes int // of keys and values
}{m: map[string][]byte{}}

// deflatedMax bounds what deflated keeps; past it, streams are compressed
// each time.
const deflatedMax = 32 << 20

// deflateShared is deflate through deflated. The slice it returns is
// shared: callers copy it and never change it.
func deflateShared(data []byte) ([]byte, error) {
	deflated.Lock()
	z, ok := deflated.m[string(data)]
	deflated.Unlock()
	if ok {
		return z, nil
	}
	z, err := deflate(data)
	if err != nil {
		return nil, err
	}
	deflated.Lock()
	if _, ok := deflated.m[string(data)]; !ok && deflated.bytes+len(data)+len(z) <= deflatedMax {
		deflated.m[string(data)] = z
		deflated.bytes += len(data) + len(z)
	}
	deflated.Unlock()
	return z, nil
}
