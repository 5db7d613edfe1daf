package check

import (
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// textPos returns the position of byte offset off of a message form's
// decoded text, for findings inside the text: the TOML position finder
// follows escapes and multi-line strings, so Col points at the character
// itself. Without the form's string it falls back to the field's or the
// message's position.
func (c *checker) textPos(m *catalog.Message, form string, off int) diag.Pos {
	return catalog.TextPos(c.index(m.Pos.File), m, form, off)
}

// index returns the position index of a file, built once per run.
func (c *checker) index(path string) *tomlpos.Index {
	if ix, ok := c.indexes[path]; ok {
		return ix
	}
	data, _ := source.ReadRegular(path)
	ix := tomlpos.Parse(data)
	c.indexes[path] = ix
	return ix
}

// eachForm calls fn for every plural form of m, in CLDR order.
func eachForm(m *catalog.Message, fn func(form, text string)) {
	for _, f := range catalog.FormOrder {
		if t, ok := m.Forms[f]; ok {
			fn(f, t)
		}
	}
}
