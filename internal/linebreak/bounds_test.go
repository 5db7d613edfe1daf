package linebreak

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// TestPackedBounds checks that each embedded boundary model is what its
// list gives, so that a list changed without `make tries` fails here, and
// that the table gives each feature of the list its weight.
func TestPackedBounds(t *testing.T) {
	for _, p := range boundFiles {
		lines, ok := packedLines(t, p.List, p.Packed, p.embedded, p.Pack)
		if !ok {
			continue
		}
		m := mustOpenBounds(p)
		for _, line := range lines {
			i := strings.LastIndexByte(line, '\t')
			kind, x, y, _ := parseFeature(line[:i])
			w, _ := strconv.Atoi(line[i+1:])
			if j, ok := m.find(featureKey(kind, x, y)); !ok || int(int8(m.weights[j])) != w {
				t.Errorf("%s: %q: weight %d not found", p.Packed, line, w)
			}
		}
	}
}

func TestBoundModelJoin(t *testing.T) {
	raw := "0\t\t\t16\np\tមិន\tអាច\t-32\n"
	packed, err := packBounds([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	m, err := openBounds(packed)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune("មិនអាចបើក")
	segs := []segment{{0, 3, false, 1}, {3, 6, false, 1}, {6, 9, false, 1}}
	got := m.join(text, segs)
	if len(got) != 2 || got[0] != (segment{0, 6, false, 1}) || got[1].start != 6 {
		t.Errorf("join = %v, want មិនអាច|បើក", got)
	}
	if got := m.join(text, segs[1:]); len(got) != 2 {
		t.Errorf("join of អាច|បើក = %v, want it unchanged (the bias offers it)", got)
	}
	for _, bad := range []string{"0\t\t\t200\n", "p\tមិន\t-3\n", "x\n"} {
		if _, err := packBounds([]byte(bad)); err == nil {
			t.Errorf("packBounds(%q): no error", bad)
		}
	}
}

// packedLines checks that embedded, the packed table of dicts/list, is
// what pack makes of the list now (a list changed without `make tries`
// fails here), and returns the list's lines for the caller to look up in
// the table; ok is false when the table is stale.
func packedLines(t *testing.T, list, packed string, embedded []byte, pack func([]byte) ([]byte, error)) (lines []string, ok bool) {
	t.Helper()
	gz := readDict(t, list)
	want, err := pack(gz)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(embedded, want) {
		t.Errorf("dicts/%s (%d bytes) is not what dicts/%s gives (%d bytes): run make tries", packed, len(embedded), list, len(want))
		return nil, false
	}
	raw, err := gunzip(gz)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n"), true
}
