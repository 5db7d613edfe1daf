package tomlpos

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

func TestPositions(t *testing.T) {
	src := "\uFEFFid = \"b\" # note\r\n" +
		"[[block]] # a comment\r\n" +
		"type = \"title\"\r\n" +
		"text = \"\"\"one\r\n[[block]]\r\ntwo\"\"\"\r\n" +
		"[[block]]\r\n" +
		"\ttype = \"paragraph\"\r\n" +
		"edition = [{ country = \"kh\", languages = [\"en\",\r\n  \"km\"] }, { country = \"th\" }]\r\n" +
		"[\"footer.page\"] # checked by Sok\r\n" +
		"other = 'x#y' # c\r\n" +
		"a.b = 1\r\n"
	ix := Parse([]byte(src))
	for _, tc := range []struct {
		path []string
		want Pos
	}{
		{[]string{"id"}, Pos{1, 1}},
		{[]string{"block", "0"}, Pos{2, 1}},
		{[]string{"block", "0", "type"}, Pos{3, 1}},
		{[]string{"block", "0", "text"}, Pos{4, 1}},
		{[]string{"block", "1"}, Pos{7, 1}},
		{[]string{"block", "1", "type"}, Pos{8, 2}},
		{[]string{"block", "1", "edition", "0", "country"}, Pos{9, 14}},
		{[]string{"block", "1", "edition", "1", "country"}, Pos{10, 14}},
		{[]string{"footer.page"}, Pos{11, 1}},
		{[]string{"footer.page", "other"}, Pos{12, 1}},
		{[]string{"footer.page", "a", "b"}, Pos{13, 1}},
	} {
		if got, ok := ix.Find(tc.path...); !ok || got != tc.want {
			t.Errorf("%q: %v %v, want %v", tc.path, got, ok, tc.want)
		}
	}
	if got := ix.Matching("block", "type"); len(got) != 2 || got[1] != (Pos{8, 2}) {
		t.Errorf("Matching block.type: %v", got)
	}
	if got := ix.Offset(strings.Index(src, "type = \"p")); got != (Pos{8, 2}) {
		t.Errorf("Offset: %v", got)
	}
}

func TestColumnsCountCharacters(t *testing.T) {
	ix := Parse([]byte("[\"ទំព័រ\"]\nកខ = 1\n\"ក\" = 2\n"))
	if p, ok := ix.Find("ទំព័រ", "ក"); !ok || p != (Pos{3, 1}) {
		t.Errorf("quoted Khmer key at %v %v", p, ok)
	}
	if got := ix.Offset(len("[\"ទំព័រ\"]")); got != (Pos{1, 10}) {
		t.Errorf("after the header: %v, want 1:10", got)
	}
}

// FuzzIndex checks the finder against the decoder: every table and key
// that BurntSushi/toml decodes has a position, and the text there starts
// the key or its header. No input makes it panic or loop.
func FuzzIndex(f *testing.F) {
	for _, s := range []string{
		"a = 1\n[b]\nc = \"x\"\n[[d]]\ne = [1, 2]\n[[d]]\nf = { g = 1 }\n",
		"\uFEFF[\"x.y\"] # c\r\nother = \"\"\"a\r\nb\"\"\"\r\n",
		"t = [{a = 1}, {b = [{c = 2}]}]\n'lit' = 'v'\n\"q\\\"k\" = 1\n",
		"a.b.c = 1\n[x.y]\nz = 2\n[[x.w]]\nv = 3\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan *Index, 1)
		go func() { done <- Parse(data) }()
		var ix *Index
		select {
		case ix = <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("Parse hangs on %q", data)
		}
		var m map[string]any
		if !utf8.Valid(data) {
			return
		}
		errc := make(chan error, 1)
		go func() { _, err := toml.Decode(string(data), &m); errc <- err }()
		select {
		case err := <-errc:
			if err != nil {
				return
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("decoder hangs on %q", data)
		}
		walk(t, ix, data, nil, m)
	})
}

func walk(t *testing.T, ix *Index, data []byte, path []string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := append(append([]string{}, path...), k)
			pos, ok := ix.Find(p...)
			if !ok {
				t.Fatalf("no position for %q in %q", p, data)
			}
			if at := textAt(data, pos); !startsKey(at, p) {
				t.Fatalf("%q at %v reads %q", p, pos, clip(at))
			}
			walk(t, ix, data, p, x)
		}
	case []map[string]any:
		for i, x := range v {
			walk(t, ix, data, append(append([]string{}, path...), strconv.Itoa(i)), x)
		}
	case []any:
		for i, x := range v {
			walk(t, ix, data, append(append([]string{}, path...), strconv.Itoa(i)), x)
		}
	}
}

// startsKey reports whether text at a position begins a header, a quoted
// key or one of the path's bare keys (a.b = 1 places a at its a).
func startsKey(at string, path []string) bool {
	at = strings.TrimLeft(at, " \t")
	for _, pre := range []string{"[", "{", "\"", "'"} {
		if strings.HasPrefix(at, pre) {
			return true
		}
	}
	for _, k := range path {
		if k != "" && strings.HasPrefix(at, k) {
			return true
		}
	}
	return false
}

func textAt(data []byte, p Pos) string {
	lines := strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\n")
	if p.Line < 1 || p.Line > len(lines) {
		return ""
	}
	r := []rune(lines[p.Line-1])
	if p.Col-1 > len(r) {
		return ""
	}
	return string(r[p.Col-1:])
}

func clip(s string) string {
	if len(s) > 30 {
		return s[:30]
	}
	return s
}

// TestTextPos checks positions inside string values: after escapes, in
// multi-line strings, and after a line-ending backslash.
func TestTextPos(t *testing.T) {
	src := "[\"a\"]\nother = \"x\\u00e9\\ty {{.Z}}\"\n" +
		"[\"b\"]\nother = \"\"\"\nline one\n  ក {{.Z}}\"\"\"\n" +
		"[\"c\"]\nother = \"\"\"join \\\n   {{.Z}}\"\"\"\n" +
		"[\"d\"]\nother = 'lit {{.Z}}'\n"
	ix := Parse([]byte(src))
	for id, want := range map[string]Pos{"a": {2, 21}, "b": {6, 5}, "c": {9, 4}, "d": {11, 14}} {
		text := map[string]string{"a": "x\u00e9\ty {{.Z}}", "b": "line one\n  ក {{.Z}}", "c": "join {{.Z}}", "d": "lit {{.Z}}"}[id]
		got, ok := ix.TextPos(strings.Index(text, "{{"), id, "other")
		if !ok || got != want {
			t.Errorf("%s: %v %v, want %v", id, got, ok, want)
		}
		// And back: the position gives the offset of the text.
		if off, ok := ix.TextOffset(want, id, "other"); !ok || off != strings.Index(text, "{{") {
			t.Errorf("%s: TextOffset(%v) = %d %v, want %d", id, want, off, ok, strings.Index(text, "{{"))
		}
	}
	if _, ok := ix.TextOffset(Pos{Line: 1, Col: 2}, "a", "other"); ok {
		t.Error("a position before the string gave an offset")
	}
}
