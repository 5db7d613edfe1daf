package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestContentOperators checks the drawing operators: coordinates flipped
// to PDF space, colours set once, plain runs as one Tj.
func TestContentOperators(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sampleDoc(t)); err != nil {
		t.Fatal(err)
	}
	content := strings.Join(inflateStreams(t, b.Bytes()), "\n")
	for _, op := range []string{
		"0.9 0.93 0.97 rg\n50 771.89 300 20 re f",     // table shading, flipped
		"0.5 0.5 0.5 RG\n0.5 w\n50 361.89 495 0 re S", // rule
		"BT\n/F1 16 Tf\n0.1 0.2 0.45 rg\n1 0 0 1 56 761.89 Tm\n",
	} {
		if !strings.Contains(content, op) {
			t.Errorf("content lacks %q", op)
		}
	}
	// Jobs in SEZs: twelve plain glyphs, one Tj of 2-byte codes.
	if !regexp.MustCompile(`1 0 0 1 56 601.89 Tm\n<[0-9A-F]{48}>Tj\n`).MatchString(content) {
		t.Error("the English line is not one Tj of twelve codes")
	}
}
