package main

import (
	"encoding/xml"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	langtable "github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/testkit"
	"github.com/mekong-briefs/briefs/internal/text"
)

// A glyph exactness check with two independent instruments: MuPDF reads
// the glyph IDs and positions that a PDF draws (mutool trace), HarfBuzz
// says what they must be (hb-shape). Neither shares code with briefs, so
// a bug in our shaper, our PDF writer or its CIDToGIDMap shows as a
// difference here.

// drawnGlyph is a glyph as a PDF viewer draws it: glyph ID and origin on
// the page, in points.
type drawnGlyph struct {
	font string // face name without the subset tag
	size float64
	gid  int
	x, y float64
}

// traceGlyphs runs mutool trace on page 1 of a PDF and returns every
// glyph drawn on it, in content order.
func traceGlyphs(t *testing.T, pdf string) []drawnGlyph {
	t.Helper()
	mutool := testkit.Tool(t, "mutool", "mupdf-tools")
	out, err := exec.Command(mutool, "trace", pdf, "1").Output()
	if err != nil {
		t.Fatalf("mutool trace %s: %v", pdf, err)
	}
	var glyphs []drawnGlyph
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	font, size := "", 0.0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(name string) string {
			for _, a := range se.Attr {
				if a.Name.Local == name {
					return a.Value
				}
			}
			return ""
		}
		switch se.Name.Local {
		case "span":
			font = attr("font")
			if i := strings.IndexByte(font, '+'); i >= 0 {
				font = font[i+1:]
			}
			if trm := strings.Fields(attr("trm")); len(trm) > 0 {
				size, _ = strconv.ParseFloat(trm[0], 64)
			}
		case "g":
			if attr("glyph") == "" {
				// MuPDF lists each further character a glyph's ToUnicode
				// entry carries as a <g> of its own, without a glyph.
				continue
			}
			gid, _ := strconv.Atoi(attr("glyph"))
			x, _ := strconv.ParseFloat(attr("x"), 64)
			y, _ := strconv.ParseFloat(attr("y"), 64)
			glyphs = append(glyphs, drawnGlyph{font, size, gid, x, y})
		}
	}
	return glyphs
}

var hbGlyph = regexp.MustCompile(`^(\d+)=\d+(?:@(-?\d+),(-?\d+))?\+(-?\d+)$`)

// expectedGlyphs shapes a line as the layout would itemise it, each run
// with hb-shape and the run's font file, and places the glyphs from the
// origin at size points. Layout itemises (internal/text); HarfBuzz shapes.
func expectedGlyphs(t *testing.T, set *fonts.Set, lang, line string, size float64) []drawnGlyph {
	t.Helper()
	hb := testkit.Tool(t, "hb-shape", "libharfbuzz-bin")
	line = text.NFC(line)
	var out []drawnGlyph
	x := 0.0
	for _, row := range langtable.Table {
		// Body text, as proof sets it: Thai and Lao in their looped faces.
		if row.BodyFamily != "" {
			set = set.WithFamily(row.Script, row.BodyFamily)
		}
	}
	for _, r := range text.Itemize(line, 0, len(line), lang, fonts.Regular, set) {
		file := filepath.Join(repoRoot, "fonts", r.Face.Name+".ttf")
		res, err := exec.Command(hb, "--no-glyph-names", "--language="+lang, file, line[r.Start:r.End]).Output()
		if err != nil {
			t.Fatalf("hb-shape %q: %v", line[r.Start:r.End], err)
		}
		scale := size / r.Face.Upem
		y := 0.0
		for _, g := range strings.Split(strings.Trim(strings.TrimSpace(string(res)), "[]"), "|") {
			m := hbGlyph.FindStringSubmatch(g)
			if m == nil {
				t.Fatalf("hb-shape output %q not understood", g)
			}
			gid, _ := strconv.Atoi(m[1])
			dx, _ := strconv.Atoi(m[2])
			dy, _ := strconv.Atoi(m[3])
			adv, _ := strconv.Atoi(m[4])
			out = append(out, drawnGlyph{r.Face.Name, size, gid, x + float64(dx)*scale, y + float64(dy)*scale})
			x += float64(adv) * scale
		}
	}
	return out
}

// placeLike moves glyphs set at the origin to where a drawn line starts:
// its leftmost glyph and its baseline (the y most glyphs share).
func placeLike(want, got []drawnGlyph) {
	gx, gy := baseline(got)
	wx, wy := baseline(want)
	for i := range want {
		want[i].x += gx - wx
		want[i].y += gy - wy
	}
}

// compareGlyphs reports the first difference between two glyph lists,
// each sorted by position, so that the order in which a writer draws a
// cluster's glyphs (logical order for text extraction) does not matter.
// Positions agree to 0.01 pt.
func compareGlyphs(got, want []drawnGlyph) error {
	sortGlyphs(got)
	sortGlyphs(want)
	if len(got) != len(want) {
		return fmt.Errorf("%d glyphs drawn, HarfBuzz gives %d:\n got %v\nwant %v", len(got), len(want), got, want)
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.font != w.font || g.gid != w.gid || g.size != w.size || math.Abs(g.x-w.x) > 0.01 || math.Abs(g.y-w.y) > 0.01 {
			return fmt.Errorf("glyph %d: drawn %+v, HarfBuzz gives %+v", i, g, w)
		}
	}
	return nil
}

func sortGlyphs(gs []drawnGlyph) {
	sort.SliceStable(gs, func(i, j int) bool {
		a, b := gs[i], gs[j]
		if math.Abs(a.x-b.x) > 0.005 {
			return a.x < b.x
		}
		if a.gid != b.gid {
			return a.gid < b.gid
		}
		return a.y < b.y
	})
}

// lines groups drawn glyphs into lines by baseline, top to bottom, leaving
// out glyphs whose y is below minY (the page footer).
func lines(gs []drawnGlyph, minY float64) [][]drawnGlyph {
	byLine := map[float64][]drawnGlyph{}
	var ys []float64
	for _, g := range gs {
		if g.y < minY {
			continue
		}
		found := false
		for _, y := range ys {
			// marks sit above or below their base: within a few points
			// they belong to the same line.
			if math.Abs(g.y-y) < 4 {
				byLine[y] = append(byLine[y], g)
				found = true
				break
			}
		}
		if !found {
			ys = append(ys, g.y)
			byLine[g.y] = []drawnGlyph{g}
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ys)))
	out := make([][]drawnGlyph, len(ys))
	for i, y := range ys {
		out[i] = byLine[y]
	}
	return out
}

// baseline returns the origin of a line: the x of its leftmost glyph and
// the most common y (the baseline; marks with offsets differ).
func baseline(line []drawnGlyph) (x, y float64) {
	x = math.Inf(1)
	count := map[float64]int{}
	for _, g := range line {
		x = math.Min(x, g.x)
		count[math.Round(g.y*1000)/1000]++
	}
	best := 0
	for v, n := range count {
		if n > best || (n == best && v > y) {
			y, best = v, n
		}
	}
	return x, y
}
