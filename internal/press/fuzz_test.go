package press

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/shape"
)

// FuzzTypeset runs arbitrary lines through the whole typesetting path, as
// `briefs proof --markup` does: evaluate, layout and PDF. Nothing may
// panic, and a document that lays out must also serialise, starting with
// a PDF header and ending with %%EOF, and an engine with a partner
// (layout.Engine.Partner) must set the same bytes.
func FuzzTypeset(f *testing.F) {
	for _, s := range []string{
		"ស្ត្រី **700** [ក](https://example.org)\nမြန်မာ *ILO*",
		"แรงงาน\u200bข้ามชาติ ๆ\n\tNgười lao động",
		"\u17d2\u17d2\u17d2 ់ ់\n\u0e33\u0e33 ျြ",
		// Enough lines (blocks) for a partner to set some (minRehearsed).
		"ស្ត្រី\nកម្មករ **700** នាក់\nតំបន់សេដ្ឋកិច្ចពិសេស\nការងារ\nប្រាក់ឈ្នួល *ILO*\nមេគង្គ\nច្បាប់ការងារ",
	} {
		f.Add(s, "km")
	}
	set, err := fonts.Load()
	if err != nil {
		f.Fatal(err)
	}
	br := linebreak.New()
	eng := &layout.Engine{Fonts: set, Shaper: &shape.Shaper{}, Breaker: br}
	// duo sets the same documents with a partner and a memo, as Build
	// does for a lone job: the bytes must not change.
	memo := &layout.Memo{}
	duo := &layout.Engine{Fonts: set.Clone(), Shaper: &shape.Shaper{}, Breaker: br, Memo: memo,
		Partner: &layout.Engine{Fonts: set.Clone(), Shaper: &shape.Shaper{}, Breaker: br, Memo: memo}}
	f.Fuzz(func(t *testing.T, s, lang string) {
		if !utf8.ValidString(s) || len(s) > 3000 {
			return
		}
		switch lang {
		case "km", "my", "th", "vi", "en":
		default:
			lang = "km"
		}
		doc, err := content.Proof("fuzz.txt", lang, strings.Split(s, "\n"), true)
		if err != nil || len(doc.Blocks) == 0 {
			return
		}
		data, _, _, err := Typeset(eng, doc)
		if err != nil {
			return // e.g. a character no face can draw
		}
		if !bytes.HasPrefix(data, []byte("%PDF-1.7")) || !bytes.HasSuffix(data, []byte("%%EOF\n")) {
			t.Fatalf("not a complete PDF for %q", s)
		}
		if got, _, _, err := Typeset(duo, doc); err != nil || !bytes.Equal(got, data) {
			t.Fatalf("%q: with a partner, %d bytes (%v), alone %d", s, len(got), err, len(data))
		}
	})
}
