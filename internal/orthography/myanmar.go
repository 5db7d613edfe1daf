package orthography

import (
	"sort"
	"unicode"

	"github.com/mekong-briefs/briefs/internal/myanmar"
	"github.com/mekong-briefs/briefs/internal/zawgyi"
)

// Burmese rules. Sources: The Unicode Standard, ch. 16.3 "Myanmar", table
// "Myanmar Syllabic Structure" (storage order: kinzi, consonant, stacked
// consonants U+1039 + C, medials Y U+103B, R U+103C, W U+103D, H U+103E,
// vowel E U+1031, upper vowels, lower vowels, A vowel, anusvara, asat, dot
// below, visarga); UTN #11 "Representing Myanmar in Unicode" (the same
// order, and the note that NFC stores dot below U+1037 (ccc 7) before asat
// U+103A (ccc 9), so ့် is the normalised order of typed ့ and ်);
// Microsoft's "Developing OpenType Fonts for Myanmar Script" (a cluster in
// another order gets a dotted circle). E and medial RA are drawn before the
// consonant but stored after it; storing them first is the Zawgyi habit.

func isMyBase(r rune) bool {
	return (r >= 0x1000 && r <= 0x102A) || r == 0x103F || r == 0x104E || r >= 0x1052 && r <= 0x1055 || myanmar.IsConsonant(r)
}

// isMyMark is a combining mark of the Myanmar block.
func isMyMark(r rune) bool {
	return r >= 0x1000 && r <= 0x109F && unicode.Is(unicode.M, r)
}

// myClass gives the storage-order rank of a mark (0: not a Burmese mark
// with a known place; such clusters are not reordered).
func myClass(r rune) int {
	switch r {
	case 0x103B:
		return 2
	case 0x103C:
		return 3
	case 0x103D:
		return 4
	case 0x103E:
		return 5
	case 0x1031:
		return 6
	case 0x102D, 0x102E, 0x1032:
		return 7
	case 0x102F, 0x1030:
		return 8
	case 0x102B, 0x102C:
		return 9
	case 0x1036:
		return 10
	case 0x1037:
		return 11
	case 0x103A:
		return 12
	case 0x1038:
		return 13
	}
	return 0
}

// myCluster returns the end of the Myanmar cluster whose base is at i:
// kinzi (င်္) joins the next consonant, and U+1039 + consonant stacks.
func myCluster(ts []tok, i int) int {
	j := i + 1
	for j < len(ts) {
		r := ts[j].r
		if r == 0x1039 && j+1 < len(ts) && myanmar.IsConsonant(ts[j+1].r) {
			j += 2
			continue
		}
		if !isMyMark(r) {
			break
		}
		j++
	}
	return j
}

func checkMyanmar(s string, ts []tok, i int, fs *[]Finding) int {
	r := ts[i].r
	if isMyMark(r) {
		// E or medial RA stored before the consonant (Zawgyi order)?
		k := i
		for k < len(ts) && (ts[k].r == 0x1031 || ts[k].r == 0x103C) {
			k++
		}
		if k > i && k < len(ts) && isMyBase(ts[k].r) {
			pre := runes(ts[i:k])
			j := myCluster(ts, k)
			cl := append(runes(ts[k:k+1]), pre...)
			cl = append(cl, runes(ts[k+1:j])...)
			var probs []problem
			for _, p := range pre {
				if p == 0x1031 {
					probs = append(probs, problem{"my-e-before-consonant", "vowel sign E (ေ) stored before its consonant (Zawgyi order); in Unicode it follows the consonant and medials"})
				} else {
					probs = append(probs, problem{"my-ra-before-consonant", "medial RA (ြ) stored before its consonant (Zawgyi order); in Unicode it follows the consonant"})
				}
			}
			fixed, more := fixMyanmar(cl)
			addFinding(fs, s, ts, i, j, fixed, append(probs, more...))
			return j
		}
		j := i + 1
		for j < len(ts) && isMyMark(ts[j].r) {
			j++
		}
		addFinding(fs, s, ts, i, j, nil, []problem{{"my-orphan-mark",
			"Myanmar vowel, medial or sign with no consonant before it (shows a dotted circle); removed"}})
		return j
	}
	if !isMyBase(r) {
		return i + 1
	}
	j := myCluster(ts, i)
	if j == i+1 {
		return j
	}
	fixed, probs := fixMyanmar(runes(ts[i:j]))
	addFinding(fs, s, ts, i, j, fixed, probs)
	return j
}

