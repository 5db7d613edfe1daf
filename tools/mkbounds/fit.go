package main

import (
	"math"
	"sort"

	"github.com/mekong-briefs/briefs/internal/linebreak"
)

// model is a logistic model of whether a boundary is marked: the weight
// of each feature (linebreak.BoundaryFeatures), summed, is the log-odds.
type model map[string]float64

func (m model) logit(r row) float64 {
	s := 0.0
	for _, f := range features(r) {
		s += m[f]
	}
	return s
}

func features(r row) []string { return linebreak.BoundaryFeatures(r.a, r.b) }

// fit learns the weights by AdaGrad on the logistic loss with an L2
// penalty of lambda, over epochs passes, ignoring features seen in fewer
// than minSeen rows.
func fit(rows []row, epochs int, lambda float64, minSeen int) model {
	seen := map[string]int{}
	feats := make([][]string, len(rows))
	for i, r := range rows {
		feats[i] = features(r)
		for _, f := range feats[i] {
			seen[f]++
		}
	}
	w, g2 := model{}, map[string]float64{}
	const rate = 0.3
	for e := 0; e < epochs; e++ {
		for i, r := range rows {
			s := 0.0
			for _, f := range feats[i] {
				s += w[f]
			}
			y := 0.0
			if r.marked {
				y = 1
			}
			grad := 1/(1+math.Exp(-s)) - y
			for _, f := range feats[i] {
				if seen[f] < minSeen {
					continue
				}
				gf := grad + lambda*w[f]/float64(seen[f])
				g2[f] += gf * gf
				w[f] -= rate * gf / math.Sqrt(g2[f]+1e-8)
			}
		}
	}
	return w
}

// point is one threshold of a precision/recall curve.
type point struct {
	threshold         float64
	precision, recall float64
	kept              int
}

// curve scores rows with m at each threshold of the log-odds.
func curve(m model, rows []row, marks int, thresholds []float64) []point {
	logits := make([]float64, len(rows))
	for i, r := range rows {
		logits[i] = m.logit(r)
	}
	var out []point
	for _, t := range thresholds {
		tp, fp := 0, 0
		for i, r := range rows {
			if logits[i] < t {
				continue
			}
			if r.marked {
				tp++
			} else {
				fp++
			}
		}
		out = append(out, point{t, float64(tp) / float64(max(tp+fp, 1)), float64(tp) / float64(max(marks, 1)), tp + fp})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].threshold < out[j].threshold })
	return out
}
