package pdf

import (
	"bytes"
	"compress/zlib"
	"testing"
)

// TestDeflateSharedGivesDeflatesBytes: a stream compressed again comes
// from the process's cache with the bytes deflate gives, and another
// stream does not get them.
func TestDeflateSharedGivesDeflatesBytes(t *testing.T) {
	a := bytes.Repeat([]byte("BT /F1 9 Tf [<0001>] TJ ET\n"), 200)
	b := append(bytes.Clone(a), '%')
	want, err := deflate(a)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		got, err := deflateShared(a)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("call %d: %d bytes, %v; deflate gives %d", i, len(got), err, len(want))
		}
	}
	other, _ := deflateShared(b)
	if bytes.Equal(other, want) {
		t.Error("another stream got the cached bytes")
	}
}

// TestWarmCompressorGivesNewWritersBytes checks that newCompressor's
// warm-up (a header, then Reset) leaves the writer compressing exactly as
// a new zlib writer at flateLevel does, for several streams in turn.
func TestWarmCompressorGivesNewWritersBytes(t *testing.T) {
	z := newCompressor()
	for i, data := range [][]byte{
		bytes.Repeat([]byte("BT /F1 9 Tf [<0001>] TJ ET\n"), 300),
		{},
		bytes.Repeat([]byte{0, 1, 2, 3, 250, 7}, 20000), // longer than the window
	} {
		var want bytes.Buffer
		fresh, _ := zlib.NewWriterLevel(&want, flateLevel)
		fresh.Write(data)
		fresh.Close()
		var got bytes.Buffer
		z.Reset(&got)
		if _, err := z.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("stream %d: %d bytes, a new writer gives %d", i, got.Len(), want.Len())
		}
	}
}
