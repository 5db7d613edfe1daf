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

// weHaveInstructions marks the last component of a composite glyph that
// is followed by instructions.
const weHaveInstructions = 0x0100

// unhinted returns a glyph record without its TrueType instructions
// (OpenType 'glyf'): a simple glyph's instructionLength becomes 0, a
// composite's instructions and its WE_HAVE_INSTRUCTIONS flag go. The
// outline is unchanged. A record too short to parse is returned as is.
func unhinted(g []byte) []byte {
	if len(g) < 10 {
		return g
	}
	n := int(int16(binary.BigEndian.Uint16(g)))
	if n >= 0 {
		at := 10 + 2*n // instructionLength
		if at+2 > len(g) {
			return g
		}
		skip := int(binary.BigEndian.Uint16(g[at:]))
		if at+2+skip > len(g) {
			return g
		}
		end, ok := pointsEnd(g, n, at+2+skip)
		if !ok {
			return g
		}
		out := append([]byte(nil), g[:at]...)
		out = append(out, 0, 0)
		return append(out, g[at+2+skip:end]...)
	}
	out := append([]byte(nil), g...)
	p := 10
	for p+4 <= len(out) {
		flags := binary.BigEndian.Uint16(out[p:])
		binary.BigEndian.PutUint16(out[p:], flags&^weHaveInstructions)
		p += 4 + componentArgs(flags)
		if flags&moreComponents == 0 {
			return out[:min(p, len(out))]
		}
	}
	return g
}

// componentArgs is the size of a component record's arguments and
// transform, after its flags and glyph index.
func componentArgs(flags uint16) int {
	n := 2
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&haveScale != 0:
		n += 2
	case flags&haveXYScale != 0:
		n += 4
	case flags&haveTwoByTwo != 0:
		n += 8
	}
	return n
}

// pointsEnd returns where a simple glyph's flags and coordinates, which
// start at p, end: the record without the padding after it.
func pointsEnd(g []byte, contours, p int) (int, bool) {
	if contours == 0 {
		return p, true
	}
	points := int(binary.BigEndian.Uint16(g[10+2*(contours-1):])) + 1
	size := 0
	for i := 0; i < points; {
		if p >= len(g) {
			return 0, false
		}
		fl := g[p]
		p++
		repeat := 1
		if fl&0x08 != 0 { // REPEAT_FLAG
			if p >= len(g) {
				return 0, false
			}
			repeat += int(g[p])
			p++
		}
		size += repeat * (coordSize(fl, 0x02, 0x10) + coordSize(fl, 0x04, 0x20))
		i += repeat
	}
	if p+size > len(g) {
		return 0, false
	}
	return p + size, true
}

// coordSize is the size of one coordinate: 1 byte when short, none when
// the same as the previous one, else 2.
func coordSize(flags, short, same byte) int {
	switch {
	case flags&short != 0:
		return 1
	case flags&same != 0:
		return 0
	}
	return 2
}
