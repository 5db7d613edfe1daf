package catalog

import (
	"errors"
	"strings"
	"testing"
)

// TestTemplatesAreData checks that only text and {{.Name}} variables
// pass, and that everything else is refused with its offset.
func TestTemplatesAreData(t *testing.T) {
	for src, ok := range map[string]bool{
		"plain": true, "{{.Count}} pages": true, "{{ .Count }}": true, "a {{.A}} b {{.B}}": true,
		"{{range 100000000}}x{{end}}": false, `{{printf "%d" 1}}`: false, "{{if .A}}x{{end}}": false,
		"{{with .A}}{{.}}{{end}}": false, `{{.A | printf "%s"}}`: false, "{{$x := 1}}": false,
		"{{/* c */}}": false, "{{.A.B}}": false, "{{.A": false, "x }} y": false, "{{.}}": false,
		`{{template "t"}}`: false, "{{len .A}}": false, "{{1}}": false,
	} {
		_, err := ParseTemplate(src)
		var te *TemplateError
		if ok != (err == nil) || (err != nil && (!errors.As(err, &te) || te.Offset < 0 || te.Offset > len(src))) {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// FuzzTemplate checks template reading and execution: no input panics or
// runs; an accepted template renders with its variables given and
// reproduces its text; the offset of a refusal is inside the text.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{"{{.Count}} pages", "{{range 9}}x{{end}}", `{{printf "%v" .A}}`, "}}{{", "{{.A}}{{.B}}c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		ps, err := ParseTemplate(src)
		if err != nil {
			var te *TemplateError
			if !errors.As(err, &te) || te.Offset < 0 || te.Offset > len(src) {
				t.Fatalf("%q: bad refusal %v", src, err)
			}
			return
		}
		data := map[string]any{}
		var want strings.Builder
		for _, p := range ps {
			if p.Var != "" {
				data[p.Var] = "<" + p.Var + ">"
				want.WriteString("<" + p.Var + ">")
			} else {
				want.WriteString(p.Text)
			}
		}
		got, err := pieces(ps).Execute(data)
		if err != nil || got != want.String() {
			t.Fatalf("%q: %q, %v", src, got, err)
		}
		if !strings.Contains(src, "{{") && got != src {
			t.Fatalf("plain %q rendered %q", src, got)
		}
		if len(ps) > 0 && ps[0].Var != "" {
			if _, err := pieces(ps).Execute(map[string]any{}); err == nil {
				t.Fatalf("%q rendered without its variables", src)
			}
		}
	})
}

// TestTemplateErrorAtTheBrokenAction: a text text/template cannot parse is
// refused at the {{ of the action that is broken, not at the first action
// of the text ("Trang {{.Page}} / {{.Total}" points at {{.Total}).
func TestTemplateErrorAtTheBrokenAction(t *testing.T) {
	for src, want := range map[string]string{
		"Trang {{.Page}} / {{.Total}": "{{.Total}",
		"{{.A}} {{.B}} {{.C":          "{{.C",
		"{{.A}} {{.B )}} {{.C}}":      "{{.B )}}",
		"{{.A":                        "{{.A",
		"ទំព័រ {{.Page}} នៃ {{.Total}}}": "", // parses: "}" is text
	} {
		_, err := ParseTemplate(src)
		var te *TemplateError
		if want == "" {
			if err != nil {
				t.Errorf("%q: %v", src, err)
			}
			continue
		}
		if !errors.As(err, &te) {
			t.Errorf("%q: %v, want a TemplateError", src, err)
			continue
		}
		if got := src[te.Offset:]; !strings.HasPrefix(got, want) {
			t.Errorf("%q: refused at %q, want at %q", src, got, want)
		}
	}
}
