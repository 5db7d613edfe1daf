// Package fonts embeds the typefaces that briefs sets text in, and says which
// face serves which script.
//
// The files are Noto Sans (Regular, Bold, Italic, Bold Italic), Noto Sans
// Khmer, Noto Sans Lao, Noto Sans Myanmar (which also serves Shan and Mon),
// Noto Sans Thai, Noto Serif Thai and Noto Serif Lao (Regular and
// Bold), unmodified from Debian's fonts-noto-core, under the SIL Open Font
// License 1.1 (OFL.txt beside this file). Embedding them makes a machine
// with no fonts installed build byte-identical PDFs.
package fonts

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-text/typesetting/font"
	opentype "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
)

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
	// headers finds each glyph's ink box in Data: Font holds no
	// outlines (outlineless).
	headers glyphHeaders
}

// Ink returns the ink extents of glyph gid above and below the baseline,
// in em (bottom is negative below it): yMax and yMin of its glyf header,
// what go-text's GlyphExtents gives for a static TrueType face (the fonts
// tests hold the two equal for every glyph of every embedded face). A glyph
// with no outline has none: 0, 0.
func (f *Face) Ink(gid uint16) (top, bottom float64) {
	yMin, yMax, ok := f.headers.inkBox(gid)
	if !ok {
		return 0, 0
	}
	return float64(yMax) / f.Upem, float64(yMin) / f.Upem
}

// Family names the file stem for each script; anything else is set in Noto
// Sans, which covers Latin, Vietnamese, digits and common punctuation.
var family = map[language.Script]string{
	language.Khmer:   "NotoSansKhmer",
	language.Lao:     "NotoSansLao",
	language.Myanmar: "NotoSansMyanmar",
	language.Thai:    "NotoSansThai",
}

// italics lists the families that have italic faces.
var italics = map[string]bool{"NotoSans": true}

// LoopedThai is the family formal Thai body text is set in: Thai
// typesetters keep the loopless Noto Sans Thai for headings and display.
// It is Noto Serif Thai, whose letters are looped, and not Noto Looped
// Thai: version 1.00 of that face (the one Debian 12 ships) lowers a tone
// mark onto the upper vowel under it, so that ที่ and ขึ้น read as ที and
// ขึน, in HarfBuzz's hb-view as in any PDF (TestThaiToneMarksClearUpperVowels).
const LoopedThai = "NotoSerifThai"

// Retired maps the families briefs no longer embeds to the ones that
// take their place, so that a briefs.toml naming one still builds: Noto
// Looped Thai and Lao gave way to Noto Serif Thai and Lao (LoopedThai,
// LoopedLao).
var Retired = map[string]string{"NotoLoopedThai": LoopedThai, "NotoLoopedLao": LoopedLao}

// LoopedLao is the family formal Lao body text is set in, as LoopedThai
// is for Thai, and for the same reason Noto Serif Lao: Noto Looped Lao
// 1.00 too lowers a tone mark onto the upper vowel (ທີ່ read as ທີ).
// Layout picks a body family from the language table
// (lang.Language.BodyFamily); complete checks these are embedded.
const LoopedLao = "NotoSerifLao"

// looped maps a script to its looped family, the second face embedded
// for it (formal Thai and Lao body text).
var looped = map[language.Script]string{language.Thai: LoopedThai, language.Lao: LoopedLao}

// Families lists the embedded families that can set a script: its own
// face first, then its looped face where there is one. A script without a
// face of its own is set in Noto Sans. A project chooses among these in
// briefs.toml (body_face, heading_face).
func Families(script language.Script) []string {
	stem, ok := family[script]
	if !ok {
		return []string{"NotoSans"}
	}
	if l, ok := looped[script]; ok {
		return []string{stem, l}
	}
	return []string{stem}
}

// Set serves the embedded faces. A face's font file is parsed the first
// time a run asks for it, once per process, so an English PDF never parses
// the Khmer faces (issue 17). A Set is safe for concurrent lookups; go-text
// faces are not safe for concurrent shaping, so each goroutine that shapes
// uses its own Clone, which shares the parsed font programs.
type Set struct {
	lib   *library   // the font files and their parsed programs, shared by clones
	cache *faceCache // this set's faces, shared with its WithFamily views
	// families overrides the family of some scripts (WithFamily).
	families map[language.Script]string
}

// faceCache holds the faces of one Set, made on first use.
type faceCache struct {
	mu    sync.Mutex
	faces map[string]*Face
}

// library knows every embedded font file (embedded.go), and parses each
// at most once, when first asked for. Each file has a lock of its own, so
// that two files parse at once on two cores (Warm).
type library struct {
	files  map[string]*parse // by face name: "NotoSansKhmer-Bold"; read-only after Load
	parsed atomic.Int32      // files parsed so far
}

