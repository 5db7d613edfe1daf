package layout

// tree collects the logical structure of a document as layout builds it,
// in reading order.
type tree struct {
	nodes []Node
}

// add appends a node under parent and returns its tag.
func (t *tree) add(role Role, parent int) tag {
	t.nodes = append(t.nodes, Node{Role: role, Parent: parent})
	return tag{role: role, node: len(t.nodes) - 1}
}

// group appends a node that holds other nodes and no text of its own.
func (t *tree) group(role Role, parent int) int {
	return t.add(role, parent).node
}

// root is the parent of top-level nodes: the document itself.
const root = -1

// artifact tags content that is not part of the text.
var artifact = tag{role: RoleFooter, node: Artifact}
