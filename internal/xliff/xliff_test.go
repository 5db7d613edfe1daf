package xliff

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func sample() *File {
	return &File{Original: "locales/b.en.toml", SourceLang: "en", TargetLang: "vi", Units: []Unit{
		{ID: "title", Resname: "title", Source: `Jobs & "pay" <now>`, Target: "Việc làm", State: "translated",
			Notes: []Note{{From: "description", Text: "Title\nof the brief"}}},
		{ID: "n[0]", Resname: "n", Group: "n", Source: "{{.Count}} workers", Target: "", State: "needs-translation"},
	}}
}

func TestWriteParseRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<ph id="1" ctype="x-template">{{.Count}}</ph>`) {
		t.Errorf("no <ph> for the template action:\n%s", b.String())
	}
	g, err := Parse(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := sample()
	for i := range g.Units {
		g.Units[i].Line, g.Units[i].Col = 0, 0
		if g.Units[i].Source != want.Units[i].Source || g.Units[i].Target != want.Units[i].Target ||
			g.Units[i].Group != want.Units[i].Group || g.Units[i].State != want.Units[i].State {
			t.Errorf("unit %d: got %+v, want %+v", i, g.Units[i], want.Units[i])
		}
	}
	if g.Units[0].Notes[0].Text != "Title\nof the brief" || g.TargetLang != "vi" {
		t.Errorf("notes or languages lost: %+v", g)
	}
}

func TestParseErrorsHavePositions(t *testing.T) {
	for _, src := range []string{
		"<xliff version=\"1.2\">\n<file><body><trans-unit id=\"a\"><source>x</sourc></trans-unit></body></file></xliff>",
		"<xliff version=\"2.0\"><file/></xliff>",
	} {
		_, err := Parse([]byte(src))
		if e, ok := err.(*Error); !ok || e.Line == 0 || e.Hint == "" {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// TestNotWellFormedRefused: what XML forbids and encoding/xml lets
// through is refused at its place, where the last of two translations
// (or of two state attributes) used to win without a word.
func TestNotWellFormedRefused(t *testing.T) {
	const head = `<xliff version="1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>` + "\n"
	for _, tc := range []struct{ src, want string }{
		{head + `<trans-unit id="a"><source>x</source><target>ក</target><target>ខ</target></trans-unit></body></file></xliff>`, "second <target>"},
		{head + `<trans-unit id="a"><source>x</source><target state="new" state="translated">ក</target></trans-unit></body></file></xliff>`, "attribute state twice"},
		{head + `<trans-unit id="a"><source>x</source><target>ក</target></trans-unit></body></file></xliff>` + "\n<xliff/>", "after the end of the document"},
		{head + `<trans-unit id="a"><source>x</source><target>ក</target></trans-unit></body></file></xliff>` + "\ntrailing", "after the end of the document"},
	} {
		_, err := Parse([]byte(tc.src))
		if e, ok := err.(*Error); !ok || e.Line < 1 || e.Hint == "" || !strings.Contains(e.Msg, tc.want) {
			t.Errorf("%q: %v; want an error with %q", tc.src, err, tc.want)
		}
	}
	ok := head + `<trans-unit id="a"><source>x</source><target>ក</target><note>n</note><note>m</note></trans-unit></body></file></xliff>` + "\n<!-- saved -->\n"
	if _, err := Parse([]byte(ok)); err != nil {
		t.Errorf("two notes and a comment after the root: %v", err)
	}
}

// TestSchema validates a written document against the OASIS XLIFF 1.2
// strict schema (testdata/schema, with its notice) with xmllint.
func TestSchema(t *testing.T) {
	xmllint := need(t, "xmllint", "libxml2-utils")
	dir := t.TempDir()
	var b bytes.Buffer
	Write(&b, sample())
	p := filepath.Join(dir, "b.xlf")
	os.WriteFile(p, b.Bytes(), 0o644)
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", filepath.Join("testdata", "schema", "xliff-core-1.2-strict.xsd"), p).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// need finds a tool; outside CI a missing tool skips the test, under
// CI=true it fails naming the Debian package.
func need(t *testing.T, tool, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not found: apt-get install %s", tool, pkg)
	}
	t.Skipf("%s not found (Debian package %s)", tool, pkg)
	return ""
}

func FuzzParse(f *testing.F) {
	var b bytes.Buffer
	Write(&b, sample())
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := Parse(data); err != nil {
			if e, ok := err.(*Error); !ok || e.Line < 1 || e.Hint == "" {
				t.Fatalf("error without a position or hint: %v", err)
			}
		}
	})
}

