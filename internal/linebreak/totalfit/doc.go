// Package totalfit chooses line breaks for a whole paragraph at once
// (Knuth–Plass total fit).
//
// The algorithm and its vocabulary come from D. E. Knuth and M. F. Plass,
// "Breaking Paragraphs into Lines", Software—Practice and Experience 11
// (1981) 1119–1184. Section names below refer to that paper.
//
// # The model ("Formulating the problem")
//
// A paragraph is a sequence of items:
//
//   - a Box has a fixed Width and is never broken (a word, a syllable, a
//     glyph cluster, an inline object);
//   - a Glue is space of natural Width that may grow by up to Stretch per
//     unit of adjustment ratio and shrink by up to Shrink;
//   - a Penalty marks a possible break with a cost. Its Width is added to
//     the line only when the break is taken there (a hyphen, for example).
//     Penalty >= Infinity forbids the break, Penalty <= -Infinity forces it.
//     Flagged marks breaks (usually hyphens) that should not be taken on two
//     consecutive lines.
//
// A break is legal at a penalty below Infinity, or at a glue immediately
// preceded by a box. A line runs from the item after the previous break up
// to, but excluding, the break item. Glue and unforced penalties directly
// after a break are discarded, so a line starts at the first box or forced
// penalty after the previous break (the first line starts at item 0).
//
// For a line of natural width L, total stretch Y and total shrink Z set in
// a measure l, the adjustment ratio is r = (l−L)/Y when L < l and
// r = (l−L)/Z when L > l. Glue with infinite stretch (math.Inf(1)) absorbs
// all slack, giving r = 0, as the paragraph-finishing glue does.
//
// # Choosing breaks ("Desirability criteria")
//
// A line is feasible when −1 <= r <= Params.Tolerance. Its badness is
// 100|r|³, and its demerits are (LinePenalty + badness)² + penalty² for a
// break penalty >= 0, (LinePenalty + badness)² − penalty² for a negative
// unforced penalty, and (LinePenalty + badness)² for a forced break.
// FlaggedDemerits are added when two consecutive lines end at flagged
// penalties, and FitnessDemerits when a line's fitness class (tight,
// decent, loose, very loose: r < −0.5, <= 0.5, <= 1, > 1) differs by more
// than one from the previous line's. Break minimises total demerits.
//
// # The algorithm ("Introduction to the algorithm", "The algorithm itself")
//
// The paragraph is a shortest-path problem over feasible breakpoints,
// solved by dynamic programming with an active list: every active node is a
// feasible break from which a line may still reach a later breakpoint. A
// node is dropped once a line from it would need r < −1 or when a forced
// break passes it. Nodes are distinguished by position, fitness class and,
// while line widths still vary, by line number; lines from the point where
// all further measures are equal are "equivalent", so their nodes merge.
// At each breakpoint a new node is kept only for the fitness classes whose
// demerits are within FitnessDemerits of the best one. Running time is
// O(n · active nodes).
//
// Looseness ("More bells and whistles") asks for a paragraph q lines
// longer (q > 0) or shorter (q < 0) than optimal when a feasible one
// exists; the closest achievable line count wins, then the fewest demerits.
//
// # Deviations from the paper
//
//   - A line ending at a forced break is never rejected as underfull: it is
//     set at its natural width (Ratio 0, badness 0), as if it ended in
//     infinitely stretchable glue. So a paragraph without Finish, or a
//     forced break without fill glue, behaves like a ragged last line.
//   - If items do not end with a forced break but contain boxes after the
//     last one, Break acts as if a forced break followed the last item
//     (the last Line then has End == len(items)).
//   - A line with zero stretch that is shorter than its measure has
//     r = +Inf and is infeasible (unless it ends at a forced break): no NaN
//     is ever produced.
//   - Non-finite widths and shrinks are treated as 0; NaN stretch as 0.
//
// # Fallbacks
//
// When no feasible set of breaks exists within Tolerance, Break reports
// ok = false and retries with unlimited tolerance (any finite ratio is
// accepted and demerits still balance the lines). If that fails too,
// because some line could only be underfull with no stretch or an
// unbreakable run is wider than its measure, it falls back to first fit:
// each line takes as much as fits with glue fully shrunk. Only a run of
// items with no legal break inside (for example a single box) wider than
// its measure yields a line that does not fit; it is marked Overfull.
//
// # Building items
//
// Justified text puts JustifiedSpace between words. Ragged-right text
// ("Further applications") puts RaggedBreak at every opportunity: the
// stretch X of the line-ending glue lets a line fall short by up to about X
// at ratio 1, and because the next glue cancels that stretch when no break
// is taken, interior spaces never stretch. X of about 3 em gives a soft
// rag; tolerance then bounds how ragged a line may be. Scripts written
// without spaces (Thai, Khmer, Burmese) use NoSpaceBreak between words when
// justified and RaggedBreak(0, X) when ragged. End every paragraph with
// Finish.
package totalfit
