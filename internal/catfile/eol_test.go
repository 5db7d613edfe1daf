package catfile

import "testing"

// TestEntryKeepsItsLineEnds: an entry pasted with CR LF into a file of LF
// keeps CR LF on the lines sync writes into it (owned comments, notes, a
// new key), and the file's other entries keep LF, so git shows only the
// lines whose text changed.
func TestEntryKeepsItsLineEnds(t *testing.T) {
	src := "[\"a\"]\n# en: A\nother = \"x\"\n\n[\"b\"]\r\n# en: B\r\nother = \"y\"\r\n"
	d := Parse([]byte(src))
	a, b := d.Table("a"), d.Table("b")
	d.SetOwned(a, []string{"en: A2"})
	d.SetOwned(b, []string{"en: B2", "was: B"})
	d.SetNotes(b, []string{"checked"})
	if _, err := d.Set(b, "hash", "sha1-0"); err != nil {
		t.Fatal(err)
	}
	want := "[\"a\"]\n# en: A2\nother = \"x\"\n\n[\"b\"]\r\n# en: B2\r\n# was: B\r\n# checked\r\nother = \"y\"\r\nhash = \"sha1-0\"\r\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
