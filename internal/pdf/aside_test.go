package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestAsideStreamsKeepTheFile writes the same objects twice, once with
// some streams compressed aside and once with every stream written at
// once, and wants the same file: the streams in their places, and every
// offset in the cross-reference stream pointing at its object. Two aside
// streams in a row, one first and one last, cover settle's edges.
func TestAsideStreamsKeepTheFile(t *testing.T) {
	var refs []ref
	write := func(useAside bool) []byte {
		refs = refs[:0]
		w := newObjWriter()
		w.share = false
		root, info, tree, page := w.alloc(), w.alloc(), w.alloc(), w.alloc()
		w.object(root, fmt.Sprintf("<</Type /Catalog /Pages %s>>", tree))
		w.object(info, "<<>>")
		w.object(tree, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count 1>>", page))
		for i := range 6 {
			r := w.alloc()
			refs = append(refs, r)
			data := bytes.Repeat([]byte(fmt.Sprintf("BT /F1 12 Tf (%d) Tj ET\n", i)), 50+i)
			if useAside && i != 2 && i != 5 {
				w.flateStreamAside(r, fmt.Sprintf("/N %d", i), "test stream", data)
			} else if err := w.flateStream(r, fmt.Sprintf("/N %d", i), data); err != nil {
				t.Fatal(err)
			}
			if i == 3 { // a packed object between the streams
				w.object(page, fmt.Sprintf("<</Type /Page /Parent %s /MediaBox [0 0 100 100] /Contents %s>>", tree, refs[0]))
			}
		}
		var out bytes.Buffer
		if err := w.finish(&out, root, info); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	at, aside := write(false), write(true)
	if !bytes.Equal(at, aside) {
		t.Fatalf("with streams compressed aside the file differs (%d bytes against %d)", len(aside), len(at))
	}
	for i, r := range refs {
		if !bytes.Contains(aside, []byte(fmt.Sprintf("\n%d 0 obj\n<</N %d ", r, i))) {
			t.Errorf("stream %d (object %d) is not in the file as written", i, r)
		}
	}
	// qpdf follows every offset of the cross-reference stream.
	path := filepath.Join(t.TempDir(), "aside.pdf")
	if err := os.WriteFile(path, aside, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(testkit.Tool(t, "qpdf", "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// TestStreamLenIsAppendStreams holds streamLen, which settle moves the
// offsets by, to the bytes appendStream writes.
func TestStreamLenIsAppendStreams(t *testing.T) {
	for _, r := range []ref{1, 9, 10, 12345} {
		for _, dict := range []string{"", "/Filter /FlateDecode", "/Length1 4096 /Filter /FlateDecode"} {
			for _, n := range []int{0, 9, 10, 99999} {
				if got, want := streamLen(r, dict, n), len(appendStream(nil, r, dict, make([]byte, n))); got != want {
					t.Errorf("object %d, dict %q, %d bytes: streamLen %d, appendStream %d", r, dict, n, got, want)
				}
			}
		}
	}
}

// TestWaitDoesTheQueuedWork checks that wait does queued work beside the
// aside goroutine: the first piece of work waits for the second, which
// the goroutine, busy with the first, can only reach afterwards. Without
// the writer's help the test would hang.
func TestWaitDoesTheQueuedWork(t *testing.T) {
	var a aside
	second := make(chan struct{})
	var order []string
	var mu sync.Mutex
	note := func(s string) { mu.Lock(); order = append(order, s); mu.Unlock() }
	a.run(func() { <-second; note("first") })
	a.run(func() { note("second"); close(second) })
	a.wait() // without the writer's help, this hangs until go test's -timeout
	if !slices.Equal(order, []string{"second", "first"}) {
		t.Errorf("work done in order %v, want [second first]", order)
	}
}
