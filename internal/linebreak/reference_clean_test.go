package linebreak

import (
	"testing"
	"unicode/utf8"
)

// The cleaned score. People who mark word boundaries do not always agree
// with themselves: the Khmer references have មិន​អាច "cannot" parted 92
// times and មិនអាច joined 18 times in one file, ការ​កំណត់ and ការកំណត់
// side by side. Wherever a reference writes a pair both ways, a break
// there is one its makers accept and so is its absence, so no breaker can
// be right or wrong there; scoring such a position measures which way the
// line's translator happened to write it. A position is disputed when
// the same file has the two letter strings around it as neighbouring
// words with a ZWSP between them in one place (A​B) and side by side
// inside one word in another (…AB…, with A ending and B starting at a
// position a break could take). The cleaned score leaves disputed
// positions out, for ours and ICU's alike and in every language; it
// depends on the reference alone, never on a breaker. The raw score is
// kept beside it.

// maxDisputed is the longest string, in runes, a dispute is looked for
// on each side of a position: longer than any word.
const maxDisputed = 24

// disputes holds the two ways a reference writes pairs of strings.
type disputes struct {
	apart  map[[2]string]int // A, B: neighbouring words parted by a ZWSP
	joined map[[2]string]int // A, B: side by side inside one word
}

// both reports whether a pair is written both ways. Once each way is
// enough: then a break there is one its makers made, and so is its
// absence. (Asking instead that neither way have three occurrences in
// four, the pair list's rule for a settled pair, leaves out a third as
// many positions; the figures with that rule are in the reference README.)
func (d *disputes) both(k [2]string) bool { return d.apart[k] > 0 && d.joined[k] > 0 }

// refTokens returns the stretches of SA letters of a line between its
// marks and other characters, as byte offsets.
func refTokens(text string, marks map[int]bool) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		sa := isOracleSA(r)
		if start >= 0 && (!sa || marks[i]) {
			out = append(out, [2]int{start, i})
			start = -1
		}
		if sa && start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// inner returns the positions inside word where a break could fall (between
// two SA letters, not before a mark), as byte offsets.
func inner(word string) []int {
	var out []int
	for q := range word {
		if q > 0 && len(saBreaks(word, []Break{{Pos: q}})) == 1 {
			out = append(out, q)
		}
	}
	return out
}

// around calls f with each string that ends at q in word and each that
// starts there, up to maxDisputed runes, until f returns true.
func around(word string, q int, f func(a, b string) bool) bool {
	for i, n := q, 0; i > 0 && n < maxDisputed; n++ {
		_, sz := utf8.DecodeLastRuneInString(word[:i])
		i -= sz
		for j, m := q, 0; j < len(word) && m < maxDisputed; m++ {
			_, sz := utf8.DecodeRuneInString(word[j:])
			j += sz
			if f(word[i:q], word[q:j]) {
				return true
			}
		}
	}
	return false
}

// markSet is the set of a line's marks.
func markSet(marks []int) map[int]bool {
	m := make(map[int]bool, len(marks))
	for _, x := range marks {
		m[x] = true
	}
	return m
}

// newDisputes reads the pairs of a reference's lines (texts without their
// ZWSPs, and the marks of each).
func newDisputes(texts []string, marks [][]int) *disputes {
	d := &disputes{apart: map[[2]string]int{}, joined: map[[2]string]int{}}
	for i, text := range texts {
		toks := refTokens(text, markSet(marks[i]))
		for k, tk := range toks {
			if k > 0 && toks[k-1][1] == tk[0] {
				d.apart[[2]string{text[toks[k-1][0]:toks[k-1][1]], text[tk[0]:tk[1]]}]++
			}
			word := text[tk[0]:tk[1]]
			for _, q := range inner(word) {
				around(word, q, func(a, b string) bool { d.joined[[2]string{a, b}]++; return false })
			}
		}
	}
	return d
}

// disputed returns the positions of a line that the reference writes both
// ways.
func (d *disputes) disputed(text string, marks []int) map[int]bool {
	out := map[int]bool{}
	toks := refTokens(text, markSet(marks))
	for k, tk := range toks {
		if k > 0 && toks[k-1][1] == tk[0] && d.both([2]string{text[toks[k-1][0]:toks[k-1][1]], text[tk[0]:tk[1]]}) {
			out[tk[0]] = true
		}
		word := text[tk[0]:tk[1]]
		for _, q := range inner(word) {
			if around(word, q, func(a, b string) bool { return d.both([2]string{a, b}) }) {
				out[tk[0]+q] = true
			}
		}
	}
	return out
}

// undisputed returns the positions of xs that are not in out.
func undisputed(xs []int, out map[int]bool) []int {
	var keep []int
	for _, x := range xs {
		if !out[x] {
			keep = append(keep, x)
		}
	}
	return keep
}

func TestDisputes(t *testing.T) {
	lines := []string{"មិន\u200bអាច\u200bបើក", "មិនអាចបិទ", "ដែល\u200bបាន", "ដែល\u200bបាន\u200bបិទ"}
	texts := make([]string, len(lines))
	marks := make([][]int, len(lines))
	for i, l := range lines {
		texts[i], marks[i] = unmark(l)
	}
	d := newDisputes(texts, marks)
	cut := len("មិន")
	if out := d.disputed(texts[0], marks[0]); !out[cut] || len(out) != 1 {
		t.Errorf("line 1: disputed %v, want only %d (មិនអាច is joined in line 2)", out, cut)
	}
	if out := d.disputed(texts[1], marks[1]); !out[cut] || len(out) != 1 {
		t.Errorf("line 2: disputed %v, want only %d (មិន|អាច is parted in line 1)", out, cut)
	}
	if out := d.disputed(texts[3], marks[3]); len(out) != 0 {
		t.Errorf("line 4: disputed %v, want none (ដែល|បាន is always parted)", out)
	}
	if got := undisputed([]int{1, cut, 20}, map[int]bool{cut: true}); len(got) != 2 {
		t.Errorf("undisputed = %v", got)
	}
}
