package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/text"
)

// checkGlyphs sets each form's text as the layout would: NFC, inline
// markup resolved, runs itemised with the faces text.Itemize picks (the
// language's script face, Noto Sans for the rest), each run shaped. It
// reports characters that the picked face cannot draw and shaped clusters
// that contain the face's dotted-circle glyph when the text had none.
func (c *checker) checkGlyphs(m *catalog.Message) {
	eachForm(m, func(form, raw string) {
		spans, err := text.ParseInline(raw)
		if err != nil {
			spans = []manuscript.Span{{Text: raw}}
		}
		reported := map[string]bool{}
		var missing []missingRune
		at := 0 // where in raw the spans read so far end
		for _, sp := range spans {
			style := fonts.Regular
			if sp.Strong {
				style = fonts.Bold
			}
			s := text.NFC(sp.Text)
			// base is where the span's text stands in raw, when raw
			// writes it as it is (no escape, already NFC): a cluster's
			// column is then its own, not that of the first equal text.
			base := -1
			if i := strings.Index(raw[at:], sp.Text); i >= 0 && s == sp.Text {
				base = at + i
				at = base + len(sp.Text)
			}
			for _, run := range text.Itemize(s, 0, len(s), m.Lang, style, c.fonts) {
				missing = c.checkRunGlyphs(m, form, raw, s, base, run, reported, missing)
			}
		}
		c.reportMissing(m, form, raw, missing)
	})
}

// missingRune is a character of a form that the face picked for it
// cannot draw.
type missingRune struct {
	r    rune
	face string
}

// reportMissing reports a form's characters that no face draws in one
// finding, at the first: a word of emoji gave one error a character.
func (c *checker) reportMissing(m *catalog.Message, form, raw string, missing []missingRune) {
	if len(missing) == 0 {
		return
	}
	first := missing[0]
	pos := c.textPos(m, form, max(0, strings.IndexRune(raw, first.r)))
	const hint = "no embedded face has it: use a character of the language's script, or remove it"
	if len(missing) == 1 {
		c.add(diag.Errorf(pos, CodeNoGlyph, hint, "%s form of %q has %q (U+%04X), which %s cannot draw", form, m.ID, first.r, first.r, first.face))
		return
	}
	var names []string
	for _, x := range missing[:min(len(missing), 5)] {
		names = append(names, fmt.Sprintf("%q (U+%04X)", x.r, x.r))
	}
	if len(missing) > 5 {
		names = append(names, "…")
	}
	c.add(diag.Errorf(pos, CodeNoGlyph, "no embedded face has them: use characters of the language's script, or remove them",
		"%s form of %q has %d characters that no embedded face draws, the first at this column: %s",
		form, m.ID, len(missing), strings.Join(names, ", ")))
}

func (c *checker) checkRunGlyphs(m *catalog.Message, form, raw, s string, base int, run text.Run, reported map[string]bool, missing []missingRune) []missingRune {
	for _, r := range s[run.Start:run.End] {
		if text.Ignorable(r) || run.Face.Has(r) || reported[string(r)] {
			continue
		}
		reported[string(r)] = true
		missing = append(missing, missingRune{r, run.Face.Name})
	}
	if strings.ContainsRune(s[run.Start:run.End], text.DottedCircle) {
		return missing
	}
	dc, ok := run.Face.Font.NominalGlyph(text.DottedCircle)
	if !ok {
		return missing
	}
	glyphs := c.shaper.Shape(s, run)
	for i, g := range glyphs {
		if uint32(g.ID) != uint32(dc) {
			continue
		}
		start, end := g.Cluster, run.End
		for _, h := range glyphs[i+1:] {
			if h.Cluster > start {
				end = h.Cluster
				break
			}
		}
		// A space the shaper took as the mark's base leads the cluster:
		// the column is the mark's.
		start += len(s[start:end]) - len(strings.TrimLeft(s[start:end], " "))
		cluster := s[start:end]
		off := base + start
		if base < 0 {
			off = max(0, strings.Index(raw, cluster))
		}
		key := "◌" + strconv.Itoa(off) + cluster
		if reported[key] {
			continue
		}
		reported[key] = true
		c.add(diag.Errorf(c.textPos(m, form, off), CodeDottedCircle,
			"a mark has no base it can attach to: check the order of the characters, or remove a doubled mark",
			"%s form of %q shapes %q (%s) with a dotted circle in %s", form, m.ID, cluster, codePoints(cluster), run.Face.Name))
	}
	return missing
}
