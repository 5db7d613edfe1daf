package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// Write serialises doc as a PDF 1.7 file to w.
func Write(w io.Writer, doc *pages.Document) error {
	if err := write(w, doc); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

func write(out io.Writer, doc *pages.Document) error {
	if doc == nil {
		return errors.New("no document")
	}
	if len(doc.Pages) == 0 {
		return errors.New("document has no pages")
	}
	w := newObjWriter()
	defer w.release()
	defer w.aside.wait() // before release; finish has waited unless a page failed
	catalog, pageTree, info := w.alloc(), w.alloc(), w.alloc()
	fonts, images := newFontSet(), newImageSet()

	pages := make([]ref, len(doc.Pages))
	for i := range pages {
		pages[i] = w.alloc()
	}
	var tags *tagger
	if len(doc.Structure) > 0 {
		var err error
		if tags, err = newTagger(w, doc.Structure, len(doc.Pages), doc.Lang); err != nil {
			return err
		}
	}
	early := startPrograms(w, doc) // while the pages are drawn (early.go)
	// The output intent's profile, compressed once per process: aside
	// too, so that the writer and its goroutine use one compressor.
	w.aside.run(func() { _, _ = srgbDeflated() })
	for i := range doc.Pages {
		if err := writePage(w, &doc.Pages[i], i, pages[i], pageTree, fonts, images, tags); err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	for _, f := range fonts.order {
		if err := f.write(w, early[f.program()]); err != nil {
			return err
		}
	}
	for _, img := range images.order {
		if err := img.write(w); err != nil {
			return err
		}
	}

	kids := make([]string, len(pages))
	for i, p := range pages {
		kids[i] = p.String()
	}
	w.object(pageTree, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), len(pages)))

	// Document catalog (ISO 32000-1, 7.7.2): /Lang (14.9.2) and a window
	// title from /Title rather than the file name (12.2).
	cat := fmt.Sprintf("<</Type /Catalog /Pages %s /ViewerPreferences <</DisplayDocTitle true>>", pageTree)
	if doc.Lang != "" {
		cat += " /Lang " + textString(doc.Lang)
	}
	cat += pageLabels(doc.Pages)
	if len(doc.Outline) > 0 {
		outline, err := writeOutline(w, doc.Outline, pages, doc)
		if err != nil {
			return fmt.Errorf("outline: %w", err)
		}
		cat += fmt.Sprintf(" /Outlines %s /PageMode /UseOutlines", outline)
	}
	if tags != nil {
		cat += fmt.Sprintf(" /MarkInfo <</Marked true>> /StructTreeRoot %s", tags.write(w, pages, doc.Lang))
	}
	when, err := documentDates(doc)
	if err != nil {
		return err
	}
	// XMP metadata (14.3.2), written without a filter so that any tool can
	// read it, and the PDF/A output intent (14.11.5).
	meta := w.alloc()
	w.stream(meta, "/Type /Metadata /Subtype /XML", xmpPacket(doc, when))
	intent, err := writeOutputIntent(w)
	if err != nil {
		return err
	}
	cat += fmt.Sprintf(" /Metadata %s /OutputIntents [%s]", meta, intent)
	w.object(catalog, cat+">>")
	w.object(info, infoDict(doc, when))
	return w.finish(out, catalog, info)
}

// pageLabels is the catalog's /PageLabels entry (ISO 32000-1, 12.4.2) for
// pages whose footer prints their number in the language's own digits:
// each page a range of its own whose label is the prefix alone, as the
// numbering styles know only Roman and Latin digits. Viewers then show
// and take "១" where they showed 1. "" when no page has a label.
func pageLabels(ps []pages.Page) string {
	var b strings.Builder
	for i, p := range ps {
		if p.Label == "" {
			continue
		}
		fmt.Fprintf(&b, " %d <</P %s>>", i, textString(p.Label))
	}
	if b.Len() == 0 {
		return ""
	}
	return " /PageLabels <</Nums [" + b.String()[1:] + "]>>"
}
