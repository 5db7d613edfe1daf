package viewers_test

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// comparable returns s in NFC with whitespace removed: the matrix compares
// characters, not the spaces a client guesses between positioned glyphs.
// ZERO WIDTH SPACE counts as whitespace: it is a break opportunity that
// draws nothing (the table counts the extra ones a client returns).
// Hyphens are left out too: at a line end poppler joins the word and drops
// the hyphen, and PDFium turns it into U+FFFE, each by design.
func comparable(s string) []rune {
	var out []rune
	for _, r := range norm.NFC.String(s) {
		if unicode.IsSpace(r) || r == '\u200B' || r == '-' || r == '\uFFFE' {
			continue
		}
		out = append(out, r)
	}
	return out
}

// wrongChars counts, order aside, the characters of want that got lacks
// plus the characters got has beyond want (a multiset difference).
func wrongChars(want, got []rune) int {
	count := map[rune]int{}
	for _, r := range want {
		count[r]++
	}
	for _, r := range got {
		count[r]--
	}
	n := 0
	for _, c := range count {
		n += max(c, -c)
	}
	return n
}

// editDistance is the Levenshtein distance between a and b, in one row of
// memory: the reading-order measure of the issue.
func editDistance(a, b []rune) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			old := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, diag+cost)
			diag = old
		}
	}
	return row[len(b)]
}

// firstDifference shows where got first departs from want, for a failure
// message a person can act on.
func firstDifference(want, got []rune) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-12)
	return "want …" + string(want[from:min(len(want), i+24)]) + "…\n got …" + string(got[from:min(len(got), i+24)]) + "…"
}

// percent formats n of total as a percentage with one decimal.
func percent(n, total int) string {
	if total == 0 {
		return "0 %"
	}
	return fmt.Sprintf("%.1f %%", float64(n)*100/float64(total))
}

// spaceContext is how many characters on each side of a client's space
// locate it in the text that went in.
const spaceContext = 6

// extraSpaces counts the spaces a client put inside a word: gaps of
// whitespace in got whose neighbouring characters (spaceContext on each
// side, comparable form) stand side by side in want with no break between
// them. A break is whitespace, ZERO WIDTH SPACE, a hyphen or a run
// boundary (want has a line feed after each run, and a client may well
// set runs apart). A gap whose context is not found in want (a table cell
// read in another order) counts in unplaced, not as extra; when the
// context occurs several times, one occurrence with a break clears it.
// ZWSP in got is not whitespace here: the table counts it on its own.
func extraSpaces(want, got string) (extra []string, unplaced int) {
	w, breaks := withBreaks(want)
	ws := string(w)
	g, gaps := withGaps(got)
	for _, i := range gaps {
		if i < spaceContext || i+spaceContext > len(g) {
			continue
		}
		left, ctx := string(g[i-spaceContext:i]), string(g[i-spaceContext:i+spaceContext])
		found, broken := false, false
		for from := 0; ; {
			k := strings.Index(ws[from:], ctx)
			if k < 0 {
				break
			}
			found = true
			at := utf8.RuneCountInString(ws[:from+k+len(left)])
			if breaks[at] {
				broken = true
				break
			}
			from += k + 1
		}
		switch {
		case !found:
			unplaced++
		case !broken:
			extra = append(extra, left+" "+string(g[i:i+spaceContext]))
		}
	}
	return extra, unplaced
}

// withBreaks returns want's comparable characters and, per index, whether
// a break stands before the character there.
func withBreaks(want string) ([]rune, map[int]bool) {
	var out []rune
	breaks := map[int]bool{}
	for _, r := range norm.NFC.String(want) {
		if unicode.IsSpace(r) || r == '\u200B' || r == '-' || r == '\uFFFE' {
			breaks[len(out)] = true
			continue
		}
		out = append(out, r)
	}
	return out, breaks
}

// withGaps returns got's comparable characters and the indices before
// which a client's whitespace stands.
func withGaps(got string) ([]rune, []int) {
	var out []rune
	var gaps []int
	gap := false
	for _, r := range norm.NFC.String(got) {
		switch {
		case unicode.IsSpace(r):
			gap = true
		case r == '\u200B' || r == '-' || r == '\uFFFE':
		default:
			if gap && len(out) > 0 {
				gaps = append(gaps, len(out))
			}
			gap = false
			out = append(out, r)
		}
	}
	return out, gaps
}

