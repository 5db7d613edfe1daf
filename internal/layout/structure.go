package layout

// tree collects the logical structure of a document as layout builds it,
// in reading order.
type tree struct {
	nodes []Node
}

// add appends a node under parent and returns its tag.
func (t *tree) add(role Role, parent NodeID) tag {
	t.nodes = append(t.nodes, Node{Role: role, Parent: parent})
	return tag{role: role, node: NodeID(len(t.nodes))}
}

// group appends a node that holds other nodes and no text of its own.
func (t *tree) group(role Role, parent NodeID) NodeID {
	return t.add(role, parent).node
}

// node returns the node an id refers to.
func (t *tree) node(id NodeID) *Node { return &t.nodes[id-1] }

// root is the parent of top-level nodes: the document itself.
const root = Artifact

// artifact tags content that is not part of the text.
var artifact = tag{role: RoleFooter, node: Artifact}
