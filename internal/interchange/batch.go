package interchange

import "github.com/mekong-briefs/briefs/internal/diag"

// CodeImportConflict: a file of an import translates a message otherwise
// than an earlier file of the same import wrote it.
const CodeImportConflict = "import-conflict"

// Batch imports the files of one call (briefs import a.po b.po) one after
// another, and remembers what each wrote. Two translators who each
// translated one export of a catalogue give two files for it; where both
// translate a message, and differently, importing the second would replace
// the first one's work without a word. The later file is refused instead,
// with both positions, so that someone chooses. A later file that holds
// the translation the catalogue had before the batch did not change that
// message, and leaves the earlier file's translation in place.
type Batch struct {
	Root string
	// Replace takes a file's translation of a message whose translation
	// changed in the catalogue since the file was exported (the import
	// of another translator's file, an edit): without it such an entry
	// is an import-conflict error (applier.changedSinceExport).
	Replace bool
	wrote   map[string]map[string]given // catalogue path -> message ID -> what an earlier file wrote
}

// given is a translation an earlier file of the batch wrote, where, and
// the catalogue's translation before it: a later file that still holds
// that one did not touch the message (both files came from one export).
type given struct {
	forms, before map[string]string
	pos           diag.Pos
}

// Import merges one file, as the package's Import does, refusing it when
// it translates a message otherwise than an earlier file of the batch.
func (b *Batch) Import(path string) (*Imported, diag.List) {
	res, ds, wrote := importFile(b.Root, path, b.earlier, b.Replace)
	if res == nil || !res.Written {
		return res, ds
	}
	if b.wrote == nil {
		b.wrote = map[string]map[string]given{}
	}
	if b.wrote[res.Target] == nil {
		b.wrote[res.Target] = map[string]given{}
	}
	for id, g := range wrote {
		b.wrote[res.Target][id] = g
	}
	return res, ds
}

// earlier returns what an earlier file of the batch wrote into a
// catalogue, nil before the first.
func (b *Batch) earlier(target string) map[string]given { return b.wrote[target] }
