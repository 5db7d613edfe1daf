package linebreak

import "github.com/go-text/typesetting/segmenter"

// Clusters returns the grapheme cluster boundaries of text (UAX #29
// extended grapheme clusters) as byte offsets, 0 excluded and len(text)
// included. Layout uses them as the last resort for a word too long for a
// line, after Breaks and Syllables.
func Clusters(text string) []int {
	if text == "" {
		return nil
	}
	runes, offs := decode(text)
	seg := segmenters.Get().(*segmenter.Segmenter)
	defer segmenters.Put(seg)
	seg.Init(runes)
	var out []int
	it := seg.GraphemeIterator()
	for it.Next() {
		g := it.Grapheme()
		out = append(out, offs[g.Offset+len(g.Text)])
	}
	return out
}
