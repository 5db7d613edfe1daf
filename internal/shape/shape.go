// Package shape turns text runs into positioned glyphs with
// go-text/typesetting's port of HarfBuzz. It knows nothing of lines or
// widths: advances and offsets are returned in em, for layout to scale.
//
// Every run is shaped, Latin included: the Noto fonts carry no kern table,
// so kerning comes only from GPOS through shaping (DESIGN.md fact 2).
package shape

import (
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/mekong-briefs/briefs/internal/text"
)

// Glyph is one shaped glyph. Advance and offsets are in em; YOffset is
// positive upwards (OpenType convention). Cluster is the byte offset, in
// the paragraph text, of the first character of the glyph's cluster.
type Glyph struct {
	ID      uint16
	Advance float64
	XOffset float64
	YOffset float64
	Cluster int
	// Top and Bottom are the glyph's ink extents above and below the
	// baseline, in em, with its offset applied (Bottom is negative below).
	// Layout uses them to keep stacked marks of adjacent lines apart.
	Top, Bottom float64
}

// Shaper shapes runs. It holds HarfBuzz's per-shaper caches, so it is not
// safe for concurrent use: give each goroutine its own.
type Shaper struct {
	hb shaping.HarfbuzzShaper
}

// Shape shapes the run s[run.Start:run.End], with the script and language
// of the run set explicitly: without a script, Khmer comes out unshaped
// (DESIGN.md fact 2). Invisible runs return no glyphs.
func (sh *Shaper) Shape(s string, run text.Run) []Glyph {
	if run.Invisible() || run.Start >= run.End {
		return nil
	}
	seg := s[run.Start:run.End]
	runes := []rune(seg)
	// byteAt maps a rune index of seg to a byte offset of s.
	byteAt := make([]int, len(runes)+1)
	off := run.Start
	for i, r := range runes {
		byteAt[i] = off
		off += utf8.RuneLen(r)
	}
	byteAt[len(runes)] = off

	face := run.Face
	// Shape at size = upem, so outputs are exact font units: the shaper
	// rounds Size to an integer (DESIGN.md fact 2).
	out := sh.hb.Shape(shaping.Input{
		Text: runes, RunStart: 0, RunEnd: len(runes),
		Direction: di.DirectionLTR,
		Face:      face.Font,
		Size:      fixed.I(int(face.Upem)),
		Script:    run.Script,
		Language:  run.Lang,
	})
	scale := 1 / (64 * face.Upem)
	glyphs := make([]Glyph, len(out.Glyphs))
	for i, g := range out.Glyphs {
		ext, _ := face.Font.GlyphExtents(g.GlyphID)
		yoff := float64(g.YOffset) * scale
		glyphs[i] = Glyph{
			Top:     float64(ext.YBearing)/face.Upem + yoff,
			Bottom:  float64(ext.YBearing+ext.Height)/face.Upem + yoff,
			ID:      uint16(g.GlyphID),
			Advance: float64(g.Advance) * scale,
			XOffset: float64(g.XOffset) * scale,
			YOffset: yoff,
			Cluster: byteAt[g.ClusterIndex],
		}
	}
	return glyphs
}
