package catalog

import (
	"slices"
	"strings"
)

// DroppedVars lists, sorted, the variables of the English message en that
// the "other" form of its translation m never uses: the form most numbers
// take must say everything the English says ({{.Date}} left out, or typed
// {.Date}, printed no date). Other forms may leave a variable out, as
// English "one page" leaves out the count. A form that does not parse
// gives none: its own error says why.
func DroppedVars(en, m *Message) []string {
	want := varSet(en)
	if want == nil {
		return nil
	}
	ps, err := ParseTemplate(m.Forms["other"])
	if err != nil {
		return nil
	}
	for _, p := range ps {
		delete(want, p.Var)
	}
	var out []string
	for v := range want {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// Vars lists, sorted, the variables a message's forms use; none when a
// form does not parse.
func Vars(m *Message) []string {
	var out []string
	for v := range varSet(m) {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// varSet is the set of the variables of m's forms, nil when a form does
// not parse.
func varSet(m *Message) map[string]bool {
	vars := map[string]bool{}
	for _, text := range m.Forms {
		ps, err := ParseTemplate(text)
		if err != nil {
			return nil
		}
		for _, p := range ps {
			if p.Var != "" {
				vars[p.Var] = true
			}
		}
	}
	return vars
}

// VarsHint names the variables of a set, for a hint: "the English uses
// {{.Date}}, {{.Page}}".
func VarsHint(vars []string) string {
	if len(vars) == 0 {
		return "the English uses no variables"
	}
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = "{{." + v + "}}"
	}
	return "the English uses " + strings.Join(names, ", ")
}

// DroppedHint is the hint for a translation that never uses the English
// variable v: where it goes, not which variables the English has (the
// finding names it).
func DroppedHint(v string) string {
	return "put {{." + v + "}} where its value belongs in the sentence, as the English has it"
}

// UnknownVarHint is the hint for a variable v of a translation that the
// English has not, among the English's vars: the one it differs from only
// in case, when there is one (template variables are case-sensitive).
func UnknownVarHint(v string, vars []string) string {
	for _, w := range vars {
		if strings.EqualFold(v, w) {
			return "variables are case-sensitive: write {{." + w + "}}"
		}
	}
	return VarsHint(vars)
}
