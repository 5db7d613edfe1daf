package layout

import "github.com/mekong-briefs/briefs/internal/pages"

// tree collects the logical structure of a document as layout builds it,
// in reading order.
type tree struct {
	nodes []pages.Node
}

// add appends a node under parent and returns its tag.
func (t *tree) add(role pages.Role, parent pages.NodeID) tag {
	t.nodes = append(t.nodes, pages.Node{Role: role, Parent: parent})
	return tag{role: role, node: pages.NodeID(len(t.nodes))}
}

// group appends a node that holds other nodes and no text of its own.
func (t *tree) group(role pages.Role, parent pages.NodeID) pages.NodeID {
	return t.add(role, parent).node
}

// node returns the node an id refers to.
func (t *tree) node(id pages.NodeID) *pages.Node { return &t.nodes[id-1] }

// root is the parent of top-level nodes: the document itself.
const root = pages.Artifact

// artifact tags content that is not part of the text.
var artifact = tag{role: pages.RoleFooter, node: pages.Artifact}
