package pdf

import (
	"io"
	"testing"
)

// BenchmarkWrite measures writing the sample document (shaped runs in
// four scripts, rules, images, links, outline, tags): content streams,
// text planning, font subsets, compression.
func BenchmarkWrite(b *testing.B) {
	doc := sampleDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
