package linebreak

import (
	"path/filepath"
	"testing"
	"unicode"
)

// Shan and Mon are written in the Myanmar script with letters of their
// own and have no dictionary: the breaker reads them by syllable
// (Breaker.ForLanguage), and no Burmese word list touches them.
//
// The check below is written apart from myanmar.go, from the structure of
// a Myanmar-script syllable in The Unicode Standard, chapter 16.3: a
// syllable starts at a consonant or an independent vowel; a consonant
// carrying asat (U+103A), possibly after dot below (U+1037), or followed by
// virama (U+1039), belongs to the syllable before it, as does anything
// after a virama; vowel signs, medials and tone marks (general category M)
// never start one.
func syllableStartOK(text []rune, i int) bool {
	r := text[i]
	if unicode.Is(unicode.M, r) || text[i-1] == 0x1039 {
		return false
	}
	next := func(k int) rune {
		if k < len(text) {
			return text[k]
		}
		return 0
	}
	k := i + 1
	if next(k) == 0x1037 {
		k++
	}
	return next(k) != 0x103A && next(k) != 0x1039
}

func TestShanAndMonBreakAtSyllables(t *testing.T) {
	for _, code := range []string{"shn", "mnw"} {
		t.Run(code, func(t *testing.T) {
			lines := readLines(t, filepath.Join("testdata", "syllables", code+".txt"))
			if len(lines) < 200 {
				t.Fatalf("%d lines, want a few hundred", len(lines))
			}
			b := New().ForLanguage(code)
			burmese := New()
			inside, breaks, differ := 0, 0, 0
			for n, line := range lines {
				runes, offs := decode(line)
				at := map[int]int{}
				for i, o := range offs {
					at[o] = i
				}
				got := b.Breaks(line)
				for _, br := range got {
					i, ok := at[br.Pos]
					if !ok || i == 0 || i >= len(runes) {
						continue
					}
					if saScript(runes[i-1]) != scriptMyanmar || saScript(runes[i]) != scriptMyanmar {
						continue
					}
					breaks++
					if !syllableStartOK(runes, i) {
						inside++
						if inside <= 5 {
							t.Errorf("line %d: break inside a syllable: %s", n+1, pipe(line, []int{br.Pos}))
						}
					}
				}
				if len(got) != len(burmese.Breaks(line)) {
					differ++
				}
			}
			t.Logf("%s: %d lines, %d breaks inside Myanmar runs, %d inside a syllable; %d lines break differently from Burmese", code, len(lines), breaks, inside, differ)
			if breaks == 0 {
				t.Error("no break inside any Myanmar run: syllable breaking is not on")
			}
			if inside > 0 {
				t.Errorf("%d breaks inside a syllable", inside)
			}
		})
	}
}

// TestForLanguageLeavesOthersAlone: a language broken by dictionary gets
// the same breaker back, so the five languages' output is unchanged.
func TestForLanguageLeavesOthersAlone(t *testing.T) {
	b := New()
	for _, code := range []string{"my", "km", "th", "lo", "en", "vi", "xx"} {
		if b.ForLanguage(code) != b {
			t.Errorf("ForLanguage(%q) returned another breaker", code)
		}
	}
}
