package totalfit

import "math"

// Kind says whether an Item is a box, glue or penalty.
type Kind uint8

// The three kinds of item in the Knuth–Plass model.
const (
	Box Kind = iota
	Glue
	Penalty
)

// String returns "box", "glue" or "penalty".
func (k Kind) String() string {
	switch k {
	case Box:
		return "box"
	case Glue:
		return "glue"
	case Penalty:
		return "penalty"
	}
	return "Kind(?)"
}

// Infinity is the penalty at or above which a break is forbidden; a penalty
// at or below −Infinity forces a break.
const Infinity = 10000

// NoSpaceStretch is the stretch, in points, that NoSpaceBreak gives a
// break between words of a script written without spaces. It is about
// 0.1 em at body sizes near 10 pt: enough that a justified Thai, Khmer or
// Burmese line can absorb the slack left by a long word at moderate ratios,
// small enough that unbroken text does not look letter-spaced.
const NoSpaceStretch = 1.0

// Item is a box, glue or penalty in the Knuth–Plass model. Widths are in
// any unit (points in briefs).
type Item struct {
	Kind    Kind
	Width   float64
	Stretch float64 // glue only; math.Inf(1) is infinite (fill) stretch, math.Inf(-1) cancels one
	Shrink  float64 // glue only
	Penalty float64 // penalty only; >= Infinity forbids a break, <= -Infinity forces one
	Flagged bool    // penalty only (e.g. hyphen); consecutive flagged breaks cost FlaggedDemerits
}

// BoxItem returns a box of the given width.
func BoxItem(width float64) Item { return Item{Kind: Box, Width: width} }

// GlueItem returns glue of natural width w that may stretch by stretch and
// shrink by shrink.
func GlueItem(w, stretch, shrink float64) Item {
	return Item{Kind: Glue, Width: w, Stretch: stretch, Shrink: shrink}
}

// PenaltyItem returns a penalty of the given width (added only if the break
// is taken there) and cost.
func PenaltyItem(width, penalty float64, flagged bool) Item {
	return Item{Kind: Penalty, Width: width, Penalty: penalty, Flagged: flagged}
}

func (it Item) forced() bool { return it.Kind == Penalty && it.Penalty <= -Infinity }

// Finish returns items ended by the standard finishing sequence of the
// paper: penalty(+∞) (so the fill glue is not itself a break), glue of zero
// width and infinite stretch, and a forced break. Trailing glue and
// unforced penalties are removed first, as TeX removes the space before the
// end of a paragraph. Items that already end with fill glue and a forced
// break are returned unchanged. The input slice is never modified.
func Finish(items []Item) []Item {
	n, done := finishAt(items)
	if done {
		return items
	}
	out := make([]Item, n, n+3)
	copy(out, items[:n])
	return appendEnd(out)
}

// FinishInPlace is Finish for items the caller hands over: their array
// may be changed and reused, which saves a paragraph a copy of its items.
func FinishInPlace(items []Item) []Item {
	n, done := finishAt(items)
	if done {
		return items
	}
	return appendEnd(items[:n])
}

// finishAt returns how many of items a finished paragraph keeps, or done
// when they end in fill glue and a forced break already.
func finishAt(items []Item) (n int, done bool) {
	n = len(items)
	if n >= 2 && items[n-1].forced() && items[n-2].Kind == Glue && math.IsInf(items[n-2].Stretch, 1) {
		return n, true
	}
	for n > 0 && (items[n-1].Kind == Glue || (items[n-1].Kind == Penalty && !items[n-1].forced())) {
		n--
	}
	return n, false
}

// appendEnd appends the end of a paragraph: no break before the fill
// glue, the fill, and the forced break.
func appendEnd(items []Item) []Item {
	return append(items,
		PenaltyItem(0, Infinity, false),
		GlueItem(0, math.Inf(1), 0),
		PenaltyItem(0, -Infinity, false))
}

// RaggedBreak returns the items for one break opportunity in ragged-right
// text ("Further applications" in the paper): penalty(+∞), glue(0, X, 0),
// penalty(0), glue(width, −X, 0), with X = stretch. If the line breaks at
// the penalty, it ends with stretch X and the next line discards the
// following glue; if not, the two glues add up to a rigid space of the
// given width (0 for scripts written without spaces). The leading
// penalty(+∞) keeps the stretchable glue, which follows a box, from being a
// break itself.
func RaggedBreak(width, stretch float64) []Item { return RaggedBreakPenalty(width, stretch, 0) }

// RaggedBreakPenalty is RaggedBreak with a penalty for ending a line
// there, so that a breaker can prefer some opportunities to others (a
// space to a dictionary boundary).
func RaggedBreakPenalty(width, stretch, penalty float64) []Item {
	return []Item{
		PenaltyItem(0, Infinity, false),
		GlueItem(0, stretch, 0),
		PenaltyItem(0, penalty, false),
		GlueItem(width, -stretch, 0),
	}
}

// JustifiedSpace returns an interword space for justified text: a single
// glue, which is a legal break when it follows a box.
func JustifiedSpace(width, stretch, shrink float64) []Item {
	return []Item{GlueItem(width, stretch, shrink)}
}

// NoSpaceBreak returns a break opportunity with no visible space, for
// justified text in scripts written without spaces (between Thai words,
// for example): penalty(p) followed by glue(0, NoSpaceStretch, 0). If the
// break is taken the glue is discarded at the start of the next line; if
// not, the glue lets justification open word boundaries a little instead
// of needing interword spaces that the script does not have. It cannot
// shrink, since glyphs would collide. Use NoSpaceBreakStretch to scale the
// stretch with the font size, and RaggedBreak(0, X) for ragged text.
func NoSpaceBreak(penalty float64) []Item {
	return NoSpaceBreakStretch(penalty, NoSpaceStretch)
}

// NoSpaceBreakStretch is NoSpaceBreak with an explicit stretch.
func NoSpaceBreakStretch(penalty, stretch float64) []Item {
	return []Item{PenaltyItem(0, penalty, false), GlueItem(0, stretch, 0)}
}
