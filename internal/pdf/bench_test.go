package pdf

import (
	"io"
	"testing"
)

// BenchmarkWrite measures writing the sample document (shaped runs in
// four scripts, rules, images, links, outline, tags): content streams,
// text planning, font subsets, compression. "again" writes it as the
// editions of a brief are written, finding its runs' plans, its subsets
// and its streams in the process's caches; "fresh" empties them first,
// as for a document that shares nothing with those before it.
func BenchmarkWrite(b *testing.B) {
	doc := sampleDoc(b)
	for _, fresh := range []bool{false, true} {
		name := "again"
		if fresh {
			name = "fresh"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if fresh {
					forgetShared()
				}
				if err := Write(io.Discard, doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// forgetShared empties what the process keeps from one PDF to the next.
func forgetShared() {
	plans.Lock()
	plans.m, plans.glyphs = nil, 0
	plans.Unlock()
	deflated.Lock()
	deflated.m, deflated.bytes = map[string][]byte{}, 0
	deflated.Unlock()
	programs.Lock()
	programs.parsed, programs.subsets, programs.bytes = map[program]*parsing{}, map[program]map[string][]byte{}, 0
	programs.Unlock()
}
