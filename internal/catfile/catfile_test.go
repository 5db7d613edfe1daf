package catfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file with every feature a translator's editor may leave: BOM, CRLF,
// end-of-line comments, comments above and inside tables, a dotted bare
// header, a multi-line string holding a line that looks like a header.
const tricky = "\uFEFF# Khmer, by Sok.\r\n\r\n# about the title\r\n[\"title\"] # note\r\n# en: Jobs\r\nhash = \"sha1-1\"  # checked by Sok\r\nother = 'ការងារ'\r\n\r\n[findings.p1]\r\nother = \"\"\"\r\n[not.a.header]\r\n\"\"\"\r\n"

func TestParseRoundTrip(t *testing.T) {
	d := Parse([]byte(tricky))
	if got := string(d.Bytes()); got != tricky {
		t.Fatalf("round trip changed bytes:\n%q\n%q", got, tricky)
	}
	if !d.BOM || d.EOL != "\r\n" {
		t.Errorf("BOM %v, EOL %q", d.BOM, d.EOL)
	}
	var ids []string
	for _, tb := range d.Tables {
		ids = append(ids, tb.ID)
	}
	if strings.Join(ids, ",") != "title,findings.p1" {
		t.Errorf("tables %v", ids)
	}
}

func TestEditsTouchOnlyTheirLine(t *testing.T) {
	d := Parse([]byte(tricky))
	tb := d.Table("title")
	if _, err := d.SetValue(tb, "hash", "sha1-2"); err != nil {
		t.Fatal(err)
	}
	d.SetOwned(tb, []string{"en: Jobs now"})
	want := strings.Replace(strings.Replace(tricky, `"sha1-1"`, `"sha1-2"`, 1), "# en: Jobs\r\n", "# en: Jobs now\r\n", 1)
	if got := string(d.Bytes()); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	// A multi-line value becomes one line, and the lines after it stay.
	if _, err := d.SetValue(d.Table("findings.p1"), "other", "x"); err != ErrMultiline {
		t.Errorf("SetValue of a multi-line value: %v, want ErrMultiline (check --fix leaves it)", err)
	}
	if _, err := d.Set(d.Table("findings.p1"), "other", "x\ny"); err != nil {
		t.Errorf("multi-line value: %v", err)
	}
	want = strings.Replace(want, "other = \"\"\"\r\n[not.a.header]\r\n\"\"\"\r\n", "other = \"x\\ny\"\r\n", 1)
	if got := string(d.Bytes()); got != want {
		t.Errorf("after the multi-line edit, got\n%q\nwant\n%q", got, want)
	}
	// One with an end-of-line comment after its closing quotes, and
	// escaped quotes inside.
	d = Parse([]byte("[\"a\"]\nother = \"\"\"one \\\"quoted\\\" two\nthree\"\"\" # kept\nhash = \"h\"\n"))
	if _, err := d.Set(d.Table("a"), "other", "new"); err != nil {
		t.Fatal(err)
	}
	if got := string(d.Bytes()); got != "[\"a\"]\nother = \"new\" # kept\nhash = \"h\"\n" {
		t.Errorf("got %q", got)
	}
}

func TestInsertKeepsLeadingComments(t *testing.T) {
	src := "[\"a\"]\nother = \"x\"\n\n# note for b\n[\"b\"]\nother = \"y\"\n"
	d := Parse([]byte(src))
	d.Insert(d.Table("a"), d.NewTable("n", "hash = \"h\""))
	want := "[\"a\"]\nother = \"x\"\n\n[\"n\"]\nhash = \"h\"\n\n# note for b\n[\"b\"]\nother = \"y\"\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	d.Append(d.NewTable("z", "hash = \"h\""))
	if !strings.HasSuffix(string(d.Bytes()), "other = \"y\"\n\n[\"z\"]\nhash = \"h\"\n") {
		t.Errorf("append: %q", d.Bytes())
	}
}

func TestCommentTextRoundTrip(t *testing.T) {
	for _, s := range []string{"a\nb", `back\slash \n literal`, "cr\r\nlf"} {
		if got := UnComment(CommentText(s)); got != s {
			t.Errorf("%q -> %q -> %q", s, CommentText(s), got)
		}
	}
}

func TestWriteKeepsMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.km.toml")
	if err := os.WriteFile(p, []byte("[\"a\"]\nother = \"x\"\n"), 0o444); err != nil {
		t.Fatal(err)
	}
	d, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	d.Set(d.Table("a"), "hash", "h")
	if wrote, err := d.Write(); err != nil || !wrote {
		t.Fatalf("wrote %v, %v", wrote, err)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != 0o444 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	got, _ := os.ReadFile(p)
	if string(got) != "[\"a\"]\nother = \"x\"\nhash = \"h\"\n" {
		t.Errorf("got %q", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(tricky))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got := Parse(b).Bytes(); string(got) != string(b) {
			t.Fatalf("round trip changed %q to %q", b, got)
		}
	})
}

// FuzzSetOwned: rewriting the owned comments of every table of any file
// leaves every other line as it was.
func FuzzSetOwned(f *testing.F) {
	f.Add([]byte(tricky))
	f.Fuzz(func(t *testing.T, b []byte) {
		d := Parse(b)
		for _, tb := range d.Tables {
			if !strings.HasSuffix(tb.Lines[0], "\n") {
				return
			}
			d.SetOwned(tb, []string{"en: x\\ny", "stale: z"})
		}
		drop := func(s string) string {
			var out strings.Builder
			for _, l := range strings.SplitAfter(s, "\n") {
				if !IsOwned(l) {
					out.WriteString(l)
				}
			}
			return out.String()
		}
		if got, want := drop(string(d.Bytes())), drop(string(b)); got != want {
			t.Fatalf("lines changed:\n%q\n%q", got, want)
		}
	})
}

