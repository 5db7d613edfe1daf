package main

import (
	"slices"
	"testing"
)

func TestUnmark(t *testing.T) {
	text, marks := unmark("ភាសា\u200bខ្មែរ \u200bok\u200bក")
	if text != "ភាសាខ្មែរ okក" || !slices.Equal(marks, []int{len("ភាសា")}) {
		t.Errorf("unmark = %q %v", text, marks)
	}
}

func TestCounts(t *testing.T) {
	var c counts
	c.add([]int{1, 2, 5}, []int{2, 5, 7})
	if c != (counts{tp: 2, fp: 1, fn: 1}) {
		t.Errorf("counts = %+v", c)
	}
}
