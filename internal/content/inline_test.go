package content

import (
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
)

// TestKeptSpansAreNotWrittenThrough checks that spans kept for a text
// come back for the same text and language only, and that a document
// appending to them gets a copy: the next document's spans stay as kept.
func TestKeptSpansAreNotWrittenThrough(t *testing.T) {
	sp := make([]manuscript.Span, 1, 4)
	sp[0] = manuscript.Span{Text: "ស្ត្រី"}
	kept := keepSpans("km", "ស្ត្រី", sp)
	if got, ok := parsedSpans("km", "ស្ត្រី"); !ok || len(got) != 1 || got[0].Text != "ស្ត្រី" {
		t.Fatalf("kept spans not found: %v %v", got, ok)
	}
	if _, ok := parsedSpans("th", "ស្ត្រី"); ok {
		t.Error("spans kept for km were found for th")
	}
	_ = append(kept, manuscript.Span{Text: "more"})
	if got, _ := parsedSpans("km", "ស្ត្រី"); cap(got) != len(got) {
		t.Errorf("kept spans have capacity %d beyond their length %d: an append would write into them", cap(got), len(got))
	}
}
