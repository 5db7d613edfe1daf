package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestFix repairs a Zawgyi Burmese text, a decomposed Vietnamese one, a
// ZWSP and doubled and trailing spaces, through the byte-preserving
// writer: comments, CRLF endings and the BOM stay, and check no longer
// reports those findings.
func TestFix(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "clean.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	a := txtar.Parse(data)
	root := t.TempDir()
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, "want.") {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	vi := filepath.Join(root, "locales", "b.vi.toml")
	orig, _ := os.ReadFile(vi)
	m := regexpOther.FindStringSubmatch(string(orig))
	if m == nil {
		t.Fatalf("no title in %s", orig)
	}
	broken := "Vie\u0302\u0323c  la\u0300m\u200b "
	src := "\uFEFF" + strings.ReplaceAll(strings.Replace(string(orig), m[0], `other = "`+broken+`" # by Lan`, 1), "\n", "\r\n")
	os.WriteFile(vi, []byte(src), 0o644)
	my := filepath.Join(root, "locales", "b.my.toml")
	myOrig, _ := os.ReadFile(my)
	zaw := "\u1031\u1000\u103a\u102c\u1004\u1039\u1038 \u1019\u103a\u102c\u1038\u1000\u102d\u102f \u107e\u1015\u1014\u1039\u1031\u1015\u1038\u1015\u102b\u1010\u101a\u1039"
	mm := regexpOther.FindStringSubmatch(string(myOrig))
	os.WriteFile(my, []byte(strings.Replace(string(myOrig), mm[0], `other = "`+zaw+`"`, 1)), 0o644)

	fixed, ds, err := Fix(root, Options{})
	if err != nil || len(ds) > 0 {
		t.Fatal(err, ds)
	}
	if len(fixed) != 2 {
		t.Fatalf("fixed %+v", fixed)
	}
	got, _ := os.ReadFile(vi)
	want := strings.Replace(src, broken, "Việc làm", 1)
	if string(got) != want {
		t.Errorf("vi after fix:\n%q\nwant\n%q", got, want)
	}
	r, _ := Run(root, Options{})
	for _, d := range r.Findings {
		switch d.Code {
		case CodeZawgyi, CodeNotNFC, CodeWhitespace, CodeZWSP:
			t.Errorf("still: %v", d)
		}
	}
}

var regexpOther = regexp.MustCompile(`(?m)^other = "[^"]*"`)

// TestFixLeavesPastedEnglishSpaces: an English text pasted with spaces at
// its ends is a slip check reports in the English; --fix asks no
// translation to copy it, and still gives a separator its spaces.
func TestFixLeavesPastedEnglishSpaces(t *testing.T) {
	for _, c := range []struct{ tr, en, want string }{
		{"កម្មករ", " Most workers were women. ", "កម្មករ"},
		{" កម្មករ  ភាគច្រើន", " Most workers were women.", " កម្មករ ភាគច្រើន"},
		{"·", " · ", " · "},
		{"ទំព័រ  1 ", "Page 1", "ទំព័រ 1"},
		{" ការងារ", "Jobs in zones ", "ការងារ"}, // the pasted end aside, the start is the English's
	} {
		if got := fixSpaces(c.tr, c.en); got != c.want {
			t.Errorf("fixSpaces(%q, %q) = %q, want %q", c.tr, c.en, got, c.want)
		}
	}
}

// TestFixWithoutLocales: check --fix in a project with no locales folder
// says so as check does, not as a failed lock.
func TestFixWithoutLocales(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "briefs", "b"), 0o755)
	os.WriteFile(filepath.Join(root, "briefs", "b", "brief.toml"), []byte("id = \"b\"\ndate = 2019-07-01\n\n[[edition]]\ncountry = \"kh\"\nlanguages = [\"en\"]\n\n[[block]]\ntype = \"title\"\nmsg = \"title\"\n"), 0o644)
	_, _, err := Fix(root, Options{})
	if err == nil || !strings.Contains(err.Error(), "no locales folder") {
		t.Errorf("Fix: %v; want the missing locales folder named", err)
	}
}
