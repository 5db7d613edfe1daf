package pdf

import (
	"bytes"
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
