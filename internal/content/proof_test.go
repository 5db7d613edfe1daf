package content

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// TestProofMarkupErrors: every line's broken markup is reported, each at
// the character where it breaks, not the first line's alone at 1:1.
func TestProofMarkupErrors(t *testing.T) {
	lines := []string{"Hello, this is **unclosed", "fine [2] text", "ស្រី [link](https://x and more"}
	_, err := Proof("p.txt", "km", lines, true)
	ds, ok := err.(diag.List)
	if !ok || len(ds) != 2 {
		t.Fatalf("err = %v, want two markup errors", err)
	}
	for i, want := range []diag.Pos{{File: "p.txt", Line: 1, Col: 16}, {File: "p.txt", Line: 3, Col: 6}} {
		if ds[i].Pos != want {
			t.Errorf("error %d at %v, want %v", i+1, ds[i].Pos, want)
		}
	}
}

// TestProofColumnOfDecomposedText: a line written decomposed (NFD) has
// its error at the file's column, not the normalised text's.
func TestProofColumnOfDecomposedText(t *testing.T) {
	line := norm.NFD.String("Người lao động **x")
	_, err := Proof("nfd.txt", "vi", []string{line}, true)
	ds, ok := err.(diag.List)
	if !ok || len(ds) != 1 {
		t.Fatalf("err = %v, want one markup error", err)
	}
	if want := utf8.RuneCountInString(line[:strings.Index(line, "**")]) + 1; ds[0].Pos.Col != want {
		t.Errorf("error at column %d, want %d (the file's)", ds[0].Pos.Col, want)
	}
}

// TestProofColumnOfStackedMarks: a letter written with two marks apart
// ("Nghệ" as e, dot below, circumflex) is three characters of the file;
// the error after it is at the file's column, and a long decomposed file
// is read in one pass (200 lines of 4,000 bytes took 38 s).
func TestProofColumnOfStackedMarks(t *testing.T) {
	line := "Ngh" + "e\u0323\u0302" + "[ghi chu"
	_, err := Proof("p.txt", "vi", []string{line}, true)
	ds, ok := err.(diag.List)
	if !ok || len(ds) != 1 || ds[0].Pos.Col != 7 {
		t.Fatalf("err = %v, want one error at column 7", err)
	}
	long := strings.Repeat(norm.NFD.String("Người lao động "), 280) + "[x"
	var lines []string
	for range 200 {
		lines = append(lines, long)
	}
	if _, err := Proof("p.txt", "vi", lines, true); err == nil {
		t.Fatal("no error for 200 broken lines")
	}
}
