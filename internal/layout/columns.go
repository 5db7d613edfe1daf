package layout

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/text"
)

// shortCell is the length, in characters, up to which a cell is short:
// a label such as "Province 10" or "Manhattan SEZ", which reads badly
// broken over two lines and gets its whole width whenever the table can
// give it.
const shortCell = 12

// columnWidths shares the measure between columns as CSS automatic table
// layout does. Each column has a minimum width (its widest unbreakable
// word, and its widest short cell whole) and a preferred width (its
// widest cell set on one line). Columns whose preferred width is within
// a fair share of what is left get it; the rest start from their minimum
// and share the remaining space in proportion to how much more than
// their minimum they would like. A table whose cells all fit on one line
// spreads its spare width in proportion to the preferred widths.
func (e *Engine) columnWidths(st *setter, b manuscript.Block) []float64 {
	n := len(b.Header)
	words, short, preferred := make([]float64, n), make([]float64, n), make([]float64, n)
	grow := func(col int, sp []manuscript.Span, ps paraStyle) {
		nat, word := st.measure(sp, ps)
		nat += 2 * cellPad
		words[col] = math.Max(words[col], math.Min(word+2*cellPad, st.page.measure()))
		if utf8.RuneCountInString(text.Plain(sp)) <= shortCell {
			short[col] = math.Max(short[col], nat)
		}
		preferred[col] = math.Max(preferred[col], nat)
	}
	for i, c := range b.Header {
		grow(i, c, headCellStyle)
	}
	for _, row := range b.Rows {
		for i, c := range row {
			if i < n {
				grow(i, c, cellStyle)
			}
		}
	}
	// A column brief.toml gives a width has it; the others share what
	// is left, automatically.
	widths := make([]float64, n)
	measure := st.page.measure()
	total := measure
	var free []int
	for i := range widths {
		if i < len(b.ColumnStyles) && b.ColumnStyles[i].Width > 0 {
			widths[i] = b.ColumnStyles[i].Width * measure
			total -= widths[i]
		} else {
			free = append(free, i)
		}
	}
	if len(free) == 0 {
		return widths
	}
	minimum, pref, wordsOnly := make([]float64, len(free)), make([]float64, len(free)), make([]float64, len(free))
	for k, i := range free {
		wordsOnly[k] = words[i]
	}
	// A word wider than its share may be split rather than starve the
	// other columns: the widest words are cut down to one cap, so that
	// all the words fit, with half a point to spare a column (a sum of
	// exactly the measure split "Ranong" over a rounding error), and
	// never below an equal share. Only the widest are cut (an e-mail
	// address, not the telephone number beside it, which an equal share
	// of nine columns had split too).
	c := max(wordCap(wordsOnly, total-0.5*float64(len(free))), min(measure/float64(n), (total-0.5*float64(len(free)))/float64(len(free))))
	for k, i := range free {
		wordsOnly[k] = math.Min(wordsOnly[k], c)
		minimum[k], pref[k] = math.Max(wordsOnly[k], short[i]), preferred[i]
	}
	if sum(minimum) > total {
		minimum = wordsOnly // short cells whole do not fit: words alone
	}
	for k := range pref {
		pref[k] = math.Max(pref[k], minimum[k])
	}
	for k, w := range shareWidth(minimum, pref, total) {
		widths[free[k]] = w
	}
	return widths
}

// wordCap is the width to which the widest of words must be cut so
// that they sum to total at most: the cap of water-filling, or +Inf when
// they fit whole.
func wordCap(words []float64, total float64) float64 {
	if sum(words) <= total {
		return math.Inf(1)
	}
	sorted := slices.Sorted(slices.Values(words))
	below := 0.0 // the words under the cap, whole
	for i, w := range sorted {
		// The cap if the words from i on are all cut to it.
		c := (total - below) / float64(len(sorted)-i)
		if c <= w {
			return max(c, 0)
		}
		below += w
	}
	return math.Inf(1)
}

// shareWidth gives each column a width between its minimum and preferred
// widths (or more, when all preferred widths fit), summing to total.
// Every column has its minimum first, and what is left is water-filled
// toward the preferred widths: a column content with a fair share of it
// settles, and the rest share what remains evenly. (Settling columns at
// their preferred width out of the whole once left the others less than
// their minimum, and every column was then scaled below its own, so that
// "២០១៧" split in a header.) Only when the minimums do not fit are they
// scaled down, and the line breaker splits what must be split.
func shareWidth(minimum, preferred []float64, total float64) []float64 {
	n := len(minimum)
	widths := make([]float64, n)
	if p := sum(preferred); p <= total {
		for i := range widths {
			widths[i] = preferred[i] * total / p
		}
		return widths
	}
	if base := sum(minimum); base >= total {
		for i := range widths {
			widths[i] = minimum[i] * total / base
		}
		return widths
	}
	copy(widths, minimum)
	left := total - sum(minimum)
	var open []int
	for i := range widths {
		if preferred[i] > minimum[i] {
			open = append(open, i)
		}
	}
	for len(open) > 0 {
		fair := left / float64(len(open))
		var still []int
		for _, i := range open {
			if want := preferred[i] - widths[i]; want <= fair {
				widths[i], left = preferred[i], left-want
			} else {
				still = append(still, i)
			}
		}
		if len(still) == len(open) {
			for _, i := range open {
				widths[i] += fair
			}
			break
		}
		open = still
	}
	return widths
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// alignments gives each column its alignment: brief.toml's, or flush
// right for a column of numbers and flush left for any other.
func alignments(b manuscript.Block) []string {
	numeric := numericColumns(b)
	out := make([]string, len(b.Header))
	for i := range out {
		switch {
		case i < len(b.ColumnStyles) && b.ColumnStyles[i].Align != "":
			out[i] = b.ColumnStyles[i].Align
		case numeric[i]:
			out[i] = "right"
		default:
			out[i] = "left"
		}
	}
	return out
}

// numericColumns reports, per column, whether every body cell that has
// text is a number: digits of any script (1 234, ២០០, ၇၀၀, ๒๐๐), with
// separators, signs and a percent sign. Such a column is set flush right.
func numericColumns(b manuscript.Block) []bool {
	out := make([]bool, len(b.Header))
	for col := range out {
		filled := false
		out[col] = true
		for _, row := range b.Rows {
			if col >= len(row) {
				continue
			}
			s := strings.TrimSpace(text.Plain(row[col]))
			if s == "" {
				continue
			}
			filled = true
			if !isNumber(s) {
				out[col] = false
				break
			}
		}
		out[col] = out[col] && filled
	}
	return out
}

// isNumber reports whether s is written with digits and the marks that
// go with numbers only.
func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune(".,%+-−–  \u202F'", r):
		default:
			return false
		}
	}
	return digits > 0
}
