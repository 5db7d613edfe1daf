package catalog

import "testing"

// TestDuplicateTableIsNamed checks the finding for a message defined
// twice in a file: the message and both lines, in check and build alike,
// while other redefinitions and other errors keep the decoder's finding.
func TestDuplicateTableIsNamed(t *testing.T) {
	for _, c := range []struct{ name, text, code, msg string }{
		{"table twice", "[\"a\"]\nother = \"x\"\n\n[\"b\"]\nother = \"y\"\n[\"a\"]\nother = \"z\"\n",
			CodeDuplicateID, `message "a" is defined twice in this file (first at line 1)`},
		{"key twice", "[\"a\"]\nother = \"x\"\nother = \"y\"\n", "toml-syntax", ""},
		{"broken line, then a table twice", "[\"a\"] = 3\n[\"a\"]\nother = \"x\"\n", "toml-syntax", ""},
	} {
		_, ds := parseMessages("b.km.toml", []byte(c.text))
		if len(ds) == 0 {
			t.Errorf("%s: no finding", c.name)
			continue
		}
		if d := ds[0]; d.Code != c.code || (c.msg != "" && d.Msg != c.msg) {
			t.Errorf("%s: got %s %q at %d:%d, want %s %q", c.name, d.Code, d.Msg, d.Pos.Line, d.Pos.Col, c.code, c.msg)
		}
		if c.code == CodeDuplicateID && (ds[0].Pos.Line != 6 || ds[0].Pos.Col != 1) {
			t.Errorf("%s: at %d:%d, want the second table's header, 6:1", c.name, ds[0].Pos.Line, ds[0].Pos.Col)
		}
	}
}
