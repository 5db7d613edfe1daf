// Command mktries writes the packed tries that the line breaker embeds
// (internal/linebreak/dicts/*.trie) from the word lists beside them, and
// the packed pair lists (dicts/*.pairs) from the learnt pairs and the
// packed boundary models (dicts/*.bounds) from theirs, so that a
// run opens them in place instead of decoding and building them. Run it
// (`make tries`, or go generate ./internal/linebreak) whenever a list
// changes; TestPackedDictionaries and TestPackedPairs fail until then.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mekong-briefs/briefs/internal/linebreak"
)

func main() {
	dir := flag.String("dir", "", "the folder of the word lists (default: internal/linebreak/dicts, or ./dicts under go generate)")
	flag.Parse()
	if *dir == "" {
		*dir = "internal/linebreak/dicts"
		if _, err := os.Stat(*dir); err != nil {
			*dir = "dicts"
		}
	}
	var packers []packer
	for _, d := range linebreak.Dictionaries() {
		packers = append(packers, packer{d.List, d.Packed, d.Pack})
	}
	for _, p := range linebreak.PairLists() {
		packers = append(packers, packer{p.List, p.Packed, p.Pack})
	}
	for _, p := range linebreak.BoundLists() {
		packers = append(packers, packer{p.List, p.Packed, p.Pack})
	}
	for _, p := range packers {
		if err := write(*dir, p); err != nil {
			fmt.Fprintln(os.Stderr, "mktries:", err)
			os.Exit(1)
		}
	}
}

// packer makes one packed file from one list.
type packer struct {
	list, packed string
	pack         func([]byte) ([]byte, error)
}

func write(dir string, p packer) error {
	list, err := os.ReadFile(filepath.Join(dir, p.list))
	if err != nil {
		return err
	}
	packed, err := p.pack(list)
	if err != nil {
		return err
	}
	out := filepath.Join(dir, p.packed)
	if err := os.WriteFile(out, packed, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes\n", out, len(packed))
	return nil
}