// parse is one file's parsed program, made once: face without its
// go-text face (Font is nil), and the font that each Set's face of it
// wraps with caches of its own (get).
type parse struct {
	once sync.Once
	face *Face
	font *font.Font
	err  error
}

// WithFamily returns a view of the set that serves script from another
// embedded family, e.g. Thai body text from LoopedThai. The faces are
// shared, not copied.
func (s *Set) WithFamily(script language.Script, stem string) *Set {
	v := &Set{lib: s.lib, cache: s.cache, families: map[language.Script]string{}}
	for k, f := range s.families {
		v.families[k] = f
	}
	v.families[script] = stem
	return v
}

// Load lists the embedded faces and checks that every face For and Latin
// can return is there; it parses none of them.
func Load() (*Set, error) {
	lib := &library{files: map[string]*parse{}}
	for name := range embedded {
		lib.files[name] = &parse{}
	}
	s := &Set{lib: lib, cache: newFaceCache()}
	if err := s.complete(); err != nil {
		return nil, err
	}
	return s, nil
}

// complete checks that every face For and Latin can return is there, so
// that a missing font file is a clear error at load time rather than a
// nil face deep in layout.
func (s *Set) complete() error {
	stems := []string{"NotoSans", LoopedThai, LoopedLao}
	for _, stem := range family {
		stems = append(stems, stem)
	}
	for _, stem := range Symbols {
		if _, ok := s.lib.files[stem+suffix(Regular)]; !ok {
			return fmt.Errorf("load fonts: %s%s.ttf is missing from fonts/ (make it with make symbol-fonts, fonts/OFL.txt)", stem, suffix(Regular))
		}
	}
	for _, stem := range stems {
		styles := []Style{Regular, Bold}
		if italics[stem] {
			styles = append(styles, Italic, BoldItalic)
		}
		for _, st := range styles {
			if _, ok := s.lib.files[stem+suffix(st)]; !ok {
				return fmt.Errorf("load fonts: %s%s.ttf is missing from fonts/ (restore it from Debian's fonts-noto-core)", stem, suffix(st))
			}
		}
	}
	return nil
}

// program returns the parsed program of a file, parsing it on first use.
func (l *library) program(name string) (*parse, error) {
	p, ok := l.files[name]
	if !ok {
		return nil, fmt.Errorf("load fonts: no face %s", name)
	}
	p.once.Do(func() {
		p.face, p.font, p.err = parseProgram(name+".ttf", embedded[name])
		l.parsed.Add(1)
	})
	return p, p.err
}

// Warm parses the regular and bold programs of the given families (file
// stems) and of Noto Sans, the Latin fallback, that are not parsed yet,
// in the calling goroutine: a caller that knows which language it will
// set runs it beside other work, so that the parsing, most of a short
// PDF's fixed cost, takes another core's time. An unknown stem is left
// for the face lookups to report.
func (s *Set) Warm(stems ...string) {
	for _, stem := range append(stems, "NotoSans") {
		for _, st := range []Style{Regular, Bold} {
			_, _ = s.lib.program(stem + suffix(st)) // an error is the lookups' to report
		}
	}
}

// Family is the embedded family that serves script by default.
func Family(script language.Script) string {
	if stem, ok := family[script]; ok {
		return stem
	}
	return "NotoSans"
}

// get returns this set's face of a name, made on first use from the
// shared parsed program; nil when the face cannot be parsed (the embedded
// files are checked by the tests, so this does not happen in a release).
func (s *Set) get(name string) *Face {
	c := s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.faces[name]; ok {
		return f
	}
	p, err := s.lib.program(name)
	if err != nil {
		return nil
	}
	f := *p.face
	f.Font = font.NewFace(p.font)
	c.faces[name] = &f
	return &f
}

func newFaceCache() *faceCache { return &faceCache{faces: map[string]*Face{}} }

// Parse parses one TrueType file into a Face, without its outlines
// (outlineless): the PDF writer's subsetter reads them from Data.
func Parse(name string, data []byte) (*Face, error) {
	f, ft, err := parseProgram(name, data)
	if err != nil {
		return nil, err
	}
	f.Font = font.NewFace(ft)
	return f, nil
}

