package press

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"

	"github.com/mekong-briefs/briefs/internal/layout"
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
}

// StyleOf turns a project's settings into a Style. Load has checked the
// settings. The logo is not part of the style: content reads it for the
// masthead, and the cache keys it as a project file.
func StyleOf(s settings.Settings) Style {
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
	return st
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
	return hex.EncodeToString(h.Sum(nil))
}
