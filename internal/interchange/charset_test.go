package interchange

import "testing"

// TestDeclaredCharsetIsTheHeaders: the charset a file names is its PO
// header's Content-Type or its XML declaration's encoding; a "charset="
// or "encoding=" in a comment or a translation names nothing.
func TestDeclaredCharsetIsTheHeaders(t *testing.T) {
	for _, c := range []struct{ path, data, want string }{
		{"a.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", "ISO-8859-1"},
		{"a.po", "# saved with charset=cp1252 once, fixed since\nmsgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n", "UTF-8"},
		{"a.po", "# charset=cp1252\nmsgid \"x\"\nmsgstr \"charset=latin1\"\n", ""},
		{"a.po", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=latin1\\n\"\n", "latin1"},
		{"a.po", "msgid \"\"\nmsgstr \"\"\n\"Language: km\\nContent-Type: text/plain; charset=CP1252\\n\"\n", "CP1252"},
		{"a.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=CHARSET\\n\"\n", ""},
		{"a.xlf", "\uFEFF<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n<xliff/>", "windows-1258"},
		{"a.xlf", "<?xml version=\"1.0\"?>\n<xliff><note>encoding=latin1</note></xliff>", ""},
	} {
		if got := declaredCharset(c.path, []byte(c.data)); got != c.want {
			t.Errorf("declaredCharset(%q) = %q, want %q", c.data, got, c.want)
		}
	}
}
