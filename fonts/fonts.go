// Package fonts embeds the typefaces that briefs sets text in, and says which
// face serves which script.
//
// The files are Noto Sans (Regular, Bold, Italic, Bold Italic), Noto Sans
// Khmer, Noto Sans Myanmar, Noto Sans Thai and Noto Looped Thai (Regular and
// Bold), unmodified from Debian's fonts-noto-core, under the SIL Open Font
// License 1.1 (OFL.txt beside this file). Embedding them makes a machine
// with no fonts installed build byte-identical PDFs.
package fonts

import (
	"bytes"
	"embed"
	"fmt"
	"strings"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
)

//go:embed *.ttf
var files embed.FS

// Style is the weight and slant of a face: a set of bits. Noto's Khmer,
// Myanmar and Thai families have no italic: asked for one, they give the
// upright face of the weight, and layout marks the emphasis another way.
type Style uint8

const (
	Regular    Style = 0
	Bold       Style = 1
	Italic     Style = 2
	BoldItalic Style = Bold | Italic
)

// Face is one parsed font file.
type Face struct {
	// Name is the PostScript name, e.g. "NotoSansKhmer-Bold".
	Name string
	// Data is the complete TrueType file, for the PDF writer's subsetter.
	Data []byte
	// Font is the go-text face used for shaping and metrics.
	Font *font.Face
	// Upem is the number of font units per em.
	Upem float64
	// Ascender and Descender are hhea's extents in em (Descender < 0).
	Ascender, Descender float64
}

// Family names the file stem for each script; anything else is set in Noto
// Sans, which covers Latin, Vietnamese, digits and common punctuation.
var family = map[language.Script]string{
	language.Khmer:   "NotoSansKhmer",
	language.Myanmar: "NotoSansMyanmar",
	language.Thai:    "NotoSansThai",
}

// italics lists the families that have italic faces.
var italics = map[string]bool{"NotoSans": true}

// LoopedThai is the family formal Thai body text is set in: Thai
// typesetters keep the loopless Noto Sans Thai for headings and display.
const LoopedThai = "NotoLoopedThai"

// Set is every embedded face, parsed once. It is read-only after Load and
// safe to share between goroutines for lookups; go-text faces are not safe
// for concurrent shaping, so each builder should Load its own Set or guard it.
type Set struct {
	faces map[string]*Face
	// families overrides the family of some scripts (WithFamily).
	families map[language.Script]string
}

// WithFamily returns a view of the set that serves script from another
// embedded family, e.g. Thai body text from LoopedThai. The faces are
// shared, not copied.
func (s *Set) WithFamily(script language.Script, stem string) *Set {
	v := &Set{faces: s.faces, families: map[language.Script]string{}}
	for k, f := range s.families {
		v.families[k] = f
	}
	v.families[script] = stem
	return v
}

// Load parses every embedded face.
func Load() (*Set, error) {
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	s := &Set{faces: map[string]*Face{}}
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err != nil {
			return nil, fmt.Errorf("load fonts: %w", err)
		}
		f, err := Parse(e.Name(), data)
		if err != nil {
			return nil, err
		}
		s.faces[f.Name] = f
	}
	if err := s.complete(); err != nil {
		return nil, err
	}
	return s, nil
}

// complete checks that every face For and Latin can return is there, so
// that a missing font file is a clear error at load time rather than a
// nil face deep in layout.
func (s *Set) complete() error {
	stems := []string{"NotoSans", LoopedThai}
	for _, stem := range family {
		stems = append(stems, stem)
	}
	for _, stem := range stems {
		styles := []Style{Regular, Bold}
		if italics[stem] {
			styles = append(styles, Italic, BoldItalic)
		}
		for _, st := range styles {
			if _, ok := s.faces[stem+suffix(st)]; !ok {
				return fmt.Errorf("load fonts: %s%s.ttf is missing from fonts/ (restore it from Debian's fonts-noto-core)", stem, suffix(st))
			}
		}
	}
	return nil
}

// Parse parses one TrueType file into a Face.
func Parse(name string, data []byte) (*Face, error) {
	ff, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse font %s: %w", name, err)
	}
	upem := float64(ff.Upem())
	ext, _ := ff.FontHExtents()
	stem := name
	if i := bytes.LastIndexByte([]byte(name), '.'); i > 0 {
		stem = name[:i]
	}
	return &Face{
		Name:      stem,
		Data:      data,
		Font:      ff,
		Upem:      upem,
		Ascender:  float64(ext.Ascender) / upem,
		Descender: float64(ext.Descender) / upem,
	}, nil
}

// For returns the face that serves script in the given style; a family
// with no italic gives its upright face.
func (s *Set) For(script language.Script, style Style) *Face {
	stem, ok := s.families[script]
	if !ok {
		stem, ok = family[script]
	}
	if !ok {
		stem = "NotoSans"
	}
	return s.face(stem, style)
}

// Latin returns the Noto Sans face, the fallback for every script.
func (s *Set) Latin(style Style) *Face { return s.face("NotoSans", style) }

func (s *Set) face(stem string, style Style) *Face {
	if !italics[stem] {
		style &^= Italic
	}
	return s.faces[stem+suffix(style)]
}

// Italic reports whether the face is an italic.
func (f *Face) Italic() bool { return strings.HasSuffix(f.Name, "Italic") }

// Faces returns every face, ordered by name.
func (s *Set) Faces() []*Face {
	out := make([]*Face, 0, len(s.faces))
	for _, n := range sortedKeys(s.faces) {
		out = append(out, s.faces[n])
	}
	return out
}

// Has reports whether the face has a glyph for r in its cmap.
func (f *Face) Has(r rune) bool {
	_, ok := f.Font.NominalGlyph(r)
	return ok
}

func suffix(st Style) string {
	switch st {
	case Bold:
		return "-Bold"
	case Italic:
		return "-Italic"
	case BoldItalic:
		return "-BoldItalic"
	}
	return "-Regular"
}

// Clone returns a Set that shares the parsed font programs but has faces
// of its own. go-text faces keep glyph caches that are not safe for
// concurrent use, so each goroutine that shapes text uses its own clone;
// the fonts themselves are parsed once.
func (s *Set) Clone() *Set {
	c := &Set{faces: make(map[string]*Face, len(s.faces)), families: s.families}
	for name, f := range s.faces {
		nf := *f
		nf.Font = font.NewFace(f.Font.Font)
		c.faces[name] = &nf
	}
	return c
}