// parseProgram parses a font file in place: the Face it returns has no
// go-text face yet (Font is nil), only the font that one wraps. A go-text
// face holds caches sized by the glyph count (a quarter of a megabyte for
// Noto Sans), which each Set makes for itself (get), so the library makes
// none.
func parseProgram(name string, data []byte) (*Face, *font.Font, error) {
	view, err := newOutlineless(data)
	if err != nil {
		return nil, nil, fmt.Errorf("parse font %s: %w", name, err)
	}
	headers, err := newGlyphHeaders(data)
	if err != nil {
		return nil, nil, fmt.Errorf("parse font %s: %w", name, err)
	}
	ld, err := opentype.NewLoader(view)
	if err != nil {
		return nil, nil, fmt.Errorf("parse font %s: %w", name, err)
	}
	ft, err := font.NewFont(ld)
	if err != nil {
		return nil, nil, fmt.Errorf("parse font %s: %w", name, err)
	}
	upem := float64(ft.Upem())
	// FontHExtents reads hhea and OS/2 through the font alone, not the
	// face's caches, so a bare face serves for it.
	ext, _ := (&font.Face{Font: ft}).FontHExtents()
	stem := name
	if i := bytes.LastIndexByte([]byte(name), '.'); i > 0 {
		stem = name[:i]
	}
	return &Face{
		Name:      stem,
		Data:      data,
		Upem:      upem,
		Ascender:  float64(ext.Ascender) / upem,
		Descender: float64(ext.Descender) / upem,
		headers:   headers,
	}, ft, nil
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

// blockScripts maps the Unicode blocks of the scripts with faces of their
// own to those scripts (Unicode 16.0, Blocks.txt): a character of the
// block that its script's run did not lead to, such as the baht sign
// U+0E3F (script Common) after Latin text, is in that script's face if
// in any. Covering parses no other face for it.
var blockScripts = []struct {
	lo, hi rune
	script language.Script
}{
	{0x0E00, 0x0E7F, language.Thai},
	{0x0E80, 0x0EFF, language.Lao},
	{0x1000, 0x109F, language.Myanmar},
	{0x1780, 0x17FF, language.Khmer},
	{0x19E0, 0x19FF, language.Khmer}, // Khmer Symbols
	{0xA9E0, 0xA9FF, language.Myanmar},
	{0xAA60, 0xAA7F, language.Myanmar},
}

// Symbols are the embedded symbol families, the last faces Covering
// tries, in order: mathematical operators and arrows (≥ ≤ ≠ ≈ → √ ∞ −),
// then letterlike forms, enclosed numbers and miscellaneous symbols
// (① ♀ ♂), then dingbats and other symbols (✓ ✗ ★ ⚠), which briefs'
// statistics and lists use and Noto Sans lacks. Each is a subset of its
// Noto family, in Regular only (fonts/OFL.txt): bold or italic text sets
// these characters upright and regular, as browsers do.
var Symbols = []string{"NotoSansMath", "NotoSansSymbols", "NotoSansSymbols2"}

// Covering returns the face that has a glyph for r, a character Noto
// Sans lacks and that the text around it does not lead to, or nil: the
// face of the script whose Unicode block holds r (blockScripts; in this
// set's choice of family and in the style), or else the first symbol
// family that has it (Symbols), so that ≥ in an English sentence parses
// no Thai or Khmer face to find it.
func (s *Set) Covering(r rune, style Style) *Face {
	for _, b := range blockScripts {
		if r >= b.lo && r <= b.hi {
			if f := s.For(b.script, style); f != nil && f.Has(r) {
				return f
			}
			return nil
		}
	}
	for _, stem := range Symbols {
		if f := s.face(stem, Regular); f != nil && f.Has(r) {
			return f
		}
	}
	return nil
}

// Latin returns the Noto Sans face, the fallback for every script.
func (s *Set) Latin(style Style) *Face { return s.face("NotoSans", style) }

func (s *Set) face(stem string, style Style) *Face {
	if !italics[stem] {
		style &^= Italic
	}
	return s.get(stem + suffix(style))
}

// Italic reports whether the face is an italic.
func (f *Face) Italic() bool { return strings.HasSuffix(f.Name, "Italic") }

// Faces returns every face, ordered by name, parsing those not parsed yet.
func (s *Set) Faces() []*Face {
	out := make([]*Face, 0, len(s.lib.files))
	for _, n := range sortedKeys(s.lib.files) {
		if f := s.get(n); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// Parsed counts the font files parsed so far in this process's library.
func (s *Set) Parsed() int {
	return int(s.lib.parsed.Load())
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

// Clone returns a Set that shares the parsed font programs but makes faces
// of its own. go-text faces keep glyph caches that are not safe for
// concurrent use, so each goroutine that shapes text uses its own clone;
// each font file is still parsed once.
func (s *Set) Clone() *Set {
	return &Set{lib: s.lib, cache: newFaceCache(), families: s.families}
}