// fixMyanmar puts one cluster (base first) in storage order.
func fixMyanmar(cl []rune) ([]rune, []problem) {
	var probs []problem
	// The head: base, kinzi and stacks, which keep their order.
	h := 1
	if len(cl) >= 4 && cl[0] == 0x1004 && cl[1] == 0x103A && cl[2] == 0x1039 && myanmar.IsConsonant(cl[3]) {
		h = 4
	}
	for h+1 < len(cl) && cl[h] == 0x1039 && myanmar.IsConsonant(cl[h+1]) {
		h += 2
	}
	head, marks := cl[:h], append([]rune{}, cl[h:]...)
	for _, m := range marks {
		if myClass(m) == 0 {
			return cl, nil // Mon, Shan, stray virama…: leave alone
		}
	}
	var ch bool
	if marks, ch = dedupe(marks, func(rune) bool { return true }); ch {
		probs = append(probs, problem{"my-double-mark", "the same sign twice in one syllable"})
	}
	// Reorder only the part before the first asat: an asat may be followed
	// by a vowel in contractions such as ကျွန်ုပ် (န် + ု).
	cut := len(marks)
	for k, m := range marks {
		if m == 0x103A {
			cut = k
			break
		}
	}
	pre := append([]rune{}, marks[:cut]...)
	sort.SliceStable(pre, func(a, b int) bool { return myClass(pre[a]) < myClass(pre[b]) })
	if string(pre) != string(marks[:cut]) {
		var medIn, medOut []rune
		for _, m := range marks[:cut] {
			if m >= 0x103B && m <= 0x103E {
				medIn = append(medIn, m)
			}
		}
		for _, m := range pre {
			if m >= 0x103B && m <= 0x103E {
				medOut = append(medOut, m)
			}
		}
		if string(medIn) != string(medOut) {
			probs = append(probs, problem{"my-medial-order", "medials out of order; Unicode order is ျ ြ ွ ှ"})
		} else {
			probs = append(probs, problem{"my-mark-order", "vowels or signs out of Unicode storage order (medials, ေ, upper vowel, lower vowel, ာ, ံ, ့, ်, း)"})
		}
	}
	post := append([]rune{}, marks[cut:]...)
	for k := 0; k+1 < len(post); k++ {
		if post[k] == 0x103A && post[k+1] == 0x1037 {
			post[k], post[k+1] = 0x1037, 0x103A
			probs = append(probs, problem{"my-asat-dot-order", "asat (်) before dot below (့); normalised order is ့်"})
		}
	}
	out := append(append([]rune{}, head...), pre...)
	out = append(out, post...)
	if len(post) > 1 && post[0] == 0x103A && afterAsatNever(post[1]) {
		// Unicode stores the asat after a syllable's medials and vowels
		// (the syllabic structure above); only ု and ူ may follow it, in contractions
		// (ကျွန်ုပ်). Before another mark it is Zawgyi typing, whose U+103A
		// is medial ya (မ်ား for များ): the Zawgyi reading is the likely
		// word.
		if z := []rune(zawgyi.ToUnicode(string(cl))); string(z) != string(cl) {
			out = z
		}
		probs = append(probs, problem{"my-asat-order", "asat (်) before a medial or vowel sign, which Unicode stores before it; typed with a Zawgyi keyboard, U+103A is medial ya"})
	}
	return out, probs
}

// afterAsatNever reports a Myanmar sign that never follows the asat in
// Unicode storage order: the medials and every vowel sign but ု and ူ,
// and the anusvara.
func afterAsatNever(r rune) bool {
	return (r >= 0x103B && r <= 0x103E) || (r >= 0x102B && r <= 0x102E) || r == 0x1031 || r == 0x1032 || r == 0x1036
}
