package xliff

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParseOneLine parses 2,000 units written on one line, as a tool
// that strips the whitespace between tags saves them: the time must grow
// with the file, not with the square of its line, as it did when each
// position's column was counted from the line's start (59 s to import 3,000
// units).
func BenchmarkParseOneLine(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="locales/b.en.toml" source-language="en" target-language="km" datatype="plaintext"><body>`)
	for i := range 2_000 {
		fmt.Fprintf(&sb, `<trans-unit id="m%d" resname="m%d"><source>Workers in the zone</source><target state="translated">កម្មករនៅក្នុងតំបន់</target></trans-unit>`, i, i)
	}
	sb.WriteString(`</body></file></xliff>`)
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
