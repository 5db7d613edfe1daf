package viewers_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// Firefox's find bar and text layer highlight a word where pdf.js places
// its text item: at the item's origin, as wide as pdf.js reckons its
// glyphs. pdf.js moves its pen by 0 past a glyph whose text holds a
// nonspacing mark or ends in a format character (ZERO WIDTH SPACE), so
// unless the writer sets the text position again (pen.catchUp) every such
// glyph leaves the items after it further left of the glyphs they spell:
// on most Khmer and Burmese lines by a whole word.
//
// maxDrift bounds, per language, the share of lines of text on which the
// end of some pdf.js item lies more than driftTolerance from the end of
// the glyphs of its last character, as layout placed them (sample briefs
// and proofs). Measured when written (December 2026), with catchUp and
// without: km 53 % and 94 %, my 42 % and 92 %, th 5 % and 48 %, lo and
// shn 0 and 17 %, en and vi 0 either way; the worst item of a line was
// off by a median 7.7 pt in Khmer (35.5 without), 0.5 in Burmese (22.7)
// and 0.4 in Thai (1.5). The lines left are those where catching up
// would split a span's first text object or open a gap that pdf.js reads
// as a space. Mon has too few lines here for a bound of its own (8 of 13,
// 10 without).
var maxDrift = map[string]float64{"km": 0.6, "my": 0.5, "th": 0.08, "lo": 0.05, "shn": 0.05, "en": 0.01, "vi": 0.01}

const driftTolerance = 3.0 // points

// jsItem is a pdf.js text item: its text, its origin on the baseline and
// its width, in PDF points.
type jsItem struct {
	S       string
	X, Y, W float64
}

func TestFindHighlightsOnTheirWords(t *testing.T) {
	dir := t.TempDir()
	samples := buildSamples(t, dir)
	node := need(t, "node", "nodejs")
	needNodeModules(t)
	paths := make([]string, len(samples))
	for i, s := range samples {
		paths[i] = s.path
	}
	out, err := exec.Command(node, append([]string{"items.mjs"}, paths...)...).Output()
	if err != nil {
		t.Fatalf("node items.mjs: %v", err)
	}
	var items map[string][][]jsItem
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatalf("items.mjs printed no JSON: %v", err)
	}
	type count struct {
		off, lines, unmatched, items int
		worst                        []float64
	}
	byLang := map[string]*count{}
	var examples []string
	for _, s := range samples {
		c := byLang[s.lang]
		if c == nil {
			c = &count{}
			byLang[s.lang] = c
		}
		for p, pg := range s.laid.Pages {
			if p >= len(items[s.path]) {
				t.Fatalf("%s: pdf.js read %d pages, layout made %d", s.name, len(items[s.path]), len(s.laid.Pages))
			}
			lines := glyphLines(pg)
			for _, y := range sortedKeys(lines) {
				d := drift(lines[y], itemsOn(items[s.path][p], pg.Height-y))
				c.lines++
				c.items += d.items
				c.unmatched += d.unmatched
				c.worst = append(c.worst, d.worst)
				if d.worst > driftTolerance {
					c.off++
					if len(examples) < 6 && s.lang != "en" {
						examples = append(examples, fmt.Sprintf("%s p%d: %q ends %.1f pt off", s.name, p+1, d.at, d.worst))
					}
				}
			}
		}
	}
	for _, lang := range sortedKeys(byLang) {
		c := byLang[lang]
		share := float64(c.off) / float64(max(c.lines, 1))
		sort.Float64s(c.worst)
		t.Logf("%s: %d of %d lines with an item more than %.0f pt off (%.0f %%; the worst item of a line is off by %.1f pt at the median, %.1f at the 90th centile); %d of %d items not matched to the text",
			lang, c.off, c.lines, driftTolerance, 100*share, centile(c.worst, 0.5), centile(c.worst, 0.9), c.unmatched, c.items)
		if limit, ok := maxDrift[lang]; ok && share > limit {
			t.Errorf("%s: pdf.js places items off their glyphs on %.0f %% of lines (at most %.0f %%)", lang, 100*share, 100*limit)
		}
		// A matcher that finds nothing would pass the bound above.
		if c.unmatched*20 > c.items {
			t.Errorf("%s: %d of %d pdf.js items could not be matched to the text", lang, c.unmatched, c.items)
		}
	}
	if t.Failed() {
		t.Logf("for example:\n%s", strings.Join(examples, "\n"))
	}
}

// charEnd is a character of a line of text and where its cluster's
// glyphs end, in points from the page's left edge.
type charEnd struct {
	r   rune
	end float64
}

// glyphLines gives the characters of a page that a client compares,
// line by line (keyed by baseline, from the page's top), each with the
// end of its cluster.
func glyphLines(pg pages.Page) map[float64][]charEnd {
	lines := map[float64][]charEnd{}
	runs := append([]pages.GlyphRun(nil), pg.Runs...)
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].X < runs[j].X })
	for _, r := range runs {
		y := math.Round(r.Y*2) / 2
		x := r.X
		for i := 0; i < len(r.Glyphs); {
			j, end := i, x
			for j < len(r.Glyphs) && r.Glyphs[j].Cluster == r.Glyphs[i].Cluster {
				end += r.Glyphs[j].XAdvance
				j++
			}
			to := len(r.Text)
			if j < len(r.Glyphs) {
				to = r.Glyphs[j].Cluster
			}
			for _, ch := range r.Text[r.Glyphs[i].Cluster:to] {
				if compared(ch) {
					lines[y] = append(lines[y], charEnd{ch, end})
				}
			}
			x, i = end, j
		}
	}
	return lines
}

// compared reports whether the drift test follows a character: not the
// spaces and format characters that clients give or drop as they guess,
// nor the hyphen that a line ending at a soft hyphen draws.
func compared(r rune) bool {
	return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && r != '-'
}

// itemsOn returns the items of a page on the baseline at y (PDF
// coordinates, from the bottom), in content order.
func itemsOn(items []jsItem, y float64) []jsItem {
	var on []jsItem
	for _, it := range items {
		if math.Abs(it.Y-y) < 0.5 && strings.IndexFunc(it.S, compared) >= 0 {
			on = append(on, it)
		}
	}
	return on
}

// lineDrift is how far one line's pdf.js items end from their glyphs.
type lineDrift struct {
	worst            float64 // the largest distance, points
	at               string  // the item it was found at
	items, unmatched int
}

// drift follows a line's items through its characters: each item's
// characters must come next in the line (an item that does not is
// unmatched, and the next item is looked for from the same place), and
// its end (origin plus width) is compared with the end of the glyphs of
// its last character.
func drift(line []charEnd, items []jsItem) lineDrift {
	var d lineDrift
	at := 0
	for _, it := range items {
		d.items++
		var want []rune
		for _, r := range it.S {
			if compared(r) {
				want = append(want, r)
			}
		}
		k := indexFrom(line, want, at)
		if k < 0 {
			d.unmatched++
			continue
		}
		at = k + len(want)
		if off := math.Abs(it.X + it.W - line[at-1].end); off > d.worst {
			d.worst, d.at = off, it.S
		}
	}
	return d
}

// indexFrom returns where want next occurs in line from position from,
// or -1.
func indexFrom(line []charEnd, want []rune, from int) int {
	for k := from; k+len(want) <= len(line); k++ {
		match := true
		for i, r := range want {
			if line[k+i].r != r {
				match = false
				break
			}
		}
		if match {
			return k
		}
	}
	return -1
}

// centile returns the value at share q of sorted values, 0 for none.
func centile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(q*float64(len(sorted)-1))]
}

func sortedKeys[K float64 | string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
