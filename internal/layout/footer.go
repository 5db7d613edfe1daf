package layout

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/text"
)

// folioGap is the least space between the running footer and the page
// number.
const folioGap = 24.0

// footer sets the page's foot, all of it artifacts (ISO 32000-1,
// 14.8.2.2): a hairline, the page number flush right and, from page 2 on,
// the running footer flush left, naming the brief and its edition, so
// that loose pages of different editions can be told apart. Page 1 has
// the title block for that.
func (e *Engine) footer(st *setter, folio manuscript.Folio, pg *pages.Page, n, total int) {
	pg.Rects = append(pg.Rects, pages.Rect{X: st.page.Left, Y: st.page.footerY() - 12, W: st.page.measure(), H: 0.4, Fill: &rule})
	if label := folio.Number(n); label != strconv.Itoa(n) {
		pg.Label = label
	}
	number := st.set([]manuscript.Span{{Text: text.NFC(folio.Format(n, total))}}, footerStyle, fixed(st.page.measure()), pages.Artifact, "footer.page", diag.Pos{})
	right := 0.0
	for _, ln := range number {
		right = max(right, ln.width)
	}
	// Left to right, as it reads: drawn number first, pdf.js ran the two
	// together ("Page 2 of 3Jobs in SEZs").
	if n > 1 && folio.Running != "" {
		if ln, ok := e.runningLine(st, folio, st.page.measure()-right-folioGap); ok {
			placeLine(pg, ln, st.page.Left, st.page.footerY(), artifact)
		}
	}
	for _, ln := range number {
		placeLine(pg, ln, st.page.Left+st.page.measure()-ln.width, st.page.footerY(), artifact)
	}
}

// runningLine sets the running footer on one line of the given width,
// cutting it at a line break with an ellipsis when it is longer, once per
// document and width (setter.running).
func (e *Engine) runningLine(st *setter, folio manuscript.Folio, width float64) (line, bool) {
	if r, ok := st.running[width]; ok {
		return r.ln, r.ok
	}
	ln, ok := e.setRunning(st, folio.Running, folio.RunningTitle, width)
	if st.running == nil {
		st.running = map[float64]runningLine{}
	}
	st.running[width] = runningLine{ln, ok}
	return ln, ok
}

func (e *Engine) setRunning(st *setter, s, title string, width float64) (line, bool) {
	set := func(s string, w float64) []line {
		return st.set([]manuscript.Span{{Text: s}}, footerStyle, fixed(w), pages.Artifact, "footer.running", diag.Pos{})
	}
	// Trials report nothing, and a cut that had to split a word is none:
	// the footer is cut between words.
	try := func(s string, w float64) string {
		lines, split := st.trySet([]manuscript.Span{{Text: s}}, footerStyle, fixed(w))
		if split {
			return ""
		}
		return cutText(firstLine(lines))
	}
	lines := set(s, width)
	if len(lines) <= 1 {
		return firstLine(lines)
	}
	// Too long: the title is shortened, so that the edition's name, which
	// tells loose pages of two editions apart, stays whole.
	if at := strings.Index(s, title); title != "" && at >= 0 {
		before, after := s[:at], s[at+len(title):]
		if rest, _ := st.trySet([]manuscript.Span{{Text: before + "…" + after}}, footerStyle, fixed(1e6)); len(rest) == 1 && rest[0].width < width {
			if cut := try(title, width-rest[0].width); cut != "" {
				if ls := set(before+cut+"…"+after, width); len(ls) == 1 {
					return ls[0], true
				}
			}
		}
	}
	// No room for the rest: the whole is cut, leaving room for the
	// ellipsis, which would otherwise wrap onto a line that is not drawn.
	// A first word wider than the room is split where the breaker can,
	// so the room is narrowed, an ellipsis at a time, until the cut fits.
	ellipsis, _ := st.trySet([]manuscript.Span{{Text: "…"}}, footerStyle, fixed(1e6))
	if len(ellipsis) == 1 && ellipsis[0].width > 0 {
		for w := width - ellipsis[0].width; w > 0; w -= ellipsis[0].width {
			lines, _ := st.trySet([]manuscript.Span{{Text: s}}, footerStyle, fixed(w))
			if cut := cutText(firstLine(lines)); cut != "" {
				if ls := set(cut+"…", width); len(ls) == 1 {
					return ls[0], true
				}
			}
		}
	}
	return firstLine(lines)
}

func firstLine(lines []line) (line, bool) {
	if len(lines) == 0 {
		return line{}, false
	}
	return lines[0], true
}

// cutText is what a set line reads, without the spaces and the
// punctuation it ends with: an ellipsis follows it ("seafood,…" and the
// Burmese "စာ၊…" read as a cut after a comma).
func cutText(ln line, ok bool) string {
	if !ok {
		return ""
	}
	return strings.TrimRightFunc(ln.text(), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && !strings.ContainsRune(")]»”’", r)
	})
}
