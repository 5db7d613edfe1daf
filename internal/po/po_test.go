package po

import (
	"bytes"
	"reflect"
	"strings"
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
		g.Entries[i].Line, g.Entries[i].StrLine, g.Entries[i].StrSpans = 0, 0, nil
	}
	if !reflect.DeepEqual(g, f) {
		t.Errorf("round trip:\n%s\ngot %+v", b.String(), g.Entries[1])
	}
	if g.HeaderValue("Language") != "vi" || !g.Entries[1].Fuzzy() {
		t.Error("header or fuzzy flag lost")
	}
}

func TestParseErrorsHavePositions(t *testing.T) {
	for src, at := range map[string][2]int{
		"msgid \"a\"\nmsgstr \"b\nc\"\n":                   {2, 8},
		"msgid \"a\"\nmsgstr[1] \"b\"\n":                   {2, 1},
		"\"orphan\"\n":                                     {1, 1},
		"msgid \"a\\q\"\nmsgstr \"\"\n":                    {1, 9},
		"msgid \"a\"\nmsgstr \"ខ្មែរ\"x\"\n":               {2, 14}, // columns count characters
		"msgid \"a\"\nmsgstr \"\"\n  \"ab\\\"\n":           {3, 6},
		"# Sok: ខ្មែរ\x0b end\nmsgid \"a\"\nmsgstr \"\"\n": {1, 13}, // a vertical tab in a translator's comment
		// What msgfmt refuses: forms without msgid_plural, one msgstr with it.
		"msgid \"a\"\nmsgstr[0] \"b\"\n":                   {2, 1},
		"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"\n": {3, 1},
	} {
		_, err := Parse([]byte(src))
		e, ok := err.(*Error)
		if !ok || e.Line != at[0] || e.Col != at[1] || e.Hint == "" {
			t.Errorf("%q: %v, want an error at %d:%d with a hint", src, err, at[0], at[1])
		}
	}
}

// TestStrPos: a character of a msgstr written over several lines, with
// escapes and Khmer, is found at its line and column.
func TestStrPos(t *testing.T) {
	src := "msgctxt \"p\"\nmsgid \"a\"\nmsgstr \"\"\n\"say \\\"ខ្មែរ\\\" \"\n  \"at {{.Dat}}\"\n"
	f, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e := f.Entries[0]
	text := e.Str[0] // say "ខ្មែរ" at {{.Dat}}
	for _, c := range []struct {
		at        string
		line, col int
	}{{"say", 4, 2}, {"ខ្មែរ", 4, 8}, {"\" ", 4, 13}, {"at", 5, 4}, {"{{", 5, 7}} {
		off := strings.Index(text, c.at)
		if line, col, ok := e.StrPos(0, off); !ok || line != c.line || col != c.col {
			t.Errorf("%q (offset %d): %d:%d %v, want %d:%d", c.at, off, line, col, ok, c.line, c.col)
		}
	}
	if _, _, ok := e.StrPos(0, len(text)); ok {
		t.Error("an offset past the text was found")
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

// TestObsoleteWithoutBlankLine: an obsolete (#~) entry with no blank line
// after it, or right after a live entry, ends there; the live entries
// around it are read, as msgfmt reads them.
func TestObsoleteWithoutBlankLine(t *testing.T) {
	src := "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"á\"\n#~ msgctxt \"old\"\n#~ msgid \"Old\"\n#~ msgstr \"cũ\"\n#. B's comment\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"bé\"\n"
	f, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var live []string
	obsolete := 0
	for _, e := range f.Entries {
		if e.Obsolete {
			obsolete++
			continue
		}
		live = append(live, e.Context+"="+e.Str[0])
	}
	if strings.Join(live, " ") != "a=á b=bé" || obsolete != 1 {
		t.Errorf("live %q, %d obsolete; want a=á b=bé and 1", live, obsolete)
	}
	if got := f.Entries[len(f.Entries)-1].Extracted; len(got) != 1 || got[0] != "B's comment" {
		t.Errorf("b's comment: %q", got)
	}
}

// TestCEscapesAndTabs: octal and hex escapes, and a tab after the
// keyword, as msgfmt reads them.
func TestCEscapesAndTabs(t *testing.T) {
	f, err := Parse([]byte("msgctxt\t\"a\"\nmsgid \"A\\101B\"\nmsgstr\t\"\\x41\\x62c \\'q\\'\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := f.Entries[0]
	if e.Context != "a" || e.ID != "AAB" || e.Str[0] != "Abc 'q'" {
		t.Errorf("entry %q %q %q", e.Context, e.ID, e.Str)
	}
	if line, col, ok := e.StrPos(0, 2); !ok || line != 3 || col != 17 {
		t.Errorf("c after two hex escapes at %d:%d %v, want 3:17", line, col, ok)
	}
}

// TestCommentsBeforeABlankLine: a translator who deletes the "#, fuzzy"
// line in an editor leaves a blank line between an entry's comments and
// its msgctxt; msgcat and msgfmt give the comments to that entry, and so
// does Parse.
func TestCommentsBeforeABlankLine(t *testing.T) {
	src := "msgid \"\"\nmsgstr \"Language: km\\n\"\n\n#. Title\n#: briefs/b/brief.toml:5\n\nmsgctxt \"title\"\nmsgid \"Jobs\"\nmsgstr \"ការងារ\"\n"
	f, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 1 {
		t.Fatalf("%d entries, want the title alone", len(f.Entries))
	}
	e := f.Entries[0]
	if e.Context != "title" || len(e.Extracted) != 1 || len(e.References) != 1 || e.Line != 4 {
		t.Errorf("title entry %+v; want its comments, from line 4", e)
	}
}
