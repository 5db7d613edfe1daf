package pdf

import (
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// outlineItem is a node of the document outline (bookmarks).
type outlineItem struct {
	h     pages.Heading
	level int
	obj   ref
	kids  []*outlineItem
}

// count is the number of descendants; every item is open, so all of them
// are visible (ISO 32000-1, Table 153, /Count).
func (it *outlineItem) count() int {
	n := len(it.kids)
	for _, k := range it.kids {
		n += k.count()
	}
	return n
}

// writeOutline writes the outline dictionary and its items (ISO 32000-1,
// 12.3.3), nesting headings by Level: a heading becomes a child of the
// nearest earlier heading with a lower level. Each item jumps to the top of
// its heading with /XYZ.
func writeOutline(w *objWriter, headings []pages.Heading, pages []ref, doc *pages.Document) (ref, error) {
	root := &outlineItem{obj: w.alloc()}
	stack := []*outlineItem{root}
	for i, h := range headings {
		if h.Page < 0 || h.Page >= len(pages) {
			return 0, fmt.Errorf("heading %d %q: page %d does not exist", i, h.Title, h.Page)
		}
		if !finite(h.Y) {
			return 0, fmt.Errorf("heading %d %q: %w", i, h.Title, errNotFinite)
		}
		it := &outlineItem{h: h, level: max(h.Level, 1), obj: w.alloc()}
		for len(stack) > 1 && stack[len(stack)-1].level >= it.level {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		parent.kids = append(parent.kids, it)
		stack = append(stack, it)
	}
	writeOutlineKids(w, root, pages, doc)
	w.object(root.obj, fmt.Sprintf("<</Type /Outlines /First %s /Last %s /Count %d>>",
		root.kids[0].obj, root.kids[len(root.kids)-1].obj, root.count()))
	return root.obj, nil
}

func writeOutlineKids(w *objWriter, parent *outlineItem, pages []ref, doc *pages.Document) {
	for i, it := range parent.kids {
		var d strings.Builder
		y := doc.Pages[it.h.Page].Height - it.h.Y
		fmt.Fprintf(&d, "<</Title %s /Parent %s /Dest [%s /XYZ 0 %s 0]", textString(it.h.Title), parent.obj, pages[it.h.Page], num(y, 3))
		if i > 0 {
			fmt.Fprintf(&d, " /Prev %s", parent.kids[i-1].obj)
		}
		if i+1 < len(parent.kids) {
			fmt.Fprintf(&d, " /Next %s", parent.kids[i+1].obj)
		}
		if len(it.kids) > 0 {
			fmt.Fprintf(&d, " /First %s /Last %s /Count %d", it.kids[0].obj, it.kids[len(it.kids)-1].obj, it.count())
		}
		d.WriteString(">>")
		w.object(it.obj, d.String())
		writeOutlineKids(w, it, pages, doc)
	}
}
