package catalog

import "testing"

// FuzzParseMessages feeds arbitrary bytes to the catalogue parser: it
// returns messages or positioned diagnostics, and never panics.
func FuzzParseMessages(f *testing.F) {
	f.Add([]byte("[t]\nother = \"x\"\n"))
	f.Add([]byte("[\"a.b\"]\none = \"{{.Count}}\"\nother = \"{{.Count}}s\"\nhash = \"sha1-x\"\n"))
	f.Add([]byte("[t]\nother = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		msgs, ds := parseMessages("b.km.toml", data)
		for _, d := range ds {
			if d.Pos.File != "b.km.toml" || d.Pos.Line < 1 {
				t.Fatalf("diagnostic without a position: %v", d)
			}
		}
		for _, m := range msgs {
			if m.Pos.Line < 1 {
				t.Fatalf("message %q without a position", m.ID)
			}
		}
	})
}
