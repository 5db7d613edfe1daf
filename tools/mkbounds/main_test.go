package main

import (
	"slices"
	"testing"

	"github.com/mekong-briefs/briefs/internal/linebreak"
)

func TestUnmark(t *testing.T) {
	text, marks := unmark("មិន\u200bអាច\u200b ok")
	if text != "មិនអាច ok" || len(marks) != 1 || !marks[len("មិន")] {
		t.Errorf("unmark = %q %v", text, marks)
	}
}

func TestFit(t *testing.T) {
	var rows []row
	for i := 0; i < 50; i++ {
		rows = append(rows, row{"ដែល", "បាន", true}, row{"ការ", "កំណត់", false}, row{"ដែល", "មាន", true})
	}
	m := fit(rows, 8, 1, 3)
	if m.logit(row{a: "ដែល", b: "បាន"}) <= 0 || m.logit(row{a: "ការ", b: "កំណត់"}) >= 0 {
		t.Errorf("the fit does not tell a parted pair from a joined one: %v", m)
	}
	p := curve(m, rows, 100, []float64{0})
	if p[0].precision != 1 || p[0].recall != 1 {
		t.Errorf("curve at 0 = %+v, want precision and recall 1", p[0])
	}
	if !slices.Contains(linebreak.BoundaryFeatures("a", "b"), linebreak.BoundaryBias) {
		t.Errorf("a boundary's features %q lack the bias %q", linebreak.BoundaryFeatures("a", "b"), linebreak.BoundaryBias)
	}
}