// TestTargetCodesFromSource: a tool that writes a code as <x id="1"/> or an
// empty <ph id="1"/> gets the source's code back.
func TestTargetCodesFromSource(t *testing.T) {
	doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>
<trans-unit id="a"><source>Page <ph id="1">{{.Page}}</ph> of <ph id="2">{{.Total}}</ph></source><target state="translated">ទំព័រ <x id="1"/>/<ph id="2"/></target></trans-unit>
</body></file></xliff>`
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Units[0].Target; got != "ទំព័រ {{.Page}}/{{.Total}}" {
		t.Errorf("target %q", got)
	}
}

// TestTargetCodesBriefsCannotKeep: formatting a CAT tool added (<g>) and a
// placeholder that stands for no code of the source are refused at their
// position; the text around them used to pass with the tag dropped.
func TestTargetCodesBriefsCannotKeep(t *testing.T) {
	for _, target := range []string{`ទំព័រ <g id="1">ដំបូង</g>`, `ទំព័រ <x id="9"/>`, `ទំព័រ <ph id="3"/>`} {
		doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>
<trans-unit id="a"><source>Page <ph id="1">{{.Page}}</ph></source><target state="translated">` + target + `</target></trans-unit>
</body></file></xliff>`
		_, err := Parse([]byte(doc))
		if e, ok := err.(*Error); !ok || e.Line != 2 || e.Hint == "" {
			t.Errorf("%s: got %v, want a positioned error with a hint", target, err)
		}
	}
}

// TestAltTransIsNotTheTranslation: a TM or MT proposal (<alt-trans>) with
// another tool's formatting codes, and context groups, are passed over:
// the unit's own target is read, and nothing in them refuses the file.
func TestAltTransIsNotTheTranslation(t *testing.T) {
	doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>
<trans-unit id="a"><source>Page one</source><target state="translated">ទំព័រទីមួយ</target>
<alt-trans match-quality="80" origin="mt"><source>Page <g id="1">one</g></source><target>ទំព័រ <bpt id="1">&lt;b&gt;</bpt>មួយ<ept id="1">&lt;/b&gt;</ept></target></alt-trans>
<context-group purpose="location"><context context-type="linenumber">3</context></context-group>
</trans-unit>
</body></file></xliff>`
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Units) != 1 || f.Units[0].Target != "ទំព័រទីមួយ" || f.Units[0].Source != "Page one" {
		t.Errorf("units %+v", f.Units)
	}
}

// TestEscapedCodesRefused: a target whose placeholders a tool escaped
// into text (&lt;ph id="1"&gt;) is refused at its unit, where it would
// have printed the tags.
func TestEscapedCodesRefused(t *testing.T) {
	doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>
<trans-unit id="a"><source>Page <ph id="1">{{.Page}}</ph></source><target state="translated">ទំព័រ &lt;ph id="1"&gt;{{.Page}}&lt;/ph&gt;</target></trans-unit>
</body></file></xliff>`
	_, err := Parse([]byte(doc))
	if e, ok := err.(*Error); !ok || e.Line != 2 || e.Hint == "" {
		t.Errorf("got %v, want an error at the unit with a hint", err)
	}
	// A source that writes such text itself keeps it in its target.
	doc = strings.ReplaceAll(doc, `Page <ph id="1">{{.Page}}</ph>`, `Page &lt;ph id="1"&gt;{{.Page}}&lt;/ph&gt;`)
	if _, err := Parse([]byte(doc)); err != nil {
		t.Errorf("a source's own tag text refused: %v", err)
	}
}

// TestPrettyPrintedUnitsAndPackages: a unit a tool re-indented, with no
// xml:space="preserve", reads as its text; a document of two <file>s is
// refused at the second.
func TestPrettyPrintedUnitsAndPackages(t *testing.T) {
	head := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>`
	doc := head + `
<trans-unit id="a">
  <source>
    Jobs in  zones
  </source>
  <target state="translated">
    ការងារ  នៅ
    តំបន់
  </target>
</trans-unit>
<trans-unit id="b" xml:space="preserve"><source>x</source><target state="translated"> y
</target></trans-unit>
</body></file></xliff>`
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if u := f.Units[0]; u.Source != "Jobs in  zones" || u.Target != "ការងារ  នៅ តំបន់" {
		t.Errorf("re-indented unit: %q / %q", u.Source, u.Target)
	}
	if u := f.Units[1]; u.Target != " y\n" {
		t.Errorf("preserved unit: %q", u.Target)
	}
	two := head + `<trans-unit id="a"><source>a</source><target>b</target></trans-unit></body></file>
<file original="p" source-language="en" target-language="vi" datatype="plaintext"><body></body></file></xliff>`
	if _, err := Parse([]byte(two)); err == nil || err.(*Error).Line != 2 {
		t.Errorf("two files: %v, want an error at the second <file>", err)
	}
}

// TestWrongEncodingDeclaration: UTF-8 bytes declared as UTF-16, as some
// exporters write them, read as the UTF-8 they are.
func TestWrongEncodingDeclaration(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>
<trans-unit id="a" xml:space="preserve"><source>Page</source><target state="translated">ទំព័រ</target></trans-unit>
</body></file></xliff>`
	f, err := Parse([]byte(doc))
	if err != nil || f.Units[0].Target != "ទំព័រ" {
		t.Errorf("%v %+v", err, f)
	}
}

