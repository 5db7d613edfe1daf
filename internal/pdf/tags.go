package pdf

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// tagger makes a tagged PDF (ISO 32000-1, 14.8): it wraps each run and
// image in a marked-content sequence with an MCID, marks footers, rules
// and shading as artifacts, ties link annotations to their Link elements,
// and writes the structure tree from the layout's nodes, with a figure's
// alternate description in /Alt.
//
// An element's kids are recorded in the order the content is drawn, which
// is reading order: a paragraph's text, then a link inside it, then the
// rest of its text.
type tagger struct {
	nodes    []pages.Node
	refs     []ref
	kids     [][]kid // per node
	seen     []bool  // the node has been attached to its parent
	top      []int   // children of the document element, in order
	pageKids [][]int // per page: the node of each MCID
	annots   []int   // per annotation with a StructParent: its node
	pages    int
	lang     string // the document's language
	buf      []byte // element's, reused from element to element
}

// kid is one entry of an element's /K: marked content on a page, a child
// element, or an annotation (object reference, 14.7.4.3).
type kid struct {
	page, mcid int // marked content, when child < 0 and annot == 0
	child      int // a child node, or -1
	annot      ref // an annotation, or 0
}

// Inside the tagger nodes are 0-based indices into the structure; the
// layout's NodeIDs count from 1, with 0 for artifacts and the document.
func newTagger(w *objWriter, nodes []pages.Node, npages int, lang string) (*tagger, error) {
	t := &tagger{nodes: nodes, refs: make([]ref, len(nodes)), kids: make([][]kid, len(nodes)),
		seen: make([]bool, len(nodes)), pageKids: make([][]int, npages), pages: npages, lang: lang}
	for i, n := range nodes {
		if p := parentIndex(n); p < -1 || p >= i {
			return nil, fmt.Errorf("structure node %d: parent %d does not come before it", i+1, n.Parent)
		}
		t.refs[i] = w.alloc()
	}
	return t, nil
}

// parentIndex is the index of a node's parent, or -1 for the document.
func parentIndex(n pages.Node) int { return int(n.Parent) - 1 }

// index checks a layout NodeID and returns its index.
func (t *tagger) index(id pages.NodeID) (int, error) {
	if id <= 0 || int(id) > len(t.nodes) {
		return 0, fmt.Errorf("structure node %d does not exist", id)
	}
	return int(id) - 1, nil
}

// attach records node as a kid of its parent, the first time it appears.
func (t *tagger) attach(node int) {
	if t.seen[node] {
		return
	}
	t.seen[node] = true
	if p := parentIndex(t.nodes[node]); p >= 0 {
		t.attach(p)
		t.kids[p] = append(t.kids[p], kid{child: node})
		return
	}
	t.top = append(t.top, node)
}

// begin opens the marked-content sequence of node on a page: a tagged one
// with the next MCID, or an artifact.
func (t *tagger) begin(c *content, page int, id pages.NodeID) error {
	if id == pages.Artifact {
		c.op("/Artifact BMC")
		return nil
	}
	node, err := t.index(id)
	if err != nil {
		return err
	}
	mcid := len(t.pageKids[page])
	t.pageKids[page] = append(t.pageKids[page], node)
	t.attach(node)
	t.kids[node] = append(t.kids[node], kid{page: page, mcid: mcid, child: -1})
	c.b.WriteByte('/')
	c.b.WriteString(structType(t.nodes[node]))
	c.b.WriteString(" <</MCID ")
	c.b.Write(strconv.AppendInt(c.b.AvailableBuffer(), int64(mcid), 10))
	c.op(">> BDC")
	return nil
}

func (t *tagger) end(c *content) { c.op("EMC") }

// annotation ties an annotation to node and returns its /StructParent
// key in the parent tree (14.7.4.4): keys after the pages' keys.
func (t *tagger) annotation(id pages.NodeID, annot ref) (int, error) {
	node, err := t.index(id)
	if err != nil {
		return 0, err
	}
	t.attach(node)
	t.kids[node] = append(t.kids[node], kid{child: -1, annot: annot})
	t.annots = append(t.annots, node)
	return t.pages + len(t.annots) - 1, nil
}

// structType maps a layout role to a standard structure type (ISO
// 32000-1, 14.8.4). The brief's title is the one H1; headings follow.
func structType(n pages.Node) string {
	switch n.Role {
	case pages.RoleTitle:
		return "H1"
	case pages.RoleHeading:
		return "H" + strconv.Itoa(n.Level+1)
	case pages.RoleSubtitle, pages.RoleContact, pages.RolePublished, pages.RoleParagraph:
		return "P"
	}
	return string(n.Role)
}

