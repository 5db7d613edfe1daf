package check

import (
	"errors"
	"path/filepath"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
)

// Codes of what build refuses and check therefore reports as errors.
const (
	CodeControl    = "control-char"
	CodeLinkScheme = "link-scheme"
)

// checkRefused reports, as errors, what build would refuse in a message:
// markup that does not parse, a control character, a link that is not
// http, https or mailto. check and build agree: nothing check passes is
// refused by build.
func (c *checker) checkRefused(m *catalog.Message) {
	eachForm(m, func(form, s string) {
		// Every one, each at its column: one a run made three runs of
		// fixing for three characters.
		controls := 0
		_, _, damaged := mojibake(s) // its C1 controls are bytes of the damage, reported as such
		for i, r := range s {
			if damaged && r >= 0x80 && r <= 0x9F {
				controls++
				continue
			}
			if content.RefusedControl(s, i) || c.typedLineEnd(m, form, i) {
				c.add(diag.Errorf(c.textPos(m, form, i), CodeControl, content.ControlHint(r),
					"%s form of %q contains the control character U+%04X", form, m.ID, r))
				controls++
			}
		}
		if controls > 0 {
			return
		}
		spans, err := text.ParseInline(s)
		if err != nil {
			off := 0
			var me *text.MarkupError
			if errors.As(err, &me) {
				off = me.Offset
			}
			c.add(diag.Errorf(c.textPos(m, form, off), CodeMarkup,
				text.MarkupHint,
				"%s form of %q has broken markup: %v", form, m.ID, err))
			return
		}
		for _, sp := range spans {
			if sp.Link != "" && !text.SafeLink(sp.Link) {
				c.add(diag.Errorf(c.textPos(m, form, 0), CodeLinkScheme, "links may be https://, http:// or mailto: only",
					"%s form of %q links to %q", form, m.ID, sp.Link))
			}
		}
	})
}

// typedLineEnd reports whether the text at off is a carriage return that
// the file spells as more than the one character of its own CR LF line
// end: an escape (\r\n, as import writes a CAT tool's &#xD;), which
// build lets pass as it cannot tell the two apart, but which is no line
// end of the file. A file saved with CR LF keeps its multi-line strings.
func (c *checker) typedLineEnd(m *catalog.Message, form string, off int) bool {
	if s := m.Forms[form]; off >= len(s) || s[off] != '\r' {
		return false
	}
	at, next := c.textPos(m, form, off), c.textPos(m, form, off+1)
	return next.Line == at.Line && next.Col > at.Col+1
}

// checkFigures reads every figure of the selected briefs, and the logo of
// their masthead, as build does, in full, so that a damaged image is
// reported before a build refuses it (a damaged logo failed every PDF
// after a clean check). A figure's findings are at its src, where
// build (content) puts them, so that both name one line.
func (c *checker) checkFigures() {
	seen := map[string]bool{} // the project's logo, once
	for _, b := range c.briefs {
		if dir, src, pos := content.LogoFile(b, c.logo, c.logoPos); src != "" && !seen[filepath.Join(dir, src)] {
			seen[filepath.Join(dir, src)] = true
			c.checkImage(dir, src, pos)
		}
		for _, blk := range b.Blocks {
			if blk.Kind == source.Figure {
				c.checkImage(b.Dir, blk.Src, blk.SrcPos)
			}
		}
	}
}

// checkImage reads one image as the build reads it, and reports at pos
// what would fail there.
func (c *checker) checkImage(dir, src string, pos diag.Pos) {
	data, format, err := source.ReadFigure(dir, src)
	if err != nil {
		var fe *source.FigureError
		if errors.As(err, &fe) {
			c.add(fe.Diag(pos))
		}
		return
	}
	if o := source.JPEGOrientation(data); format == "jpeg" && o > 1 {
		c.add(diag.Warnf(pos, CodeFigureTurned, "turn the photo upright in an image editor and save it again, so that its pixels stand as it is seen",
			"photo %q is stored turned or mirrored (Exif orientation %d): phones and browsers show it upright, the PDF prints it as stored", src, o))
	}
}

// CodeFigureTurned: a JPEG whose Exif data asks viewers to turn it.
const CodeFigureTurned = "figure-turned"

// dropShadowed removes a warning at the same position and with the same
// code as an error: the error says it.
func dropShadowed(ds diag.List) diag.List {
	type key struct {
		pos  diag.Pos
		code string
	}
	errs := map[key]bool{}
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs[key{d.Pos, d.Code}] = true
		}
	}
	out := ds[:0]
	for _, d := range ds {
		if d.Severity == diag.Warning && errs[key{d.Pos, d.Code}] {
			continue
		}
		out = append(out, d)
	}
	return out
}
