package linebreak

import (
	"runtime"
	"strings"
	"testing"
)

const englishSample = `Migrant workers from Myanmar and Cambodia make up a large share of the
workforce in Thailand's garment factories, fisheries and construction sites. Many of them
send money home every month so that their children can stay in school. Social protection
schemes such as the Social Security Fund (SSF) cover sickness, maternity and unemployment,
but workers without documents find it hard to claim benefits. The ILO recommends stronger
labour inspection, fair recruitment with zero fees, and contracts written in a language the
worker understands. In 2019, special economic zones (SEZs) created 12,000 new jobs; wages,
however, stayed close to the legal minimum of 310–336 baht a day.`

// benchLines returns the paragraphs a benchmark breaks and their size.
func benchLines(b *testing.B, lang string) ([]string, int64) {
	var lines []string
	if lang == "en" {
		lines = strings.Split(englishSample, "\n")
	} else {
		lines = readLines(b, "testdata/corpus/"+lang+".txt")
	}
	var n int64
	for _, l := range lines {
		n += int64(len(l))
	}
	return lines, n
}

func benchmarkBreaks(b *testing.B, lang string) {
	lines, n := benchLines(b, lang)
	br := New()
	for _, l := range lines { // load the dictionary outside the timing
		br.Breaks(l)
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			br.Breaks(l)
		}
	}
}

func BenchmarkBreaksThai(b *testing.B)    { benchmarkBreaks(b, "th") }
func BenchmarkBreaksKhmer(b *testing.B)   { benchmarkBreaks(b, "km") }
func BenchmarkBreaksBurmese(b *testing.B) { benchmarkBreaks(b, "my") }
func BenchmarkBreaksEnglish(b *testing.B) { benchmarkBreaks(b, "en") }

// BenchmarkOpenDictionaries measures opening all four embedded
// dictionaries, which a run does in place (trie.go).
func BenchmarkOpenDictionaries(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for _, d := range dictionaryFiles {
			mustOpen(d)
		}
	}
}

// BenchmarkOpenPairs measures opening the embedded pair lists in place,
// and BenchmarkPackPairs what a run did before they were packed: gunzip
// the list and hash every pair.
func BenchmarkOpenPairs(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for _, p := range pairFiles {
			mustOpenPairs(p)
		}
	}
}

// BenchmarkOpenBounds measures opening the embedded boundary models in
// place (bounds.go).
func BenchmarkOpenBounds(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for _, p := range boundFiles {
			mustOpenBounds(p)
		}
	}
}

func BenchmarkPackPairs(b *testing.B) {
	lists := make([][]byte, len(pairFiles))
	for i, p := range pairFiles {
		lists[i] = readDict(b, p.List)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, p := range pairFiles {
			if _, err := p.Pack(lists[j]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPackDictionaries measures what tools/mktries does for all four
// lists, which a run once did at start-up: decode the list and build the
// trie.
func BenchmarkPackDictionaries(b *testing.B) {
	lists := make([][]byte, len(dictionaryFiles))
	for i, d := range dictionaryFiles {
		lists[i] = readDict(b, d.List)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, d := range dictionaryFiles {
			if _, err := d.Pack(lists[k]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRetainedDictionaries reports the heap that the four opened
// dictionaries keep (retained-B), after a collection: the memory a build
// that breaks every script holds for them.
func BenchmarkRetainedDictionaries(b *testing.B) {
	var keep []*trie
	var before, after runtime.MemStats
	for i := 0; i < b.N; i++ {
		keep = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		for _, d := range dictionaryFiles {
			keep = append(keep, mustOpen(d))
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "retained-B")
	runtime.KeepAlive(keep)
}
