// Package stagecut checks that the package graph enforces the pipeline's
// stage cut: data types live in leaf packages, each stage imports only the
// stages before it, and nothing on the build path reaches the checker.
//
// The rules are properties of `go list -deps`, so an import added against
// the flow fails here, whatever the code does at run time.
package stagecut

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

const module = "github.com/mekong-briefs/briefs/"

// rule says which dependencies a package must never reach, directly or
// through others. A pattern ending in "/" matches a path prefix.
type rule struct {
	pkg    string
	forbid []string
	why    string
}

var (
	i18n     = "github.com/nicksnyder/go-i18n/"
	tomlDec  = "github.com/BurntSushi/toml"
	shaper   = "github.com/go-text/typesetting/harfbuzz"
	shaping  = "github.com/go-text/typesetting/shaping"
	segmentr = "github.com/go-text/typesetting/segmenter"
)

var rules = []rule{
	{"internal/pdf", []string{i18n, tomlDec, shaper, shaping, segmentr,
		module + "internal/linebreak", module + "internal/catalog", module + "internal/source",
		module + "internal/content", module + "internal/layout", module + "internal/shape",
		module + "internal/text", module + "internal/check", module + "internal/manuscript"},
		"the writer only serialises a laid-out document: it never shapes, breaks or reads catalogues"},
	{"internal/layout", []string{i18n, tomlDec, module + "internal/catalog", module + "internal/source",
		module + "internal/content", module + "internal/check", module + "internal/pdf"},
		"layout sets an evaluated manuscript; it never resolves messages or decodes sources"},
	{"internal/pages", []string{module + "internal/"},
		"the laid-out document is a leaf: only font handles"},
	{"internal/manuscript", []string{i18n, tomlDec, module + "internal/source", module + "internal/catalog",
		module + "internal/text", module + "fonts"},
		"the evaluated brief is a leaf: only diag"},
	{"internal/content", []string{module + "internal/layout", module + "internal/shape",
		module + "internal/linebreak", module + "internal/pdf", module + "internal/check"},
		"evaluation comes before typesetting"},
	{"internal/press", []string{module + "internal/check", module + "internal/msgmerge"},
		"check and sync are side branches: nothing on the build path imports them"},
	{"internal/publish", []string{module + "internal/check", module + "internal/msgmerge"},
		"the output tree lists what press built; check and sync are side branches"},
	{"internal/po", []string{module + "internal/", i18n, tomlDec},
		"PO is a file format: interchange maps it onto catalogues"},
	{"internal/xliff", []string{module + "internal/", i18n, tomlDec},
		"XLIFF is a file format: interchange maps it onto catalogues"},
	{"internal/catfile", []string{module + "internal/", i18n, tomlDec},
		"the byte-preserving writer edits lines; it never decodes what it keeps"},
}

// allowed are the exceptions to the rules: what a package may reach
// although its rule forbids it, and why.
var allowed = map[string][]string{
	// catfile takes its temporary files from atomicfile, which Ctrl-C
	// removes, and holds the folder with filelock; both are leaves that
	// decode nothing.
	"internal/catfile": {module + "internal/atomicfile", module + "internal/filelock"},
}

func TestStageCut(t *testing.T) {
	for _, r := range rules {
		deps := goListDeps(t, module+r.pkg)
		for _, d := range deps {
			if d == module+r.pkg || slices.Contains(allowed[r.pkg], d) {
				continue
			}
			for _, f := range r.forbid {
				if d == f || (strings.HasSuffix(f, "/") && strings.HasPrefix(d, f)) ||
					strings.HasPrefix(d, f+"/") {
					t.Errorf("%s reaches %s: %s", r.pkg, d, r.why)
				}
			}
		}
	}
}

// TestRulesBite makes sure the test would notice a violation: the CLI
// reaches everything, so every rule's first forbidden path is in its deps.
func TestRulesBite(t *testing.T) {
	deps := strings.Join(goListDeps(t, module+"cmd/briefs"), "\n")
	for _, r := range rules {
		if !strings.Contains(deps, strings.TrimSuffix(r.forbid[0], "/")) {
			t.Errorf("rule for %s forbids %s, which nothing imports: the rule tests nothing", r.pkg, r.forbid[0])
		}
	}
}

func goListDeps(t *testing.T, pkg string) []string {
	t.Helper()
	testkit.DependOnSources(t)
	out, err := exec.Command("go", "list", "-deps", pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}
