package source

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// kindKeys are the keys each block type reads, besides type and editions
// (every block's). Every [[block]] decodes into one table of all the
// types' keys, so a key of another type (a caption on a table, a width on
// a paragraph) used to pass without a word and do nothing.
var kindKeys = map[Kind][]string{
	Title: {"msg"}, Subtitle: {"msg"}, Paragraph: {"msg"}, Published: {"msg"},
	Heading: {"msg", "level"},
	List:    {"style", "items"},
	Table:   {"columns", "rows", "column_styles", "id", "caption"},
	Figure:  {"src", "width", "caption", "alt"},
	Contact: {"name", "role", "org", "email", "languages"},
	Chart: {"caption", "alt", "chart", "categories", "series", "from", "label_column", "value_columns",
		"data_rows", "note", "format", "decimals", "min", "max", "step", "data_table"},
}

// misplacedKeys reports each block key that its block's type does not
// read, at its own position, naming the types that do. keys are the
// file's keys in order (toml.MetaData.Keys: a [[block]] header, then its
// keys); blocks are the decoded blocks, one per header. A key no type
// knows is unknownKeys'.
func misplacedKeys(file string, ix *tomlpos.Index, keys []toml.Key, blocks []rawBlock) diag.List {
	var ds diag.List
	place := occurrences(file, ix)
	n := -1
	for _, k := range keys {
		if len(k) == 1 && k[0] == "block" {
			n++
			continue
		}
		if len(k) != 2 || k[0] != "block" || n < 0 || n >= len(blocks) {
			continue
		}
		pos := place(k) // counted for every block key, so the nth is placed right
		kind := Kind(blocks[n].Type)
		own, known := kindKeys[kind]
		if !known || k[1] == "type" || k[1] == "editions" || slices.Contains(own, k[1]) {
			continue
		}
		var readers []string
		for _, other := range kinds {
			if slices.Contains(kindKeys[other], k[1]) {
				readers = append(readers, string(other))
			}
		}
		if len(readers) == 0 {
			continue // unknown to every type: unknownKeys reports it
		}
		hint := fmt.Sprintf("a %s block has %s; %s is a key of %s blocks (see BRIEF FORMAT in briefs man)",
			kind, strings.Join(append([]string{"type", "editions"}, own...), ", "), k[1], strings.Join(readers, " and "))
		ds = append(ds, diag.Errorf(pos, "block-key", hint, "a %s block has no key %q: it would be ignored", kind, k[1]))
	}
	return ds
}
