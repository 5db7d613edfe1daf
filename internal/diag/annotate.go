package diag

import (
	"fmt"
	"slices"
	"strings"
)

// AnnotationsPerStep is how many annotations of one kind (error, warning,
// notice) GitHub Actions shows for a step: it drops the rest silently
// (actions/toolkit, docs/problem-matchers.md, "Limitations": 10 of each
// kind per step, 50 per job).
const AnnotationsPerStep = 10

// Annotations renders findings as workflow commands within GitHub's limit,
// errors first, then warnings. A severity within the limit keeps its
// order. Past it, the rarer codes come first (in their order otherwise):
// one broken file or mismatched placeholder must not fall behind three
// hundred untranslated messages, which the coverage table counts anyway;
// the last annotation shown says how many more there are and of which
// codes, and those findings follow as plain log lines (String), so that
// the log still holds every one.
func Annotations(ds List) []string {
	var out, rest []string
	for _, sev := range []Severity{Error, Warning} {
		var of List
		for _, d := range ds {
			if d.Severity == sev {
				of = append(of, d)
			}
		}
		shown := len(of)
		if shown > AnnotationsPerStep {
			byRarity(of)
			shown = AnnotationsPerStep - 1
		}
		for _, d := range of[:shown] {
			out = append(out, d.GitHub())
		}
		if shown == len(of) {
			continue
		}
		hidden := of[shown:]
		out = append(out, Diagnostic{Severity: sev, Code: "more",
			Msg: fmt.Sprintf("%d more %ss (%s), not shown as annotations: GitHub shows %d per step; the log lists each",
				len(hidden), sev, codeCounts(hidden), AnnotationsPerStep)}.GitHub())
		for _, d := range hidden {
			rest = append(rest, oneLine(d.String()))
		}
	}
	return append(out, rest...)
}

// byRarity sorts findings by how many share their code, fewest first;
// the sort is stable, so findings of one code keep their order.
func byRarity(ds List) {
	n, _ := countCodes(ds)
	slices.SortStableFunc(ds, func(a, b Diagnostic) int { return n[a.Code] - n[b.Code] })
}

// countCodes counts the findings of each code, and lists the codes in
// the order they first come.
func countCodes(ds List) (map[string]int, []string) {
	n := map[string]int{}
	var codes []string
	for _, d := range ds {
		if n[d.Code] == 0 {
			codes = append(codes, d.Code)
		}
		n[d.Code]++
	}
	return n, codes
}

// codeCounts says "280 missing, 3 stale": the codes of ds with their
// counts, most frequent first.
func codeCounts(ds List) string {
	n, codes := countCodes(ds)
	slices.SortStableFunc(codes, func(a, b string) int { return n[b] - n[a] })
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%d %s", n[c], c)
	}
	return strings.Join(parts, ", ")
}

// oneLine keeps a finding printed as plain text in the log on its line: a
// line end in a file name or message would start a line of its own, which
// the runner reads as a workflow command if it starts with ::.
func oneLine(s string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}
