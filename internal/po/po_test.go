package po

import (
	"bytes"
	"reflect"
	"testing"
)

func TestWriteParseRoundTrip(t *testing.T) {
	f := &File{
		Header: [][2]string{{"Language", "vi"}, {"Plural-Forms", "nplurals=1; plural=0;"}},
		Entries: []*Entry{
			{Extracted: []string{"Title of the brief"}, References: []string{"briefs/b/brief.toml:9"},
				Context: "title", HasContext: true, ID: "Jobs \"now\"", Str: []string{"Việc làm"}},
			{Flags: []string{"fuzzy"}, PrevID: "old\nlines", Context: "p", HasContext: true,
				ID: "two\nlines\\", Str: []string{"hai\ndòng"}},
			{Context: "n", HasContext: true, ID: "{{.Count}} worker", Plural: "{{.Count}} workers", IsPlural: true,
				Str: []string{"{{.Count}} người"}},
		},
	}
	var b bytes.Buffer
	if err := Write(&b, f); err != nil {
		t.Fatal(err)
	}
	g, err := Parse(b.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	for i := range g.Entries {
		if g.Entries[i].StrLine <= g.Entries[i].Line {
			t.Errorf("entry %d: msgstr line %d, entry line %d", i, g.Entries[i].StrLine, g.Entries[i].Line)
		}
		g.Entries[i].Line, g.Entries[i].StrLine = 0, 0
	}
	if !reflect.DeepEqual(g, f) {
		t.Errorf("round trip:\n%s\ngot %+v", b.String(), g.Entries[1])
	}
	if g.HeaderValue("Language") != "vi" || !g.Entries[1].Fuzzy() {
		t.Error("header or fuzzy flag lost")
	}
}

func TestParseErrorsHavePositions(t *testing.T) {
	for src, line := range map[string]int{
		"msgid \"a\"\nmsgstr \"b\nc\"\n": 2,
		"msgid \"a\"\nmsgstr[1] \"b\"\n": 2,
		"\"orphan\"\n":                   1,
		"msgid \"a\\q\"\nmsgstr \"\"\n":  1,
	} {
		_, err := Parse([]byte(src))
		e, ok := err.(*Error)
		if !ok || e.Line != line || e.Hint == "" {
			t.Errorf("%q: %v, want an error on line %d with a hint", src, err, line)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("msgctxt \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := Parse(b); err != nil {
			if e, ok := err.(*Error); !ok || e.Line < 1 || e.Col < 1 || e.Hint == "" {
				t.Fatalf("error without a position or hint: %v", err)
			}
		}
	})
}
