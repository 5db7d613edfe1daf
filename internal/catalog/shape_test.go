package catalog

import (
	"strings"
	"testing"
)

// TestMessageNotATable: go-i18n's other forms of a message (the short
// form, an inline table, dotted keys) are errors at the message, since
// sync, import and check --fix edit only tables; a key in another case
// (Other), which go-i18n reads as other, is an unknown key.
func TestMessageNotATable(t *testing.T) {
	for _, c := range []struct {
		name, text, code string
		line             int
		hint             string
	}{
		{"a table", "[\"a\"]\nother = \"x\"\n\n", "", 0, ""},
		{"inline table", "\"b\" = { hash = \"sha1-0\", other = \"y\" }\n[\"a\"]\nother = \"x\"\n", "catalogue-format", 1, `["b"]`},
		{"dotted keys", "\"b\".other = \"y\"\n[\"a\"]\nother = \"x\"\n", "catalogue-format", 1, `["b"]`},
		{"id = text", "b = \"y\"\n[\"a\"]\nother = \"x\"\n", "catalogue-format", 1, `["b"]`},
		{"key in upper case", "[\"a\"]\nother = \"x\"\nOther = \"z\"\n", "unknown-key", 3, `"other"`},
	} {
		_, ds := parseMessages("b.km.toml", []byte(c.text))
		if c.code == "" {
			if ds.HasErrors() {
				t.Errorf("%s: %v", c.name, ds)
			}
			continue
		}
		if len(ds) == 0 || ds[0].Code != c.code || ds[0].Pos.Line != c.line || !strings.Contains(ds[0].Hint, c.hint) {
			t.Errorf("%s: %v; want %s at line %d with a hint naming %s", c.name, ds, c.code, c.line, c.hint)
		}
	}
}
