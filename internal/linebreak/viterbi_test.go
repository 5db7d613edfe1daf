package linebreak

import "testing"

func TestAbsorbShort(t *testing.T) {
	const rare = 10
	word := func(s, e int, cost float32) segment { return segment{s, e, false, cost} }
	tests := []struct {
		name string
		segs []segment
		want []segment
	}{
		{"a short rare word joins the unknown span after it",
			[]segment{word(0, 2, 11), {2, 5, true, 0}}, []segment{{0, 5, true, 0}}},
		{"a frequent short word stays apart",
			[]segment{word(0, 2, 3), {2, 5, true, 0}}, []segment{word(0, 2, 3), {2, 5, true, 0}}},
		{"two rare syllables side by side are one unknown span (ប្លា|ស្មា)",
			[]segment{word(0, 4, 12), word(4, 8, 11), word(8, 11, 3)}, []segment{{0, 8, true, 0}, word(8, 11, 3)}},
		{"a rare word longer than rareRun stays a word",
			[]segment{word(0, 5, 12), word(5, 9, 11)}, []segment{word(0, 5, 12), word(5, 9, 11)}},
		{"a rare word of more units than a syllable's stays a word (មកពី|ពលករ)",
			[]segment{word(100, 103, 12), word(103, 107, 12)}, []segment{word(100, 103, 12), word(103, 107, 12)}},
	}
	// Units: the words from offset 100 on have three, the others one.
	units := func(s segment) int {
		if s.start >= 100 {
			return 3
		}
		return 1
	}
	for _, tt := range tests {
		got := absorbShort(append([]segment(nil), tt.segs...), rare, 4, units)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].start != tt.want[i].start || got[i].end != tt.want[i].end || got[i].unknown != tt.want[i].unknown {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
	if got := absorbShort([]segment{word(0, 2, 12), word(2, 4, 12)}, rare, 0, func(segment) int { return 1 }); len(got) != 2 {
		t.Errorf("rareRun 0 joined two rare words: %v", got)
	}
}
