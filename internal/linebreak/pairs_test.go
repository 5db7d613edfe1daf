package linebreak

import "testing"

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
	if _, err := parsePairs([]byte("ក\tខ\n")); err == nil {
		t.Error("a line without its way was accepted")
	}
}
