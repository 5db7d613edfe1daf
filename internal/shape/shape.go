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
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
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

// Shaper shapes runs. It holds HarfBuzz's per-shaper caches and its own
// cache of results, so it is not safe for concurrent use: give each
// goroutine its own.
type Shaper struct {
	hb shaping.HarfbuzzShaper
	// done remembers shaped runs. Briefs repeat text across editions and
	// pages (footers, contacts, the English of four editions), and a
	// build worker reuses its shaper for every PDF it typesets.
	done map[runKey][]Glyph
}

// runKey identifies a shaping result: the same text in the same face,
// script and language always shapes the same.
type runKey struct {
	face   *font.Face
	script language.Script
	lang   language.Language
	text   string
}

// Shape shapes the run s[run.Start:run.End], with the script and language
// of the run set explicitly: without a script, Khmer comes out unshaped
// (DESIGN.md fact 2). Invisible runs return no glyphs.
func (sh *Shaper) Shape(s string, run text.Run) []Glyph {
	glyphs := sh.Shaped(s, run)
	return rebase(glyphs, run.Start)
}

// Shaped is Shape without the copy: the glyphs it returns, which the
// caller must not change, have clusters counted from run.Start, not from
// the start of s. A paragraph's setter copies them into its own glyphs
// anyway, so a second copy per run was a tenth of its allocations.
func (sh *Shaper) Shaped(s string, run text.Run) []Glyph {
	if run.Start >= run.End {
		return nil
	}
	seg := s[run.Start:run.End]
	key := runKey{run.Face.Font, run.Script, run.Lang, seg}
	if g, ok := sh.done[key]; ok {
		return g
	}
	glyphs := sh.shape(seg, run)
	if sh.done == nil {
		sh.done = map[runKey][]Glyph{}
	}
	sh.done[key] = glyphs
	return glyphs
}

// rebase copies glyphs with clusters moved from the run's start to off.
func rebase(gs []Glyph, off int) []Glyph {
	out := make([]Glyph, len(gs))
	for i, g := range gs {
		g.Cluster += off
		out[i] = g
	}
	return out
}

// shape runs HarfBuzz on seg; clusters are byte offsets into seg.
func (sh *Shaper) shape(seg string, run text.Run) []Glyph {
	runes := []rune(seg)
	// byteAt maps a rune index of seg to a byte offset of s.
	byteAt := make([]int, len(runes)+1)
	off := 0
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
		top, bottom := face.Ink(uint16(g.GlyphID))
		yoff := float64(g.YOffset) * scale
		glyphs[i] = Glyph{
			Top:     top + yoff,
			Bottom:  bottom + yoff,
			ID:      uint16(g.GlyphID),
			Advance: float64(g.Advance) * scale,
			XOffset: float64(g.XOffset) * scale,
			YOffset: yoff,
			Cluster: byteAt[g.TextIndex()],
		}
	}
	return glyphs
}
