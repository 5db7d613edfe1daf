// Command mkdicts extracts the word lists of ICU's line-break dictionaries
// (Thai, Khmer, Lao, Burmese) from the ICU data library installed by
// Debian's libicu72 and writes them, sorted and gzip-compressed, to
// internal/linebreak/dicts/, with their licences.
//
// Run it from the repository root:
//
//	go run ./tools/mkdicts
//
// The data formats it reads are documented in ICU's sources: the common
// data package and its table of contents (common/ucmndata.h, udata.cpp),
// the dictionary header (common/dictionarydata.h) and the BytesTrie and
// UCharsTrie serializations (common/unicode/bytestrie.h, ucharstrie.h).
// The code here is an independent reading of those descriptions.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// dictionaries maps ICU's item names to output file names.
var dictionaries = []struct{ item, out string }{
	{"brkitr/thaidict.dict", "thai.txt.gz"},
	{"brkitr/khmerdict.dict", "khmer.txt.gz"},
	{"brkitr/burmesedict.dict", "burmese.txt.gz"},
	{"brkitr/laodict.dict", "lao.txt.gz"},
}

func main() {
	lib := flag.String("lib", "/usr/lib/x86_64-linux-gnu/libicudata.so.72", "ICU data library")
	out := flag.String("out", filepath.Join("internal", "linebreak", "dicts"), "output directory")
	flag.Parse()
	if err := run(*lib, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkdicts:", err)
		os.Exit(1)
	}
}

func run(lib, out string) error {
	if _, err := os.Stat(out); err != nil {
		return fmt.Errorf("%v (run from the repository root)", err)
	}
	pkg, err := loadCommonData(lib)
	if err != nil {
		return err
	}
	items, err := tocItems(pkg)
	if err != nil {
		return err
	}
	for _, d := range dictionaries {
		item := findItem(items, d.item)
		if item == nil {
			return fmt.Errorf("%s: no item %s", lib, d.item)
		}
		words, err := dictWords(item)
		if err != nil {
			return fmt.Errorf("%s: %v", d.item, err)
		}
		words = sortUnique(words)
		path := filepath.Join(out, d.out)
		if err := writeList(path, words); err != nil {
			return err
		}
		fmt.Printf("%s: %d words\n", path, len(words))
	}
	return writeLicense(out)
}

// findItem returns the item whose name ends in "/"+suffix
// (names carry the package name, like "icudt72l/brkitr/thaidict.dict").
func findItem(items map[string][]byte, suffix string) []byte {
	for name, b := range items {
		if strings.HasSuffix(name, "/"+suffix) {
			return b
		}
	}
	return nil
}

func sortUnique(words []string) []string {
	sort.Strings(words)
	out := words[:0]
	for i, w := range words {
		if w != "" && (i == 0 || w != words[i-1]) {
			out = append(out, w)
		}
	}
	return out
}
