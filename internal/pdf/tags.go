package pdf

import (
	"fmt"
	"strings"

	"github.com/mekong-briefs/briefs/internal/layout"
)

// tagger makes a tagged PDF (ISO 32000-1, 14.8): it wraps each run and
// image in a marked-content sequence with an MCID, marks footers, rules
// and shading as artifacts, and writes the structure tree from the
// layout's nodes, with a figure's alternate description in /Alt.
type tagger struct {
	nodes    []layout.Node
	refs     []ref
	marks    [][]mark // per node: its marked content, in drawing order
	pageKids [][]int  // per page: the node of each MCID
}

type mark struct{ page, mcid int }

func newTagger(w *objWriter, nodes []layout.Node, pages int) (*tagger, error) {
	t := &tagger{nodes: nodes, refs: make([]ref, len(nodes)), marks: make([][]mark, len(nodes)),
		pageKids: make([][]int, pages)}
	for i, n := range nodes {
		if n.Parent < -1 || n.Parent >= i {
			return nil, fmt.Errorf("structure node %d: parent %d does not come before it", i, n.Parent)
		}
		t.refs[i] = w.alloc()
	}
	return t, nil
}

// begin opens the marked-content sequence of node on a page: a tagged one
// with the next MCID, or an artifact.
func (t *tagger) begin(c *content, page, node int) error {
	if node == layout.Artifact {
		c.op("/Artifact BMC")
		return nil
	}
	if node < 0 || node >= len(t.nodes) {
		return fmt.Errorf("structure node %d does not exist", node)
	}
	mcid := len(t.pageKids[page])
	t.pageKids[page] = append(t.pageKids[page], node)
	t.marks[node] = append(t.marks[node], mark{page, mcid})
	c.op("/%s <</MCID %d>> BDC", structType(t.nodes[node]), mcid)
	return nil
}

func (t *tagger) end(c *content) { c.op("EMC") }

// structType maps a layout role to a standard structure type (ISO
// 32000-1, 14.8.4). The brief's title is the one H1; headings follow.
func structType(n layout.Node) string {
	switch n.Role {
	case layout.RoleTitle:
		return "H1"
	case layout.RoleHeading:
		return fmt.Sprintf("H%d", n.Level+1)
	case layout.RoleSubtitle, layout.RoleContact, layout.RolePublished, layout.RoleParagraph:
		return "P"
	}
	return string(n.Role)
}

// write writes the structure elements and the structure tree root, and
// returns the root.
func (t *tagger) write(w *objWriter, pages []ref, lang string) ref {
	root, doc := w.alloc(), w.alloc()
	children := make([][]ref, len(t.nodes))
	var top []string
	for i, n := range t.nodes {
		if n.Parent >= 0 {
			children[n.Parent] = append(children[n.Parent], t.refs[i])
		} else {
			top = append(top, t.refs[i].String())
		}
	}
	for i, n := range t.nodes {
		parent := doc
		if n.Parent >= 0 {
			parent = t.refs[n.Parent]
		}
		// Marked content on the element's own page (/Pg, its first) is
		// a bare MCID; content on later pages needs a marked-content
		// reference naming its page (14.7.4.2).
		var kids []string
		pg := ""
		for _, m := range t.marks[i] {
			if pg == "" {
				pg = fmt.Sprintf(" /Pg %s", pages[m.page])
			}
			if m.page == t.marks[i][0].page {
				kids = append(kids, fmt.Sprint(m.mcid))
			} else {
				kids = append(kids, fmt.Sprintf("<</Type /MCR /Pg %s /MCID %d>>", pages[m.page], m.mcid))
			}
		}
		for _, c := range children[i] {
			kids = append(kids, c.String())
		}
		d := fmt.Sprintf("<</S /%s /P %s%s /K [%s]", structType(n), parent, pg, strings.Join(kids, " "))
		if n.Alt != "" {
			d += " /Alt " + textString(n.Alt)
		}
		w.object(t.refs[i], d+">>")
	}
	d := fmt.Sprintf("<</S /Document /P %s /K [%s]", root, strings.Join(top, " "))
	if lang != "" {
		d += " /Lang " + textString(lang)
	}
	w.object(doc, d+">>")

	// The parent tree maps each page's MCIDs back to their elements
	// (14.7.4.4); page i has /StructParents i.
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
	w.object(root, fmt.Sprintf("<</Type /StructTreeRoot /K %s /ParentTree <</Nums [%s]>> /ParentTreeNextKey %d>>",
		doc, strings.TrimSpace(nums.String()), len(pages)))
	return root
}