// TestInheritedSpace: xml:space="preserve" on an enclosing element keeps
// a unit's white space (XML 1.0, 2.10).
func TestInheritedSpace(t *testing.T) {
	doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext" xml:space="preserve"><body>
<trans-unit id="a"><source>x</source><target state="translated">ក
ខ</target></trans-unit>
</body></file></xliff>`
	f, err := Parse([]byte(doc))
	if err != nil || f.Units[0].Target != "ក\nខ" {
		t.Errorf("%v %q", err, f.Units[0].Target)
	}
}

// TestWhichTargetsNeedReview: a target is settled only in a translated,
// final or signed-off state, or with no state on an approved unit; a
// target with no state (a CAT tool that dropped the export's
// needs-review-translation) and one a machine or memory proposed are to
// review whatever their state; one a memory gave (leveraged-tm) in a
// confirmed state is reviewed.
func TestWhichTargetsNeedReview(t *testing.T) {
	for _, c := range []struct {
		unit, target string
		fuzzy        bool
	}{
		{`<trans-unit id="a">`, `<target state="translated">`, false},
		{`<trans-unit id="a">`, `<target state="final">`, false},
		{`<trans-unit id="a">`, `<target state="signed-off">`, false},
		{`<trans-unit id="a" approved="yes">`, `<target>`, false},
		{`<trans-unit id="a">`, `<target state="translated" state-qualifier="exact-match">`, false},
		{`<trans-unit id="a">`, `<target>`, true},
		{`<trans-unit id="a" approved="no">`, `<target>`, true},
		{`<trans-unit id="a">`, `<target state="needs-review-translation">`, true},
		{`<trans-unit id="a">`, `<target state="new">`, true},
		{`<trans-unit id="a">`, `<target state="translated" state-qualifier="mt-suggestion">`, true},
		{`<trans-unit id="a" approved="yes">`, `<target state="final" state-qualifier="leveraged-tm">`, false},
		{`<trans-unit id="a" approved="yes">`, `<target state-qualifier="leveraged-tm">`, true},
		{`<trans-unit id="a">`, `<target state="translated" state-qualifier="rejected-inaccurate">`, true},
	} {
		doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>
` + c.unit + `<source>Contact</source>` + c.target + `ទំនាក់ទំនង</target></trans-unit>
</body></file></xliff>`
		f, err := Parse([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Units[0].Fuzzy(); got != c.fuzzy {
			t.Errorf("%s%s: fuzzy %v, want %v", c.unit, c.target, got, c.fuzzy)
		}
	}
}

// TestTargetPos: a finding's byte offset in the target text is found in
// the file, line and column, through entities and character references;
// past an inline code it is not (the code's text is the source's).
func TestTargetPos(t *testing.T) {
	doc := "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"o\" source-language=\"en\" target-language=\"km\" datatype=\"plaintext\"><body>\n" +
		"<trans-unit id=\"a\" xml:space=\"preserve\"><source>A &amp; B *c</source>\n" +
		"<target state=\"translated\">ក &amp; ខ&#x200B;\nគ *ឃ <ph id=\"1\">{{.X}}</ph> *</target></trans-unit>\n</body></file></xliff>"
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	crlf, err := Parse([]byte(strings.ReplaceAll(doc, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []*Unit{&f.Units[0], &crlf.Units[0]} {
		targetPositions(t, u)
	}
}

// targetPositions checks TargetPos on TestTargetPos's unit.
func targetPositions(t *testing.T, u *Unit) {
	t.Helper()
	for _, c := range []struct {
		find      string
		line, col int
		ok        bool
	}{
		{"ក", 3, 28, true},
		{"&", 3, 30, true},
		{"ខ", 3, 36, true},
		{"គ", 4, 1, true},
		{"*ឃ", 4, 3, true},
		{" *", 0, 0, false}, // after the <ph>
	} {
		off := strings.Index(u.Target, c.find)
		if c.find == " *" {
			off = strings.LastIndex(u.Target, c.find)
		}
		line, col, ok := u.TargetPos(off)
		if line != c.line || col != c.col || ok != c.ok {
			t.Errorf("%q at byte %d: %d:%d %v, want %d:%d %v", c.find, off, line, col, ok, c.line, c.col, c.ok)
		}
	}
}

// TestRefusalHints: an XLIFF 2.0 or 1.0 file is told to come as 1.2 (the
// hint spoke of po2xliff, which writes 1.1), and an entity a DOCTYPE declares
// (&nbsp;), valid XML that the reader does not expand, is not called
// broken XML.
func TestRefusalHints(t *testing.T) {
	for doc, want := range map[string]string{
		`<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="km"></xliff>`: "not 2.x",
		`<xliff version="1.0"></xliff>`: "XLIFF 1.2",
		"<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY nbsp \"&#160;\">]>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"o\" source-language=\"en\" target-language=\"km\" datatype=\"plaintext\"><body>\n" +
			"<trans-unit id=\"a\"><source>A</source><target state=\"translated\">ក&nbsp;ខ</target></trans-unit></body></file></xliff>": "&#160;",
	} {
		_, err := Parse([]byte(doc))
		var xe *Error
		if !errors.As(err, &xe) || !strings.Contains(xe.Hint, want) || strings.HasPrefix(want, "not") && strings.Contains(xe.Hint, "po2xliff") {
			t.Errorf("%.40q: %v, want a hint with %q", doc, err, want)
		}
	}
}

// TestColumnsCountCharacters: a target that starts after Khmer text on its
// line is placed at its column in characters, as PO's are; the decoder
// counts bytes, three a Khmer letter.
func TestColumnsCountCharacters(t *testing.T) {
	doc := "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"o\" source-language=\"en\" target-language=\"km\" datatype=\"plaintext\"><body>\n" +
		"<trans-unit id=\"a\" xml:space=\"preserve\"><source>ទំនាក់</source><target state=\"translated\">*ខ</target></trans-unit>\n</body></file></xliff>"
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Split(doc, "\n")[1]
	want := utf8.RuneCountInString(line[:strings.Index(line, "*ខ")]) + 1
	if l, c, ok := f.Units[0].TargetPos(0); !ok || l != 2 || c != want {
		t.Errorf("target at %d:%d %v, want 2:%d", l, c, ok, want)
	}
}

// TestSyntaxErrorColumns: a syntax error, for which encoding/xml gives a
// line alone, is placed at the markup the decoder stopped in, in
// characters: it was always column 1.
func TestSyntaxErrorColumns(t *testing.T) {
	const head = "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"o\" source-language=\"en\" target-language=\"km\" datatype=\"plaintext\"><body>\n" +
		"<trans-unit id=\"a\" xml:space=\"preserve\"><source>Workers</source>\n"
	for _, c := range []struct{ line, at string }{
		{"  <target state=\"translated\">ពលករ ចំណាកស្រុក</targt>", "</targt>"}, // a mistyped end tag
		{"  <target state=\"translated\">ពលករ&nbsp;ចំណាក</target>", "&nbsp;"},  // an entity no DOCTYPE declares
		{"  <target state=\"translated\">ពលករ < ចំណាក</target>", "< "},         // a < that opens no tag
		{"  <target state=translated>ពលករ</target>", "<target"},                // an unquoted attribute
		{"  <target state=\"translated\">ពលករ\x01</target>", "\x01"},           // a character XML forbids
	} {
		doc := head + c.line + "\n</trans-unit></body></file></xliff>"
		_, err := Parse([]byte(doc))
		var xe *Error
		if !errors.As(err, &xe) {
			t.Errorf("%q: %v, want an *Error", c.line, err)
			continue
		}
		want := utf8.RuneCountInString(c.line[:strings.Index(c.line, c.at)]) + 1
		if xe.Line != 3 || xe.Col != want {
			t.Errorf("%q: %d:%d: %s, want 3:%d", c.line, xe.Line, xe.Col, xe.Msg, want)
		}
	}
}

// TestToolNamespacesAreTheTools: an attribute of a tool's own namespace
// with the local name of an XLIFF one (Okapi's its:version, SDL's
// sdl:approved, memoQ's mq:resname) is not XLIFF's.
func TestToolNamespacesAreTheTools(t *testing.T) {
	doc := `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0" version="1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns:mq="MQXliff"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>
<trans-unit id="a" mq:resname="x1" resname="title" sdl:approved="yes"><source>Jobs</source><target>ការងារ</target></trans-unit>
</body></file></xliff>`
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatalf("its:version refused the file: %v", err)
	}
	u := f.Units[0]
	if u.Resname != "title" || u.Approved || !u.Fuzzy() {
		t.Errorf("unit %+v: want resname title, not approved (sdl:approved is SDL's), fuzzy", u)
	}
}

// TestStatesAndQualifiers: what a target's state and qualifier say of
// review (XLIFF 1.2, 2.5.3 and the state-qualifier values): a leveraged-*
// qualifier names the text's origin, so a translated state stands; a
// suggestion or a rejection stays unreviewed; a filled target whose state
// says nothing of review is Unstated, a suggestion is not.
func TestStatesAndQualifiers(t *testing.T) {
	for _, c := range []struct {
		u               Unit
		fuzzy, unstated bool
	}{
		{Unit{Target: "x", State: "translated", Qualifier: "leveraged-tm"}, false, false},
		{Unit{Target: "x", State: "final", Qualifier: "leveraged-glossary"}, false, false},
		{Unit{Target: "x", State: "translated", Qualifier: "mt-suggestion"}, true, false},
		{Unit{Target: "x", State: "translated", Qualifier: "rejected-inaccurate"}, true, false},
		{Unit{Target: "x", State: "needs-review-translation"}, true, false},
		{Unit{Target: "x", State: "needs-translation"}, true, true},
		{Unit{Target: "x", State: "new"}, true, true},
		{Unit{Target: "x"}, true, true},
		{Unit{Target: "x", Approved: true}, false, false},
		{Unit{Target: "x", State: "needs-translation", Unapproved: true}, true, false}, // Weblate's "Needs editing"
		{Unit{Target: "", State: "needs-translation"}, true, false},
		{Unit{Target: "x", Qualifier: "leveraged-tm", Approved: true}, true, false},
	} {
		if f, u := c.u.Fuzzy(), c.u.Unstated(); f != c.fuzzy || u != c.unstated {
			t.Errorf("%+v: fuzzy %v unstated %v, want %v %v", c.u, f, u, c.fuzzy, c.unstated)
		}
	}
}

// TestColumnsOnOneLine: positions on a long line, counted on from the last
// one (reader.column), are the characters before them on their line.
func TestColumnsOnOneLine(t *testing.T) {
	unit := `<trans-unit id="m%d" resname="m%d"><source>Workers</source><target state="translated">កម្មករ</target></trans-unit>`
	doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="en" target-language="km" datatype="plaintext"><body>` + "\n"
	for i := range 3 {
		doc += fmt.Sprintf(unit, i, i)
	}
	doc += "\n" + fmt.Sprintf(unit, 3, 3) + "</body></file></xliff>"
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(doc, "\n")
	for i, u := range f.Units {
		line := lines[u.TargetLine-1]
		at := strings.Index(line, fmt.Sprintf(`resname="m%d"`, i))
		text := line[at:]
		want := utf8.RuneCountInString(line[:at]) + utf8.RuneCountInString(text[:strings.Index(text, "កម្មករ")]) + 1
		if u.TargetCol != want {
			t.Errorf("unit %d: target at %d:%d, want column %d", i, u.TargetLine, u.TargetCol, want)
		}
	}
}

// TestKnownState: XLIFF 1.2's states and a tool's x- ones are known; a
// tool's own word (done) is not, and import warns of it.
func TestKnownState(t *testing.T) {
	for s, want := range map[string]bool{"": true, "translated": true, "needs-review-translation": true, "x-memoq-confirmed": true, "done": false, "Translated": false} {
		if KnownState(s) != want {
			t.Errorf("KnownState(%q) = %v", s, !want)
		}
	}
}

// TestPo2xliffFile: translate-toolkit's po2xliff writes XLIFF 1.1, with a
// unit holding the PO header; the file is read, and that unit is no
// message.
func TestPo2xliffFile(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
  <file original="po/th/b.po" source-language="en-US" datatype="plaintext">
    <body>
      <trans-unit xml:space="preserve" id="2" approved="no" restype="x-gettext-domain-header"><source>Project-Id-Version: briefs b
</source>
        <target state="translated">Project-Id-Version: briefs b
</target>
      </trans-unit>
      <trans-unit xml:space="preserve" id="3" approved="yes"><source>Jobs in SEZs</source>
        <target state="translated">การจ้างงาน</target>
      </trans-unit>
    </body>
  </file>
</xliff>
`
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Units) != 1 || f.Units[0].Source != "Jobs in SEZs" || f.Units[0].Fuzzy() {
		t.Errorf("units %+v, want the one message, translated", f.Units)
	}
}
