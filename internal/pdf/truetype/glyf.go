package truetype

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// Composite glyph flags (OpenType 'glyf', "Composite Glyph Description").
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components returns the glyph IDs a composite glyph refers to; simple and
// empty glyphs have none. It checks every record against the glyph's bounds
// so that a damaged font yields an error, not a panic.
func (f *Font) components(gid int) ([]int, error) {
	g := f.glyph(gid)
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil, nil // empty or simple glyph
	}
	var out []int
	p := 10 // past numberOfContours and the bounding box
	for {
		if p+4 > len(g) {
			return nil, fmt.Errorf("glyph %d: composite record truncated", gid)
		}
		flags := binary.BigEndian.Uint16(g[p:])
		c := int(binary.BigEndian.Uint16(g[p+2:]))
		if c >= f.NumGlyphs {
			return nil, fmt.Errorf("glyph %d: component %d out of range", gid, c)
		}
		out = append(out, c)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return out, nil
		}
	}
}

// closure returns gids plus glyph 0 (.notdef, which every TrueType font
// must keep) and every component reachable from them through composite
// glyphs, sorted. Unknown IDs are an error.
func (f *Font) closure(gids []uint16) ([]int, error) {
	seen := map[int]bool{0: true}
	todo := []int{0}
	for _, g := range gids {
		if int(g) >= f.NumGlyphs {
			return nil, fmt.Errorf("glyph %d out of range (font has %d glyphs)", g, f.NumGlyphs)
		}
		if !seen[int(g)] {
			seen[int(g)] = true
			todo = append(todo, int(g))
		}
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		comps, err := f.components(g)
		if err != nil {
			return nil, err
		}
		for _, c := range comps {
			if !seen[c] {
				seen[c] = true
				todo = append(todo, c)
			}
		}
	}
	out := make([]int, 0, len(seen))
	for g := range seen {
		out = append(out, g)
	}
	sort.Ints(out)
	return out, nil
}
