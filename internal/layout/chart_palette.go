package layout

import "github.com/mekong-briefs/briefs/internal/pages"

// seriesColors are the fills of a chart's series, in order. The first two
// are Okabe and Ito's blue (#0072B2) and orange (#E69F00), which readers
// with any common colour-vision deficiency tell apart; the third and
// fourth extend them with a dark navy and a pale sky blue. Their relative
// luminances (0.15, 0.42, 0.02, 0.65; CIE L* 46, 71, 14, 84) differ by 13
// L* or more, so the series stay apart in greyscale print too. The first,
// which a single series gets, has a contrast of 5:1 against the paper.
var seriesColors = []pages.Color{
	{R: 0.000, G: 0.447, B: 0.698},
	{R: 0.902, G: 0.624, B: 0.000},
	{R: 0.043, G: 0.145, B: 0.251},
	{R: 0.690, G: 0.847, B: 0.941},
}

// seriesInk is the colour of a value label drawn on a series' fill: paper
// on the dark fills, ink on the light ones.
var seriesInk = []pages.Color{paper, ink, paper, ink}

var paper = pages.Color{R: 1, G: 1, B: 1}

// seriesColor returns the fill of series i; past the fourth, the colours
// repeat (check warns of charts with more series than colours).
func seriesColor(i int) *pages.Color { return &seriesColors[i%len(seriesColors)] }
