package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// canonicalFiles are catalogues of the fixtures: the form sync writes.
func canonicalFiles(t testing.TB) map[string][]byte {
	names, err := filepath.Glob("../../testdata/samples/locales/*.toml")
	if err != nil || len(names) < 20 {
		t.Fatalf("fixture catalogues: %v, %d", err, len(names))
	}
	out := map[string][]byte{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = data
	}
	return out
}

// TestCanonicalIsGeneral holds the fast path equal to the general one on
// every fixture catalogue, and on edits that keep the canonical form
// (escapes, comments after values, an empty form, a description).
func TestCanonicalIsGeneral(t *testing.T) {
	files := canonicalFiles(t)
	files["x/edit.km.toml"] = []byte("# top\n\n[\"a.b\"] # note\n# en: x\ndescription = \"d \\\"q\\\" \\u00e9\\U0001F600\\t\"\nhash = \"sha1-1\"  # checked by Sok\none = \"\"\nother = \"t\\\\n\"\n\n[\"c\"]\nhash = \"h\"\n")
	fast := 0
	for name, data := range files {
		if strings.HasSuffix(name, "terms.toml") {
			continue // not a message catalogue
		}
		got, ok := parseCanonical(name, data)
		want, ds := parseGeneral(name, data)
		if !ok {
			if !strings.Contains(string(data), "'''") && !strings.Contains(string(data), `"""`) {
				t.Errorf("%s: not read by the fast path", name)
			}
			continue
		}
		fast++
		if ds.HasErrors() {
			t.Fatalf("%s: fast path read what the general one refuses: %v", name, ds)
		}
		if d := diffMessages(got, want); d != "" {
			t.Fatalf("%s: %s", name, d)
		}
	}
	if fast < 20 {
		t.Errorf("the fast path read only %d files", fast)
	}
}

// TestCanonicalDeclines lists input the fast path must leave to the
// general one.
func TestCanonicalDeclines(t *testing.T) {
	for _, src := range []string{
		"[\"a\"]\r\nother = \"x\"\r\n",            // CRLF
		"\uFEFF[\"a\"]\nother = \"x\"\n",          // BOM
		"[a]\nother = \"x\"\n",                    // bare key header
		"[\"a\"]\nother = 'x'\n",                  // literal string
		"[\"a\"]\nother = \"x\"\nother = \"y\"\n", // duplicate key
		"[\"a\"]\nother = \"x\"\n[\"a\"]\n",       // duplicate table
		"[\"a\"]\nohter = \"x\"\n",                // unknown key
		"[\"a\"]\nother = \"x\\q\"\n",             // bad escape
		"[\"a\"]\nother = \"x\\uD800\"\n",         // surrogate
		"[\"a\"]\nother = \"x\x01\"\n",            // control character
		"[\"a\"]\n# \x7f\nother = \"x\"\n",        // control character in a comment
		"other = \"x\"\n",                         // key before any table
		"[\"a\"]\n",                               // empty table
		"[\"a\"]\nother = \"x\" junk\n",           // junk after the value
		"[\"a\"]\n  other = \"x\"\n",              // indented
	} {
		if _, ok := parseCanonical("x/b.km.toml", []byte(src)); ok {
			t.Errorf("fast path read %q", src)
		}
	}
	var many strings.Builder
	for i := 0; i <= MaxMessages; i++ {
		fmt.Fprintf(&many, "[\"m%d\"]\nother = \"x\"\n", i)
	}
	if _, ok := parseCanonical("x/b.km.toml", []byte(many.String())); ok {
		t.Error("fast path read a catalogue over the message limit")
	}
	if _, ok := parseCanonical("x/b.xx.toml", []byte("[\"a\"]\nother = \"x\"\n")); ok {
		t.Error("fast path read a catalogue of a language without a plural rule")
	}
}

// FuzzCanonical holds the fast path to the general one on any input it
// accepts.
func FuzzCanonical(f *testing.F) {
	for _, data := range canonicalFiles(f) {
		f.Add(data)
	}
	f.Add([]byte("[\"a\"]\nother = \"x\\u00e9\"  # c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // parseMessages refuses it before either path
		}
		got, ok := parseCanonical("x/b.km.toml", data)
		if !ok {
			return
		}
		want, ds := parseGeneral("x/b.km.toml", data)
		if ds.HasErrors() {
			t.Fatalf("fast path read what the general one refuses: %v", ds)
		}
		if d := diffMessages(got, want); d != "" {
			t.Fatal(d)
		}
	})
}

// diffMessages says how two readings of a catalogue differ, or "".
func diffMessages(got, want []*Message) string {
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			return fmt.Sprintf("message %d\nfast    %+v\ngeneral %+v", i, *got[i], *want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d messages, general %d", len(got), len(want))
	}
	return ""
}
