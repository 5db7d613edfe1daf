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

// TestObsoleteEntriesAreRead: an obsolete entry's (#~) text is read, for a
// caller that tells of the work kept there, and stays marked obsolete; a
// live entry right after it is its own.
func TestObsoleteEntriesAreRead(t *testing.T) {
	f, err := Parse([]byte("msgid \"\"\nmsgstr \"\"\n\n#~ msgctxt \"old\"\n#~ msgid \"Old\"\n#~ msgstr \"ចាស់\"\n#~ \"ណាស់\"\nmsgctxt \"new\"\nmsgid \"New\"\nmsgstr \"ថ្មី\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(f.Entries))
	}
	if o := f.Entries[0]; !o.Obsolete || o.Context != "old" || len(o.Str) != 1 || o.Str[0] != "ចាស់ណាស់" {
		t.Errorf("obsolete entry %+v", o)
	}
	if l := f.Entries[1]; l.Obsolete || l.Context != "new" || l.Str[0] != "ថ្មី" {
		t.Errorf("live entry %+v", l)
	}
}
