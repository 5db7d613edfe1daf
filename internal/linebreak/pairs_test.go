package linebreak

import (
	"strings"
	"testing"
)

func TestPairsAdjust(t *testing.T) {
	p, err := parsePairs([]byte("ត្រូវ\tការ\t0\nដែល\tបាន\t1\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := []rune("ត្រូវការដែលបាន")
	segs := []segment{{0, 5, false, 1}, {5, 8, false, 1}, {8, 14, false, 1}}
	got := p.adjust(text, segs)
	want := []segment{{0, 8, false, 2}, {8, 11, false, 1}, {11, 14, false, 1}}
	if len(got) != len(want) {
		t.Fatalf("adjust = %v, want %v", got, want)
	}
	for i := range want {
		if got[i].start != want[i].start || got[i].end != want[i].end {
			t.Fatalf("adjust = %v, want %v", got, want)
		}
	}
	// A word parted into a pair whose words are parted again: នឹងត្រូវបាន
	// "will be" → នឹង|ត្រូវបាន → នឹង|ត្រូវ|បាន.
	p, err = parsePairs([]byte("នឹង\tត្រូវបាន\t1\nត្រូវ\tបាន\t1\n"))
	if err != nil {
		t.Fatal(err)
	}
	text = []rune("នឹងត្រូវបាន")
	got = p.adjust(text, []segment{{0, len(text), false, 1}})
	if len(got) != 3 || got[0].end != 3 || got[1].end != 8 || got[2].end != len(text) {
		t.Errorf("adjust of a word parted twice = %v, want its three words", got)
	}
	if _, err := parsePairs([]byte("ក\tខ\n")); err == nil {
		t.Error("a line without its way was accepted")
	}
}

// TestPackedPairs checks that each embedded pair table is what its list
// gives, so that a list changed without `make tries` fails here, and that
// the table answers for every line of the list as the list says.
func TestPackedPairs(t *testing.T) {
	for _, p := range pairFiles {
		lines, ok := packedLines(t, p.List, p.Packed, p.embedded, p.Pack)
		if !ok {
			continue
		}
		tab := mustOpenPairs(p)
		n := 0
		for _, line := range lines {
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				continue
			}
			a, b := []rune(f[0]), []rune(f[1])
			n++
			if f[2] == "0" && !tab.joins(a, b) {
				t.Errorf("%s: %s+%s is listed as joined, the table does not join it", p.Packed, f[0], f[1])
			}
			if at, ok := tab.partAt(append(a[:len(a):len(a)], b...)); f[2] == "1" && !ok {
				t.Errorf("%s: %s%s is listed as parted, the table does not part it", p.Packed, f[0], f[1])
			} else if f[2] == "1" && at <= 0 {
				t.Errorf("%s: %s%s parted at %d", p.Packed, f[0], f[1], at)
			}
		}
		if n < 1000 {
			t.Errorf("%s: only %d pairs read", p.List, n)
		}
	}
	if _, err := openPairs([]byte("BRP1\x01\x00\x00\x00\x00\x00\x00\x00")); err == nil {
		t.Error("a truncated table opened")
	}
}
