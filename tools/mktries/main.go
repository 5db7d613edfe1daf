// Command mktries writes the packed tries that the line breaker embeds
// (internal/linebreak/dicts/*.trie) from the word lists beside them, so
// that a run opens a dictionary in place instead of decoding and building
// it. Run it (`make tries`, or go generate ./internal/linebreak) whenever
// a list changes; TestPackedDictionaries fails until then.
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
	for _, d := range linebreak.Dictionaries() {
		if err := write(*dir, d); err != nil {
			fmt.Fprintln(os.Stderr, "mktries:", err)
			os.Exit(1)
		}
	}
}

func write(dir string, d linebreak.Dictionary) error {
	list, err := os.ReadFile(filepath.Join(dir, d.List))
	if err != nil {
		return err
	}
	packed, err := d.Pack(list)
	if err != nil {
		return err
	}
	out := filepath.Join(dir, d.Packed)
	if err := os.WriteFile(out, packed, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes\n", out, len(packed))
	return nil
}
