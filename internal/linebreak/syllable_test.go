package linebreak

import (
	"path/filepath"
	"regexp"
	"testing"
	"unicode/utf8"
)

// splitRule forbids a break where the text before it matches before (at
// its end) and the text after it matches after (at its start). An empty
// pattern matches anything. The rules restate, as patterns independent of
// the guards' code, where an orthographic syllable goes on (The Unicode
// Standard, chapter 16: 16.1 Thai, 16.3 Myanmar, 16.4 Khmer).
type splitRule struct {
	name          string
	before, after *regexp.Regexp
}

func rule(name, before, after string) splitRule {
	r := splitRule{name: name}
	if before != "" {
		r.before = regexp.MustCompile("(?:" + before + ")$")
	}
	if after != "" {
		r.after = regexp.MustCompile("^(?:" + after + ")")
	}
	return r
}

var syllableRules = []splitRule{
	rule("mark", "", `\p{M}`),
	rule("thai following vowel", `\p{Thai}`, `[ะาำๅฯๆ]`),
	rule("thai leading vowel", `[เ-ไ]`, ""),
	rule("thai silent consonant", `\p{Thai}`, `[ก-ฮ][ิุ]?์`),
	rule("thai final after mai han-akat", `ั[่-๋]?`, `[ก-ฮ]`),
	rule("thai final after maitaikhu", `[เแ][ก-ฮ]{1,2}็[่-๋]?`, `[ก-ฮ]`),
	rule("thai vowel ia, uea", `เ[ก-ฮ]{1,2}[ีื][่-๋]?`, `[ยอ]`),
	rule("khmer subscript", `្`, ""),
	rule("khmer marked final", `[ក-ឳ\x{17B6}-\x{17D1}\x{17D3}\x{17DD}]`, `[ក-អ][៉៊]?[់៍៑]`),
	rule("khmer bare final", `[ក-ឳ\x{17B6}-\x{17D1}\x{17D3}\x{17DD}]`, `[ក-អ](?:្[ក-អ])*(?:$|ៗ|[^ក-ឳ\x{17B6}-\x{17D3}\x{17DD}])`),
	rule("khmer final after samyok sannya", `័`, `[ក-អ]`),
	rule("khmer lek too", "", `ៗ`),
	rule("myanmar stacked", `္`, ""),
	rule("myanmar killed consonant", `\p{Myanmar}`, `[က-အ]့?[်္]`),
}

// syllableSplits returns the breaks of line that fall inside an orthographic
// syllable, with the rule each breaks.
func syllableSplits(line string, bs []Break) (pos []int, rules []string) {
	for _, br := range bs {
		if br.Mandatory || br.Pos >= len(line) {
			continue
		}
		left, right := line[:br.Pos], line[br.Pos:]
		if r, _ := utf8.DecodeLastRuneInString(left); saScript(r) == scriptNone {
			continue // after a space, ZWSP or Latin: UAX #14's business
		}
		for _, ru := range syllableRules {
			if (ru.before == nil || ru.before.MatchString(left)) && (ru.after == nil || ru.after.MatchString(right)) {
				pos, rules = append(pos, br.Pos), append(rules, ru.name)
				break
			}
		}
	}
	return pos, rules
}

// syllableFixtures lists the fixture files of each language whose breaks
// TestNoBreakInsideSyllable counts.
func syllableFixtures(lang string) []string {
	files := []string{
		filepath.Join("testdata", "corpus", lang+".txt"),
		filepath.Join("testdata", "catalogues", lang+".txt"),
	}
	if ref, err := filepath.Glob(filepath.Join("testdata", "reference", lang+"*.txt")); err == nil {
		files = append(files, ref...)
	}
	return files
}

// TestNoBreakInsideSyllable counts breaks inside orthographic syllables over
// the corpus, the sample catalogues and the human-marked reference (with
// its marks removed). There must be none.
func TestNoBreakInsideSyllable(t *testing.T) {
	b := New()
	for _, lang := range []string{"th", "km", "my"} {
		total := 0
		for _, file := range syllableFixtures(lang) {
			for n, line := range readLines(t, file) {
				line = stripMarks(line)
				pos, rules := syllableSplits(line, b.Breaks(line))
				for k := range pos {
					if total < 10 {
						t.Errorf("%s:%d: break inside a syllable (%s): %s", file, n+1, rules[k], pipe(line, pos[k:k+1]))
					}
					total++
				}
			}
		}
		t.Logf("%s: %d breaks inside syllables", lang, total)
		if total > 0 {
			t.Errorf("%s: %d breaks inside syllables, want 0", lang, total)
		}
	}
}

func TestSyllableGuards(t *testing.T) {
	tests := []struct{ name, at string }{
		{"Burmese asat past dot below", "နှ|င့်"},
		{"Burmese asat past dot below, again", "အကော|င့်"},
		{"Khmer final with bantoc", "កំណ|ត់"},
		{"Khmer bare final at run end", "លោ|ក"},
		{"Khmer final with subscript at run end", "ច|ក្រ។"},
		{"Khmer final before lek too", "ផ្សេ|ងៗ"},
		{"Thai silent consonant", "กราฟิก|ส์"},
		{"Thai silent consonant with sara i", "พระลักษ|มิ์"},
		{"Thai sara a", "กระ|ะ"},
		{"Thai sara aa", "ก|า"},
		{"Thai sara am", "ก|ำ"},
		{"Thai final after mai han-akat", "กั|น"},
		{"Thai final after tone and mai han-akat", "มั่|น"},
		{"Thai final after maitaikhu", "เก็|บ"},
		{"Thai vowel ia", "เมี|ย"},
		{"Thai vowel uea", "เรื|อ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, i := splitAtMarker(t, tt.at)
			if !guarded(text, i) {
				t.Errorf("guarded(%q, %d) = false, want true", string(text), i)
			}
		})
	}
	allowed := []string{"ก็|ได้", "มี|ยา", "ประ|กาศ", "ពី|កសិករ", "ប្រ|កប", "ကို|ဗစ်"}
	for _, s := range allowed {
		text, i := splitAtMarker(t, s)
		if guarded(text, i) {
			t.Errorf("guarded(%q, %d) = true, want false", string(text), i)
		}
	}
}

// stripMarks removes ZWSP, the word marks of the reference, from line.
func stripMarks(line string) string {
	return zwspRE.ReplaceAllString(line, "")
}

var zwspRE = regexp.MustCompile("\u200b")