// sync on a catalogue that is a symbolic link replaced the link with a
// file, so the shared catalogue it pointed to never saw the change.
func TestWriteKeepsSymlink(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared.toml")
	if err := os.WriteFile(shared, []byte("[\"a\"]\nother = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "b.km.toml")
	if err := os.Symlink(shared, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	d, err := Read(link)
	if err != nil {
		t.Fatal(err)
	}
	d.Set(d.Table("a"), "hash", "h")
	if _, err := d.Write(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link became a file (%v)", err)
	}
	if got, _ := os.ReadFile(shared); string(got) != "[\"a\"]\nother = \"x\"\nhash = \"h\"\n" {
		t.Errorf("the linked file has %q", got)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// TestNotes: a table's own comments are its notes, the owned ones and
// those leading to the next table are not; SetNotes replaces them after
// the owned comments and keeps everything else.
func TestNotes(t *testing.T) {
	src := "[\"a\"]\n# en: Jobs\n# checked by Sok\nhash = \"h\"\n# second thought\nother = \"x\"\n\n# about b\n[\"b\"]\nother = \"y\"\n"
	d := Parse([]byte(src))
	a := d.Table("a")
	if got := strings.Join(a.Notes(), "|"); got != "checked by Sok|second thought" {
		t.Errorf("notes %q", got)
	}
	if !d.SetNotes(a, []string{"Sok: use the ministry's term", "two\nlines"}) {
		t.Error("no change reported")
	}
	want := "[\"a\"]\n# en: Jobs\n# Sok: use the ministry's term\n# two\\nlines\nhash = \"h\"\nother = \"x\"\n\n# about b\n[\"b\"]\nother = \"y\"\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if got := d.Table("a").Notes(); len(got) != 2 || got[1] != "two\nlines" {
		t.Errorf("notes after: %q", got)
	}
}

// TestSetBefore: a key a table lacks goes on the line before the first of
// the keys named that the table has; one it has is set in place, its
// comment kept.
func TestSetBefore(t *testing.T) {
	doc := Parse([]byte("[\"a\"]\n# en: x\none = \"1\"\nother = \"2\"\n\n[\"b\"]\nhash = \"h\"  # checked\nother = \"3\"\n"))
	a, b := doc.Table("a"), doc.Table("b")
	if _, err := doc.SetBefore(a, "hash", "new", "few", "other", "one"); err != nil {
		t.Fatal(err)
	}
	if !b.HasComment("hash") || a.HasComment("one") || a.HasComment("missing") {
		t.Errorf("HasComment: b.hash %v, a.one %v", b.HasComment("hash"), a.HasComment("one"))
	}
	if _, err := doc.SetBefore(b, "hash", "", "other"); err != nil {
		t.Fatal(err)
	}
	want := "[\"a\"]\n# en: x\nhash = \"new\"\none = \"1\"\nother = \"2\"\n\n[\"b\"]\nhash = \"\"  # checked\nother = \"3\"\n"
	if got := string(doc.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestOwnedComments: briefs owns the comments sync writes ("# en:", "# en
// one:", "# was other:"), and a person's that begin with the same words
// ("# was told: …", "# en route: …") are theirs.
func TestOwnedComments(t *testing.T) {
	for line, want := range map[string]bool{
		"# en: Jobs in zones":              true,
		"# en one: {{.Count}} page":        true,
		"# was other: Most workers":        true,
		"# stale: the English changed":     true,
		"# was told: use the formal form":  false,
		"# en route: a migrant in transit": false,
		"# enough said: keep it short":     false,
		"# translator: Sok Dara":           false,
	} {
		if got := IsOwned(line); got != want {
			t.Errorf("IsOwned(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestOwnedCommentsOfEveryTag(t *testing.T) {
	for _, line := range []string{"# suggestion one: {{.Count}} ទំព័រ", "# was description: Title", "# orphan: no brief uses it", "# description: Title of the brief"} {
		if !IsOwned(line) {
			t.Errorf("IsOwned(%q) = false, want true", line)
		}
	}
}

// TestThreeQuotesInAOneLineString: ”' or """ inside a one-line string is
// text, not a multi-line string's start: counted as one, the rest of the
// file read as a string, and sync appended a duplicate of every table
// after it (a translator's round trip). A value that opens a multi-line
// string still hides the tables in it.
func TestThreeQuotesInAOneLineString(t *testing.T) {
	src := "[\"a\"]\nother = \"ថៃ '''\"\n\n[\"b\"]\nother = 'say \"\"\"'\n\n[\"c\"]\nother = \"\"\"\n[\"not.a.table\"]\n\"\"\"\n\n[\"d\"]\nother = '''x''' \n"
	d := Parse([]byte(src))
	var ids []string
	for _, tb := range d.Tables {
		ids = append(ids, tb.ID)
	}
	if strings.Join(ids, ",") != "a,b,c,d" {
		t.Errorf("tables %v, want a,b,c,d", ids)
	}
	if string(d.Bytes()) != src {
		t.Error("round trip changed bytes")
	}
}