// write writes the structure elements and the structure tree root, and
// returns the root.
func (t *tagger) write(w *objWriter, pageRefs []ref, lang string) ref {
	root, doc := w.alloc(), w.alloc()
	for i := range t.nodes {
		t.attach(i) // elements with no content still belong to the tree
	}
	// Content is drawn in reading order, except that a page draws its
	// images before its text: elements that hold only other elements
	// (the document, lists, tables) list them in node order, which layout
	// makes reading order.
	sort.Ints(t.top)
	for i := range t.kids {
		if groupOnly(t.kids[i]) {
			sort.Slice(t.kids[i], func(a, b int) bool { return t.kids[i][a].child < t.kids[i][b].child })
		}
	}
	for i, n := range t.nodes {
		parent := doc
		if p := parentIndex(n); p >= 0 {
			parent = t.refs[p]
		}
		w.object(t.refs[i], t.element(i, n, parent, pageRefs))
	}
	top := make([]string, len(t.top))
	for i, n := range t.top {
		top[i] = t.refs[n].String()
	}
	d := fmt.Sprintf("<</S /Document /P %s /K [%s]", root, strings.Join(top, " "))
	if lang != "" {
		d += " /Lang " + textString(lang)
	}
	w.object(doc, d+">>")

	// The parent tree maps each page's MCIDs, and each annotation, back
	// to their elements (14.7.4.4); page i has /StructParents i.
	var nums strings.Builder
	for p, kids := range t.pageKids {
		fmt.Fprintf(&nums, "%d [", p)
		for k, node := range kids {
			if k > 0 {
				nums.WriteByte(' ')
			}
			nums.WriteString(t.refs[node].String())
		}
		nums.WriteString("] ")
	}
	for i, node := range t.annots {
		fmt.Fprintf(&nums, "%d %s ", t.pages+i, t.refs[node])
	}
	w.object(root, fmt.Sprintf("<</Type /StructTreeRoot /K %s /ParentTree <</Nums [%s]>> /ParentTreeNextKey %d>>",
		doc, strings.TrimSpace(nums.String()), t.pages+len(t.annots)))
	return root
}

// element writes one structure element. Marked content on the element's
// own page (/Pg, the page of its first content) is a bare MCID; content
// on other pages needs a marked-content reference naming its page
// (14.7.4.2), and an annotation an object reference (14.7.4.3). It
// appends into one reused buffer, not fmt: a brief has hundreds of
// elements, and formatting them was 3 % of a 210-PDF build.
func (t *tagger) element(i int, n pages.Node, parent ref, pageRefs []ref) string {
	pg := -1
	for _, k := range t.kids[i] {
		if k.child < 0 && k.annot == 0 {
			pg = k.page
			break
		}
	}
	b := append(t.buf[:0], "<</S /"...)
	b = append(b, structType(n)...)
	b = append(b, " /P "...)
	b = parent.append(b)
	if pg >= 0 {
		b = append(b, " /Pg "...)
		b = pageRefs[pg].append(b)
	}
	b = append(b, " /K ["...)
	for j, k := range t.kids[i] {
		if j > 0 {
			b = append(b, ' ')
		}
		switch {
		case k.child >= 0:
			b = t.refs[k.child].append(b)
		case k.annot != 0:
			b = append(b, "<</Type /OBJR /Obj "...)
			b = append(k.annot.append(b), ">>"...)
		case k.page == pg:
			b = strconv.AppendInt(b, int64(k.mcid), 10)
		default:
			b = append(b, "<</Type /MCR /Pg "...)
			b = append(pageRefs[k.page].append(b), " /MCID "...)
			b = append(strconv.AppendInt(b, int64(k.mcid), 10), ">>"...)
		}
	}
	b = append(b, ']')
	if n.Alt != "" {
		b = append(b, " /Alt "...)
		b = append(b, textString(n.Alt)...)
	}
	if n.Role == pages.RoleTableHead {
		b = append(b, " /A <</O /Table /Scope /Column>>"...) // header cells head their column (14.8.5.7)
	}
	if listNumberings[n.Numbering] {
		b = append(b, " /A <</O /List /ListNumbering /"...) // how the labels count (14.8.5.5)
		b = append(b, n.Numbering...)
		b = append(b, ">>"...)
	}
	b = append(b, ">>"...)
	t.buf = b
	return string(b)
}

// groupOnly reports whether an element's kids are all elements.
func groupOnly(kids []kid) bool {
	for _, k := range kids {
		if k.child < 0 {
			return false
		}
	}
	return true
}

// listNumberings are the values of a list's ListNumbering attribute
// (ISO 32000-1, Table 347); the writer leaves out any other.
var listNumberings = map[string]bool{"None": true, "Disc": true, "Circle": true, "Square": true, "Decimal": true,
	"UpperRoman": true, "LowerRoman": true, "UpperAlpha": true, "LowerAlpha": true}
