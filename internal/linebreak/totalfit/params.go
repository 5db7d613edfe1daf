package totalfit

import "math"

// Params tunes the choice of breaks; see "Desirability criteria" and "More
// bells and whistles" in Knuth & Plass (1981).
type Params struct {
	Tolerance       float64 // max adjustment ratio accepted (e.g. 2..10); <= 0 or NaN means the default
	LinePenalty     float64 // added to each line's badness before squaring; default 10
	FlaggedDemerits float64 // two consecutive lines ending at flagged breaks; default 3000
	FitnessDemerits float64 // adjacent lines in fitness classes more than one apart; default 3000
	Looseness       int     // ask for this many more (or fewer, if negative) lines than optimal
}

// DefaultParams returns TeX-like defaults suitable for ragged-right
// (left-aligned) and justified text. Tolerance 2 accepts spaces stretched
// to twice their stretch (badness 800), a little looser than TeX's
// \tolerance=200 (r ≈ 1.26) because briefs does not hyphenate.
func DefaultParams() Params {
	return Params{
		Tolerance:       2,
		LinePenalty:     10,
		FlaggedDemerits: 3000,
		FitnessDemerits: 3000,
	}
}

func (p Params) normalized() Params {
	if !(p.Tolerance > 0) {
		p.Tolerance = DefaultParams().Tolerance
	}
	for _, f := range []*float64{&p.LinePenalty, &p.FlaggedDemerits, &p.FitnessDemerits} {
		if math.IsNaN(*f) || math.IsInf(*f, 0) {
			*f = 0
		}
	}
	return p
}

// Line is a chosen line: items [Start, End) with End the index of the break
// item. The break item itself (glue or penalty) is excluded from the line,
// but a penalty's Width (a hyphen) counts in Width. Glue and unforced
// penalties after a break are discarded, so Start is the first box or
// forced penalty after the previous break (0 for the first line). End is
// len(items) for an implicit final break.
type Line struct {
	Start, End int
	// Ratio is the adjustment ratio that justifies the line: glue i gets
	// Width + Ratio·Stretch when Ratio > 0 and Width + Ratio·Shrink when
	// Ratio < 0. It is 0 when infinitely stretchable glue takes up the
	// slack, and for underfull lines ending at a forced break (set them at
	// natural width).
	Ratio float64
	// Width is the natural width of the line, including the width of a
	// penalty break.
	Width float64
	// Overfull is set when the line does not fit its measure even with all
	// glue fully shrunk. Break produces this only for a run of items with
	// no legal break inside (such as a single box) wider than the measure.
	Overfull bool
}
