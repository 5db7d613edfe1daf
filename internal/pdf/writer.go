package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"io"
)

// flateLevel is fixed so that streams compress to the same bytes on every
// run; compress/flate is deterministic for a given level.
const flateLevel = zlib.DefaultCompression

// ref is an indirect object reference, the object number (generation 0).
type ref int

func (r ref) String() string { return fmt.Sprintf("%d 0 R", int(r)) }

// objWriter lays out the body of a PDF file: numbered indirect objects and
// the cross-reference table that locates them (ISO 32000-1, 7.5).
type objWriter struct {
	buf     bytes.Buffer
	offsets []int // byte offset of object i+1; -1 until written
}

func newObjWriter() *objWriter {
	w := &objWriter{}
	// The binary comment tells transfer tools the file is not text
	// (ISO 32000-1, 7.5.2).
	w.buf.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	return w
}

// alloc reserves an object number, so objects can refer to each other
// before they are written.
func (w *objWriter) alloc() ref {
	w.offsets = append(w.offsets, -1)
	return ref(len(w.offsets))
}

// object writes a dictionary or other direct value as object r.
func (w *objWriter) object(r ref, body string) {
	w.begin(r)
	w.buf.WriteString(body)
	w.buf.WriteString("\nendobj\n")
}

// stream writes object r as a stream with dictionary entries dict (without
// the << >>) and the given data, which must already be encoded.
func (w *objWriter) stream(r ref, dict string, data []byte) {
	w.begin(r)
	if dict != "" {
		dict += " "
	}
	fmt.Fprintf(&w.buf, "<<%s/Length %d>>\nstream\n", dict, len(data))
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// flateStream writes data Flate-compressed (ISO 32000-1, 7.4.4).
func (w *objWriter) flateStream(r ref, dict string, data []byte) error {
	z, err := deflate(data)
	if err != nil {
		return err
	}
	if dict != "" {
		dict += " "
	}
	w.stream(r, dict+"/Filter /FlateDecode", z)
	return nil
}

func (w *objWriter) begin(r ref) {
	w.offsets[r-1] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n", int(r))
}

// finish writes the cross-reference table and trailer and copies the file
// to out. The /ID is an MD5 of the body, so it identifies the content and
// stays the same for the same input (ISO 32000-1, 14.4).
func (w *objWriter) finish(out io.Writer, root, info ref) error {
	for i, off := range w.offsets {
		if off < 0 {
			return fmt.Errorf("object %d allocated but never written", i+1)
		}
	}
	id := fmt.Sprintf("%X", md5.Sum(w.buf.Bytes()))
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets)+1)
	for _, off := range w.offsets {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&w.buf, "trailer\n<</Size %d /Root %s /Info %s /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(w.offsets)+1, root, info, id, id, xref)
	_, err := out.Write(w.buf.Bytes())
	return err
}

func deflate(data []byte) ([]byte, error) {
	var b bytes.Buffer
	z, err := zlib.NewWriterLevel(&b, flateLevel)
	if err != nil {
		return nil, err
	}
	if _, err := z.Write(data); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
