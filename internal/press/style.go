package press

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/settings"
)

// Style is how a project's PDFs look, from its briefs.toml: the page, the
// accent colour, the faces and body size of some languages, the languages
// that print their own digits, and the masthead logo. The zero Style is
// the house style.
type Style struct {
	Page   layout.Page // zero: the house A4 page
	Accent *pages.Color
	Langs  map[string]layout.LangStyle
	// NativeDigits lists the languages that print their own digits in
	// every edition.
	NativeDigits map[string]bool
	Logo         *manuscript.Image
}

// StyleOf turns a project's settings into a Style, reading the logo under
// root. Load has checked the settings; an error here is a logo that went
// away since.
func StyleOf(s settings.Settings, root string) (Style, error) {
	st := Style{Page: layout.Page{Width: s.Page.Width, Height: s.Page.Height,
		Top: s.Margins.Top, Right: s.Margins.Right, Bottom: s.Margins.Bottom, Left: s.Margins.Left}}
	if s.Accent != nil {
		st.Accent = &pages.Color{R: float64(s.Accent.R) / 255, G: float64(s.Accent.G) / 255, B: float64(s.Accent.B) / 255}
	}
	for code, l := range s.Langs {
		if l.BodyFace != "" || l.HeadingFace != "" || l.BodySize != 0 {
			if st.Langs == nil {
				st.Langs = map[string]layout.LangStyle{}
			}
			st.Langs[code] = layout.LangStyle{BodyFace: l.BodyFace, HeadingFace: l.HeadingFace, BodySize: l.BodySize}
		}
		if l.NativeDigits {
			if st.NativeDigits == nil {
				st.NativeDigits = map[string]bool{}
			}
			st.NativeDigits[code] = true
		}
	}
	if s.Logo != "" {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(s.Logo)))
		if err != nil {
			return st, fmt.Errorf("read logo: %w", err)
		}
		st.Logo = &manuscript.Image{Data: data, Format: imageFormat(data), Alt: s.Organisation}
	}
	return st, nil
}

// imageFormat tells PNG from JPEG by the file's signature (PNG
// specification, 5.2; JPEG starts with SOI, FF D8).
func imageFormat(data []byte) string {
	if len(data) >= 2 && data[0] == 0xFF && data[1] == 0xD8 {
		return "jpeg"
	}
	return "png"
}

// Apply sets the style on a layout engine.
func (s Style) Apply(e *layout.Engine) {
	if s.Page != (layout.Page{}) {
		e.Page = s.Page
	}
	e.Accent, e.Langs = s.Accent, s.Langs
}

// Digest identifies the style for the build cache: a PDF built in another
// style is built again.
func (s Style) Digest() string {
	h := sha256.New()
	fmt.Fprintf(h, "%v\x00%v\x00", s.Page, s.Accent != nil)
	if s.Accent != nil {
		fmt.Fprintf(h, "%v\x00", *s.Accent)
	}
	for _, code := range slices.Sorted(maps.Keys(s.Langs)) {
		fmt.Fprintf(h, "%s=%+v\x00", code, s.Langs[code])
	}
	for _, code := range slices.Sorted(maps.Keys(s.NativeDigits)) {
		fmt.Fprintf(h, "digits %s\x00", code)
	}
	if s.Logo != nil {
		fmt.Fprintf(h, "logo %x %s\x00", sha256.Sum256(s.Logo.Data), s.Logo.Alt)
	}
	return hex.EncodeToString(h.Sum(nil))
}
