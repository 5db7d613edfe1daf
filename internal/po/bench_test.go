package po

import (
	"strings"
	"testing"
)

// BenchmarkParseLongMsgstr parses a msgstr of 20,000 continuation lines
// (Poedit and msgcat wrap long text; a translator's tool may wrap it by
// word): the time must grow with the lines, not with their square, as it
// did when each line was added to the string before it (40 s for
// 100,000 lines).
func BenchmarkParseLongMsgstr(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\"\n")
	for range 20_000 {
		sb.WriteString("\"ការងារ \"\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
