package pdf

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// writePage writes a page object (ISO 32000-1, 7.7.3.3), its content
// stream and its link annotations. Shading and rules are painted first,
// then images, then text, so text is never hidden under a table's fill.
//
// With a tagger (the document has a structure), every run and image is a
// marked-content sequence of its structure node, and rules and shading
// are artifacts.
func writePage(w *objWriter, p *pages.Page, index int, obj, parent ref, fonts *fontSet, images *imageSet, tags *tagger) error {
	if !finite(p.Width, p.Height) || p.Width <= 0 || p.Height <= 0 {
		return fmt.Errorf("bad page size %gx%g", p.Width, p.Height)
	}
	c := newContent(p.Height)
	mark := func(node pages.NodeID) error {
		if tags == nil {
			return nil
		}
		return tags.begin(c, index, node)
	}
	unmark := func() {
		if tags != nil {
			tags.end(c)
		}
	}
	if len(p.Rects) > 0 {
		mark(pages.Artifact)
		for i, r := range p.Rects {
			if err := c.rect(r); err != nil {
				return fmt.Errorf("rect %d: %w", i, err)
			}
		}
		unmark()
	}
	var xobjects []*imageRes
	for i, img := range p.Images {
		res, err := images.use(w, img)
		if err != nil {
			return fmt.Errorf("image %d: %w", i, err)
		}
		if err := mark(img.Node); err != nil {
			return fmt.Errorf("image %d: %w", i, err)
		}
		if err := c.image(img, res.name); err != nil {
			return fmt.Errorf("image %d: %w", i, err)
		}
		unmark()
		xobjects = appendOnce(xobjects, res)
	}
	var used []*fontRes
	open, openNode := -1, pages.Artifact // the run that opened the current sequence, and its node
	for i := range p.Runs {
		run := &p.Runs[i]
		if len(run.Glyphs) == 0 {
			continue
		}
		// Marked content may sit inside a text object, properly nested
		// (ISO 32000-1, 14.6), so the sequence opens after BT. Runs of
		// one node in a row (a paragraph's lines) share one sequence.
		c.beginText()
		if open < 0 || run.Node != openNode {
			if open >= 0 {
				unmark()
			}
			if err := mark(run.Node); err != nil {
				return fmt.Errorf("run %d %q: %w", i, run.Text, err)
			}
			open, openNode = i, run.Node
		}
		// Text in another language than the document's (an English
		// acronym in Khmer) says so, for screen readers (14.9.2.2).
		otherLang := tags != nil && run.Lang != "" && run.Lang != tags.lang && run.Node != pages.Artifact
		if otherLang {
			c.b.WriteString("/Span <</Lang ")
			c.b.WriteString(textString(run.Lang))
			c.op(">> BDC")
		}
		if err := drawRun(w, c, run, fonts, &used); err != nil {
			return fmt.Errorf("run %d %q: %w", i, run.Text, err)
		}
		if otherLang {
			c.op("EMC")
		}
	}
	if open >= 0 {
		unmark()
	}
	c.endText()

	annots, err := writeLinks(w, p, obj, tags)
	if err != nil {
		return err
	}
	contents := w.alloc()
	// Compressed while the next page is drawn; a copy, as the content
	// builder goes back to be reused.
	w.flateStreamAside(contents, "", fmt.Sprintf("page %d: content stream", index+1), bytes.Clone(c.b.Bytes()))
	c.release()

	var d strings.Builder
	fmt.Fprintf(&d, "<</Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources <<", parent, num(p.Width, 3), num(p.Height, 3))
	if len(used) > 0 {
		d.WriteString("/Font <<")
		for _, f := range used {
			fmt.Fprintf(&d, "/%s %s", f.name, f.obj)
		}
		d.WriteString(">>")
	}
	if len(xobjects) > 0 {
		d.WriteString("/XObject <<")
		for _, x := range xobjects {
			fmt.Fprintf(&d, "/%s %s", x.name, x.obj)
		}
		d.WriteString(">>")
	}
	fmt.Fprintf(&d, ">> /Contents %s", contents)
	if tags != nil {
		fmt.Fprintf(&d, " /StructParents %d", index)
		if len(annots) > 0 {
			d.WriteString(" /Tabs /S") // tab through links in structure order (12.5.1)
		}
	}
	if len(annots) > 0 {
		fmt.Fprintf(&d, " /Annots [%s]", strings.Join(annots, " "))
	}
	d.WriteString(">>")
	w.object(obj, d.String())
	return nil
}

func drawRun(w *objWriter, c *content, run *pages.GlyphRun, fonts *fontSet, used *[]*fontRes) error {
	if run.Face == nil {
		return fmt.Errorf("run has no face")
	}
	f, err := fonts.use(w, run.Face)
	if err != nil {
		return err
	}
	for _, g := range run.Glyphs {
		if err := f.add(g.ID); err != nil {
			return err
		}
	}
	rp, err := f.sharedPlan(run, w.share)
	if err != nil {
		return err
	}
	codes, err := f.codes(run, &rp.planned, rp.hint())
	if err != nil {
		return err
	}
	*used = appendOnce(*used, f)
	return c.run(run, f, rp, codes)
}

// writeLinks writes a URI link annotation (ISO 32000-1, 12.5.6.5 and
// 12.6.4.7) for each of the page's links, without a border.
//
// In a tagged PDF each annotation names its Link element through
// /StructParent, and has /Contents for assistive technology (14.9.3;
// ISO 14289-1, 7.18.5, an alternate description): the link's words and
// its target, "the report (https://example.org/r)", or the target alone
// when the words are the target. A screen reader that reaches the link by
// its annotation announces the description, not a bare address.
func writeLinks(w *objWriter, p *pages.Page, page ref, tags *tagger) ([]string, error) {
	var refs []string
	for i, l := range p.Links {
		if !finite(l.X, l.Y, l.W, l.H) {
			return nil, fmt.Errorf("link %d: %w", i, errNotFinite)
		}
		if l.URI == "" {
			return nil, fmt.Errorf("link %d: empty URI", i)
		}
		a := w.alloc()
		tagged := ""
		if tags != nil && l.Node != pages.Artifact {
			key, err := tags.annotation(l.Node, a)
			if err != nil {
				return nil, fmt.Errorf("link %d: %w", i, err)
			}
			tagged = fmt.Sprintf(" /StructParent %d /Contents %s", key, w.onceLong("contents", linkDescription(l), textString))
		}
		action := w.onceLong("action", l.URI, uriAction)
		w.object(a, fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /F 4 /P %s%s /A %s>>",
			num(l.X, 3), num(p.Height-l.Y-l.H, 3), num(l.X+l.W, 3), num(p.Height-l.Y, 3), page, tagged, action))
		refs = append(refs, a.String())
	}
	return refs, nil
}

// uriAction is the action dictionary that opens uri (ISO 32000-1,
// 12.6.4.7).
func uriAction(uri string) string { return "<</S /URI /URI " + literal(asciiURI(uri)) + ">>" }

// linkDescription is a link annotation's /Contents: its words and its
// target, or the target when the words only repeat it (a written-out
// address or e-mail).
func linkDescription(l pages.Link) string {
	words := strings.TrimSpace(l.Text)
	bare := strings.TrimPrefix(strings.TrimPrefix(l.URI, "mailto:"), "tel:")
	if words == "" || words == l.URI || words == bare || "https://"+words == l.URI || "http://"+words == l.URI {
		return l.URI
	}
	return words + " (" + l.URI + ")"
}

// appendOnce appends v unless s already holds it, keeping first-use order.
func appendOnce[T comparable](s []T, v T) []T {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}
