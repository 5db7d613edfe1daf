package check

import (
	"sort"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// checkTemplate parses every form of a message as a Go text/template, as
// go-i18n's TextParser does when it renders, and compares the variables a
// translation uses with the English ones. A misspelt variable is no error
// for text/template: it renders as "<no value>" in the PDF (DESIGN.md fact
// 5), so both directions are errors here.
func (c *checker) checkTemplate(m, en *catalog.Message) {
	vars, ok := c.templateVars(m)
	if !ok || en == nil || m.Lang == "en" {
		return
	}
	want, ok := templateVars(en)
	if !ok {
		return // reported on the English message
	}
	for _, v := range sortedKeys(vars) {
		if !want[v] {
			form, off := varOffset(m, v)
			c.add(diag.Errorf(c.textPos(m, form, off), CodeTemplate, englishVarsHint(want),
				"{{.%s}} is not a variable of the English %q: it would print <no value>", v, m.ID))
		}
	}
	// Every variable of the English must appear in the "other" form, the
	// form most numbers take. Other forms may leave a variable out, as
	// English "one page" leaves out the count.
	otherVars := formVars(m.Forms["other"])
	for _, v := range sortedKeys(want) {
		if !otherVars[v] {
			c.add(diag.Errorf(catalog.FieldPos(c.fileLines(m.Pos.File), m.Pos, "other"), CodeTemplate,
				englishVarsHint(want), "translation of %q never uses {{.%s}}, which the English uses", m.ID, v))
		}
	}
}

// templateVars parses every form and reports parse errors; it returns the
// union of the fields the forms use.
func (c *checker) templateVars(m *catalog.Message) (map[string]bool, bool) {
	vars := map[string]bool{}
	ok := true
	eachForm(m, func(form, text string) {
		if !strings.Contains(text, "{{") && !strings.Contains(text, "}}") {
			return
		}
		t, err := template.New(m.ID).Parse(text)
		if err != nil {
			ok = false
			off := strings.Index(text, "{{")
			if off < 0 {
				off = strings.Index(text, "}}")
			}
			c.add(diag.Errorf(c.textPos(m, form, off), CodeTemplate,
				"Go text/template syntax: {{.Name}}; keep the English variables",
				"%s form of %q is not a valid template: %s", form, m.ID, templateErr(err)))
			return
		}
		collectVars(t.Tree.Root, vars)
	})
	return vars, ok
}

// templateVars returns the variables of a message known to parse.
func templateVars(m *catalog.Message) (map[string]bool, bool) {
	vars := map[string]bool{}
	ok := true
	eachForm(m, func(form, text string) {
		t, err := template.New(m.ID).Parse(text)
		if err != nil {
			ok = false
			return
		}
		collectVars(t.Tree.Root, vars)
	})
	return vars, ok
}

// collectVars adds the field chains (".Count" -> "Count") used in a parse tree.
func collectVars(n parse.Node, vars map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, x := range n.Nodes {
			collectVars(x, vars)
		}
	case *parse.ActionNode:
		collectVars(n.Pipe, vars)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, cmd := range n.Cmds {
			for _, a := range cmd.Args {
				collectVars(a, vars)
			}
		}
	case *parse.IfNode:
		collectBranch(&n.BranchNode, vars)
	case *parse.RangeNode:
		collectBranch(&n.BranchNode, vars)
	case *parse.WithNode:
		collectBranch(&n.BranchNode, vars)
	case *parse.TemplateNode:
		collectVars(n.Pipe, vars)
	case *parse.FieldNode:
		vars[strings.Join(n.Ident, ".")] = true
	case *parse.ChainNode:
		collectVars(n.Node, vars)
	}
}

func collectBranch(b *parse.BranchNode, vars map[string]bool) {
	collectVars(b.Pipe, vars)
	collectVars(b.List, vars)
	collectVars(b.ElseList, vars)
}

// varOffset finds the form and byte offset where {{.v}} is used.
func varOffset(m *catalog.Message, v string) (string, int) {
	form, off := "other", 0
	found := false
	eachForm(m, func(f, text string) {
		if i := strings.Index(text, "."+v); i >= 0 && !found {
			form, off, found = f, i, true
		}
	})
	return form, off
}

func englishVarsHint(want map[string]bool) string {
	if len(want) == 0 {
		return "the English uses no variables"
	}
	var names []string
	for _, v := range sortedKeys(want) {
		names = append(names, "{{."+v+"}}")
	}
	return "the English uses " + strings.Join(names, ", ")
}

// templateErr drops text/template's "template: NAME:LINE: " prefix.
func templateErr(err error) string {
	s := err.Error()
	if i := strings.Index(s, ": "); strings.HasPrefix(s, "template: ") && i >= 0 {
		rest := s[len("template: "):]
		if j := strings.Index(rest, ": "); j >= 0 {
			rest = rest[j+2:]
		}
		return rest
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// formVars returns the variables one form uses (none if it does not parse).
func formVars(text string) map[string]bool {
	vars := map[string]bool{}
	if t, err := template.New("").Parse(text); err == nil {
		collectVars(t.Tree.Root, vars)
	}
	return vars
}
