package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTypstSource checks that the Typst document holds the brief's
// headings, list and table, with Typst's markup characters escaped.
func TestTypstSource(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("briefs/b/brief.toml", `id = "b"
date = 2020-01-01
source_lang = "en"
[[edition]]
country = "region"
languages = ["en"]
[[block]]
type = "heading"
level = 2
msg = "h"
[[block]]
type = "list"
items = ["i1"]
[[block]]
type = "table"
columns = ["c1", "c2"]
rows = [["r1", "r2"]]
`)
	write("locales/b.en.toml", `[h]
other = "Cost #1 *now*"
[i1]
other = "item"
[c1]
other = "A"
[c2]
other = "B"
[r1]
other = "x"
[r2]
other = "y"
`)
	src, err := typstSource(root, "b", "region", "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`== Cost \#1 \*now\*`, "- item", "#table(columns: 2,", "[A],", "[y],"} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
}
