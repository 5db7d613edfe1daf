package layout

import (
	"math"
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
		// A word wider than an equal share of the measure may be broken
		// between clusters rather than starve the other columns.
		words[col] = math.Max(words[col], math.Min(word+2*cellPad, st.page.measure()/float64(n)))
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
		minimum[k], pref[k], wordsOnly[k] = math.Max(words[i], short[i]), preferred[i], words[i]
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

// shareWidth gives each column a width between its minimum and preferred
// widths (or more, when all preferred widths fit), summing to total.
func shareWidth(minimum, preferred []float64, total float64) []float64 {
	n := len(minimum)
	widths := make([]float64, n)
	if p := sum(preferred); p <= total {
		for i := range widths {
			widths[i] = preferred[i] * total / p
		}
		return widths
	}
	// Water-fill: settle every column that is happy with a fair share of
	// the width still to give, until none is.
	settled := make([]bool, n)
	left, open := total, n
	for changed := true; changed; {
		changed = false
		fair := left / float64(open)
		for i := range widths {
			if !settled[i] && preferred[i] <= fair && open > 1 {
				widths[i], settled[i] = preferred[i], true
				left -= preferred[i]
				open--
				changed = true
			}
		}
	}
	minOpen, extra := 0.0, 0.0
	for i := range widths {
		if !settled[i] {
			minOpen += minimum[i]
			extra += preferred[i] - minimum[i]
		}
	}
	for i := range widths {
		if settled[i] {
			continue
		}
		widths[i] = minimum[i]
		if left > minOpen && extra > 0 {
			widths[i] += (left - minOpen) * (preferred[i] - minimum[i]) / extra
		}
	}
	if s := sum(widths); s > total {
		// Even the minimums do not fit: scale everything down; the line
		// breaker splits what must be split.
		for i := range widths {
			widths[i] *= total / s
		}
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