// moved counts the characters of runs that a client gives back out of
// reading order once whole blocks may move. Runs in a role set aside
// (aside) only have to be there. Each other run (drawing order is reading
// order, see internal/pdf/tags.go) is placed at its occurrence in got
// nearest after where the one before it ended (or, with none after, the
// last before), and the runs off the heaviest chain of increasing places
// count as moved. A run not found at all (broken up inside, or its marks
// set apart) counts as moved whatever its role. total is the characters
// of all runs.
func moved(runs []run, got []rune, aside func(pages.Role) bool) (n, total int) {
	g := string(got)
	var places, sizes []int
	pos := 0
	for _, r := range runs {
		t := string(comparable(r.text))
		if t == "" {
			continue
		}
		size := len([]rune(t))
		total += size
		k := strings.Index(g[pos:], t)
		if k >= 0 {
			k += pos
		} else {
			k = strings.LastIndex(g[:pos], t)
		}
		switch {
		case k < 0:
			n += size
		case !aside(r.role):
			pos = k + len(t)
			places = append(places, k)
			sizes = append(sizes, size)
		}
	}
	for i, in := range heaviest(places, sizes) {
		if !in {
			n += sizes[i]
		}
	}
	return n, total
}

// heaviest marks the strictly increasing subsequence of places with the
// most weight (characters), so that a short run out of place counts as
// moved rather than the long ones around it.
func heaviest(places, weights []int) []bool {
	best, prev := make([]int, len(places)), make([]int, len(places))
	end := -1
	for i := range places {
		best[i], prev[i] = weights[i], -1
		for j := 0; j < i; j++ {
			if places[j] < places[i] && best[j]+weights[i] > best[i] {
				best[i], prev[i] = best[j]+weights[i], j
			}
		}
		if end < 0 || best[i] > best[end] {
			end = i
		}
	}
	keep := make([]bool, len(places))
	for i := end; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}

// aside is what the issue sets aside in reading order: table cells and
// the contact cards set side by side as a grid, which poppler and PDFium
// read cell by cell across a row or down a column by position, and page
// furniture (artifacts: footers), which is not part of the text's order.
func aside(r pages.Role) bool {
	switch r {
	case pages.RoleTableCell, pages.RoleTableHead, pages.RoleContact, pages.RoleFooter:
		return true
	}
	return false
}

// lostSpaces finds the spaces of the text that went in that a client
// gives back as none: for each space inside a line of runs that go on
// from one another (run.goesOn: a space that ends a run before an
// emphasised word counts too), the spaceContext characters on each side
// (comparable form) stand side by side in got with no gap between them
// anywhere. A context not found in got (a table cell read in another
// order) is left out, as extraSpaces does; when it occurs several times,
// one occurrence with a gap clears it.
func lostSpaces(runs []run, got string) (lost []string, checked int) {
	g, gaps := withGaps(got)
	gs := string(g)
	gapAt := map[int]bool{}
	for _, i := range gaps {
		gapAt[i] = true
	}
	for _, line := range linesOf(runs) {
		rs := []rune(norm.NFC.String(line))
		for i, c := range rs {
			if c != ' ' || i == 0 || i == len(rs)-1 || rs[i-1] == ' ' || rs[i+1] == ' ' {
				continue
			}
			left, right := comparable(string(rs[:i])), comparable(string(rs[i+1:]))
			if len(left) < spaceContext || len(right) < spaceContext {
				continue
			}
			l, ri := string(left[len(left)-spaceContext:]), string(right[:spaceContext])
			found, spaced := false, false
			for from := 0; ; {
				k := strings.Index(gs[from:], l+ri)
				if k < 0 {
					break
				}
				found = true
				if gapAt[utf8.RuneCountInString(gs[:from+k+len(l)])] {
					spaced = true
					break
				}
				from += k + 1
			}
			if found {
				checked++
			}
			if found && !spaced {
				lost = append(lost, l+"◆"+ri)
			}
		}
	}
	return lost, checked
}

// linesOf joins the texts of runs that go on from one another
// (run.goesOn) into one line of text each.
func linesOf(runs []run) []string {
	var out []string
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.text)
		if !r.goesOn {
			out = append(out, b.String())
			b.Reset()
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}
