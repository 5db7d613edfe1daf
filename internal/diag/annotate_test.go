package diag

import (
	"fmt"
	"strings"
	"testing"
)

// TestAnnotationsWithinTheLimit: 30 missing translations and one broken
// file give ten error annotations, the broken file's first and a count of
// the rest last, and the 22 others as plain log lines; warnings have their
// own ten.
func TestAnnotationsWithinTheLimit(t *testing.T) {
	var ds List
	for i := 1; i <= 30; i++ {
		ds = append(ds, Diagnostic{Pos: Pos{File: "locales/a.km.toml", Line: i, Col: 1}, Severity: Error, Code: "missing", Msg: fmt.Sprintf("m%d", i)})
	}
	ds = append(ds, Diagnostic{Pos: Pos{File: "locales/b.km.toml", Line: 3, Col: 7}, Severity: Error, Code: "toml-syntax", Msg: "broken"})
	ds = append(ds, Diagnostic{Pos: Pos{File: "locales/c.th.toml", Line: 2, Col: 1}, Severity: Warning, Code: "stale", Msg: "old"})
	out := Annotations(ds)
	var errs, warns, plain []string
	for _, l := range out {
		switch {
		case strings.HasPrefix(l, "::error "):
			errs = append(errs, l)
		case strings.HasPrefix(l, "::warning "):
			warns = append(warns, l)
		default:
			plain = append(plain, l)
		}
	}
	if len(errs) != AnnotationsPerStep || len(warns) != 1 || len(plain) != 22 {
		t.Fatalf("%d error annotations, %d warnings, %d plain lines; want %d, 1, 22:\n%s", len(errs), len(warns), len(plain), AnnotationsPerStep, strings.Join(out, "\n"))
	}
	if !strings.Contains(errs[0], "title=toml-syntax") {
		t.Errorf("the broken file is not the first annotation: %s", errs[0])
	}
	if last := errs[len(errs)-1]; !strings.Contains(last, "title=more::22 more errors (22 missing)") {
		t.Errorf("the last annotation does not count the rest: %s", last)
	}
	if !strings.Contains(errs[1], "line=1,") || plain[0] != "locales/a.km.toml:9:1: error: [missing] m9" {
		t.Errorf("findings of one code lost their order: %s / %s", errs[1], plain[0])
	}
	if few := Annotations(ds[25:]); len(few) != 7 || strings.Contains(strings.Join(few, "\n"), "title=more") {
		t.Errorf("seven findings are not seven annotations:\n%s", strings.Join(few, "\n"))
	}
}

// TestPlainLinesStayOneLine: a finding past the annotations whose file
// name holds a line end is printed on one line, so that no line of the
// log starts a workflow command (::error) the runner would obey.
func TestPlainLinesStayOneLine(t *testing.T) {
	var ds List
	for i := 0; i < 12; i++ {
		ds = append(ds, Diagnostic{Pos: Pos{File: fmt.Sprintf("locales/x\n::error title=pwn::%d.km.toml", i), Line: 1, Col: 1}, Severity: Error, Code: "catalogue-name", Msg: "bad name"})
	}
	for _, l := range Annotations(ds) {
		if strings.Contains(l, "\n") || strings.Contains(l, "\r") {
			t.Errorf("a log line holds a line end: %q", l)
		}
	}
}
