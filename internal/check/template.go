package check

import (
	"errors"
	"sort"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// checkTemplate reads every form of a message as briefs renders it
// (catalog.ParseTemplate): text and {{.Name}} variables, nothing else, so
// range, if, with, function calls and pipelines are errors at their
// position; build never executes them. It then compares the variables a
// translation uses with the English ones. A misspelt variable has no value
// to print, so both directions are errors here.
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
			c.add(diag.Errorf(c.textPos(m, form, off), CodeTemplate, catalog.UnknownVarHint(v, sortedKeys(want)),
				"{{.%s}} is not a variable of the English %q: it would print <no value>", v, m.ID))
		}
	}
	for _, v := range sortedKeys(vars) {
		if n, want := varCount(m.Other(), v), varCount(en.Other(), v); want > 0 && n > want {
			form, off := varOffset(m, v)
			c.add(diag.Warnf(c.textPos(m, form, off), CodeTemplate, "check the translation: a placeholder a tool pasted twice prints its value twice",
				"translation of %q uses {{.%s}} %d times, the English %d", m.ID, v, n, want))
		}
	}
	for _, v := range catalog.DroppedVars(en, m) { // build refuses these too
		c.add(diag.Errorf(catalog.FieldPos(c.fileLines(m.Pos.File), m.Pos, "other"), CodeTemplate,
			catalog.DroppedHint(v), "translation of %q never uses {{.%s}}, which the English uses", m.ID, v))
	}
}

// templateVars parses every form and reports what is not data; it returns
// the union of the variables the forms use.
func (c *checker) templateVars(m *catalog.Message) (map[string]bool, bool) {
	vars := map[string]bool{}
	ok := true
	eachForm(m, func(form, text string) {
		ps, err := catalog.ParseTemplate(text)
		if err != nil {
			ok = false
			off := 0
			var te *catalog.TemplateError
			if errors.As(err, &te) {
				off = te.Offset
			}
			c.add(diag.Errorf(c.textPos(m, form, off), CodeTemplate, catalog.TemplateHint,
				"%s form of %q is not text with variables: %v", form, m.ID, err))
			return
		}
		addVars(ps, vars)
	})
	return vars, ok
}

// templateVars returns the variables of a message known to parse.
func templateVars(m *catalog.Message) (map[string]bool, bool) {
	vars := map[string]bool{}
	ok := true
	eachForm(m, func(form, text string) {
		ps, err := catalog.ParseTemplate(text)
		if err != nil {
			ok = false
			return
		}
		addVars(ps, vars)
	})
	return vars, ok
}

func addVars(ps []catalog.Piece, vars map[string]bool) {
	for _, p := range ps {
		if p.Var != "" {
			vars[p.Var] = true
		}
	}
}

// varCount is how many times text uses the variable v (0 when it does not
// parse: reported on its own).
func varCount(text, v string) int {
	ps, err := catalog.ParseTemplate(text)
	if err != nil {
		return 0
	}
	n := 0
	for _, p := range ps {
		if p.Var == v {
			n++
		}
	}
	return n
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

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
