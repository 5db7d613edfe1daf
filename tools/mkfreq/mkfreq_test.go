package main

import (
	"os"
	"slices"
	"testing"
	"unicode"
)

func TestLearnMarked(t *testing.T) {
	d := newDict([]string{"អាច", "បាន", "អាចប", "ការ"})
	lines := []string{"អាច\u200bបាន", "អាច\u200bបាន ការ", "អាច\u200bបាន", "ការងារ\u200bការងារ", "រ\u200bរ"}
	added, dropped := d.learnMarked(lines, unicode.Khmer, 2)
	if _, ok := d.count["អាចប"]; ok || dropped != 1 {
		t.Errorf("fragment អាចប kept (dropped %d)", dropped)
	}
	if d.count["អាច"] != 3 || d.count["ការ"] != 1 {
		t.Errorf("counts %v", d.count)
	}
	if d.count["ការងារ"] != 2 || added != 1 {
		t.Errorf("ការងារ not learnt (added %d): %v", added, d.count)
	}
}

func TestViterbiPrefersFrequentWords(t *testing.T) {
	d := newDict([]string{"ab", "abc", "c", "d"})
	d.count = map[string]int{"ab": 50, "abc": 1, "c": 50, "d": 1}
	got := d.viterbi([]rune("abcd"), d.costs())
	slices.Reverse(got)
	if want := []string{"ab", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("viterbi = %q, want %q", got, want)
	}
}

func TestTokens(t *testing.T) {
	text, toks := tokens("ក\u200bខ x គ", unicode.Khmer)
	if string(text) != "កខ x គ" || len(toks) != 3 || toks[1] != [2]int{1, 2} {
		t.Errorf("tokens = %q %v", string(text), toks)
	}
}

func TestNoSingleLetterWords(t *testing.T) {
	d := newDict([]string{"ការ"})
	d.learnMarked([]string{"រ\u200bរ ការ"}, unicode.Khmer, 2)
	if _, ok := d.count["រ"]; ok {
		t.Error("a single letter became a word")
	}
}

func TestLearnPairs(t *testing.T) {
	d := newDict([]string{"ត្រូវ", "ការ", "ដែល", "បាន"})
	lines := []string{"ត្រូវការ ដែល\u200bបាន", "ត្រូវការ\u200bដែល\u200bបាន", "ត្រូវ\u200bការ"}
	pairs := d.learnPairs(lines, unicode.Khmer)
	if c := pairs[[2]string{"ត្រូវ", "ការ"}]; c == nil || c.joined != 2 || c.apart != 1 {
		t.Errorf("ត្រូវ ការ: %+v, want 2 joined, 1 apart", c)
	}
	if c := pairs[[2]string{"ដែល", "បាន"}]; c == nil || c.joined != 0 || c.apart != 2 {
		t.Errorf("ដែល បាន: %+v, want 2 apart", c)
	}
	// Three neighbouring tokens count as their first and the rest apart;
	// a token spelling all three, as that pair joined.
	d = newDict([]string{"នឹង", "ត្រូវ", "បាន", "នឹងត្រូវបាន"})
	lines = []string{"នឹង\u200bត្រូវ\u200bបាន", "នឹង\u200bត្រូវ\u200bបាន ក", "នឹងត្រូវបាន"}
	pairs = d.learnPairs(lines, unicode.Khmer)
	if c := pairs[[2]string{"នឹង", "ត្រូវបាន"}]; c == nil || c.joined != 1 || c.apart != 2 {
		t.Errorf("នឹង ត្រូវបាន: %+v, want 1 joined, 2 apart", c)
	}
}

func TestKhmerSyllables(t *testing.T) {
	for w, want := range map[string]int{
		"ការ": 1, "ធី": 1, "វ៉ា": 1, "ប៊ុ": 1, "ប៊ុន": 1, "អ្នក": 1, "កាត់": 1,
		"អង្គការ": 3, "គឺជា": 2, "កំណត់": 2, "ព្រឹត្តិការណ៍": 3, "កម្ពុជា": 3,
	} {
		if got := khmerSyllables(w); got != want {
			t.Errorf("khmerSyllables(%s) = %d, want %d", w, got, want)
		}
	}
}

func TestSelectCountsScalesToTheMarkedText(t *testing.T) {
	dir := t.TempDir()
	marked := dir + "/marked.txt"
	// 4 marked words
	if err := os.WriteFile(marked, []byte("អាច\u200bបាន\nការ\u200bងារ\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := []string{"អង្គការ\t600", "ធី\t300", "កម្ពុជា\t100", "bad line"}
	markedLines, err := readLines(marked)
	if err != nil {
		t.Fatal(err)
	}
	got, err := selectCounts(lines, "km", markedLines, unicode.Khmer, config{countsShare: 1, minSyllables: 2})
	if err != nil {
		t.Fatal(err)
	}
	// the list's 1,000 occurrences scale to the 4 marked words; ធី, one
	// syllable, is left out
	if want := []string{"អង្គការ\t2", "កម្ពុជា\t0"}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("selectCounts = %q, want [%s]", got, want[0])
	}
}
