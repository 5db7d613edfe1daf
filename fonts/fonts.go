// Package fonts embeds the typefaces that briefs sets text in, and says which
// face serves which script.
//
// The files are Noto Sans, Noto Sans Khmer, Noto Sans Myanmar and Noto Sans
// Thai, Regular and Bold, unmodified from Debian's fonts-noto-core, under the
// SIL Open Font License 1.1 (OFL.txt beside this file). Embedding them makes a
// machine with no fonts installed build byte-identical PDFs.
package fonts

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
)

//go:embed *.ttf
var files embed.FS

// Style is the weight of a face. Noto's Khmer, Myanmar and Thai families have
// no italic, so emphasis is not a style here (see layout).
type Style uint8

const (
	Regular Style = iota
	Bold
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

// Set is every embedded face, parsed once. It is read-only after Load and
// safe to share between goroutines for lookups; go-text faces are not safe
// for concurrent shaping, so each builder should Load its own Set or guard it.
type Set struct {
	faces map[string]*Face
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
	stems := []string{"NotoSans"}
	for _, stem := range family {
		stems = append(stems, stem)
	}
	for _, stem := range stems {
		for _, st := range []Style{Regular, Bold} {
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

// For returns the face that serves script in the given style.
func (s *Set) For(script language.Script, style Style) *Face {
	stem, ok := family[script]
	if !ok {
		stem = "NotoSans"
	}
	return s.faces[stem+suffix(style)]
}

// Latin returns the Noto Sans face, the fallback for every script.
func (s *Set) Latin(style Style) *Face { return s.faces["NotoSans"+suffix(style)] }

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
	if st == Bold {
		return "-Bold"
	}
	return "-Regular"
}

// Clone returns a Set that shares the parsed font programs but has faces
// of its own. go-text faces keep glyph caches that are not safe for
// concurrent use, so each goroutine that shapes text uses its own clone;
// the fonts themselves are parsed once.
func (s *Set) Clone() *Set {
	c := &Set{faces: make(map[string]*Face, len(s.faces))}
	for name, f := range s.faces {
		nf := *f
		nf.Font = font.NewFace(f.Font.Font)
		c.faces[name] = &nf
	}
	return c
}
