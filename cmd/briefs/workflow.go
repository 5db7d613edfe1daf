package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
)

// workflowPath is where init writes the project's CI workflow.
var workflowPath = filepath.Join(".github", "workflows", "briefs.yml")

// workflowMarker opens every workflow init writes: a file without it is
// the project's own, which init --workflow does not replace.
const workflowMarker = "# Written by `briefs init`."

// node24 is the first major release of each action the workflows use
// whose action.yml says `using: node24` (composite for
// upload-pages-artifact, whose v5 runs upload-artifact v7), read from each
// action's repository in December 2026. GitHub's runners dropped Node 20
// on 16 September 2026: an older major warns in every job that it "may
// not work as expected" (github.blog changelog, 2025-09-19).
var node24 = map[string]int{
	"actions/checkout":              5,
	"actions/setup-go":              6,
	"actions/cache":                 5,
	"actions/cache/restore":         5,
	"actions/cache/save":            5,
	"actions/upload-artifact":       6,
	"actions/download-artifact":     7,
	"actions/upload-pages-artifact": 5,
	"actions/deploy-pages":          5,
}

// usesAction finds a step's `uses: owner/action@vN`. It is compiled on
// first use, not at start-up: every command but check starts without it.
var usesAction = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`uses: ([\w./-]+)@v(\d+)\b`) })

// oldActions lists the actions a workflow names at a major older than
// its first on Node 24 ("actions/checkout@v4").
func oldActions(wf []byte) []string {
	var old []string
	for _, m := range usesAction().FindAllSubmatch(wf, -1) {
		first, ok := node24[string(m[1])]
		if major, _ := strconv.Atoi(string(m[2])); ok && major < first {
			old = append(old, fmt.Sprintf("%s@v%d", m[1], major))
		}
	}
	return old
}

// workflowNote is check's reminder for a workflow that init wrote and
// that names actions on Node 20, or "".
func workflowNote(root string) string {
	wf, err := os.ReadFile(filepath.Join(root, workflowPath))
	if err != nil || !bytes.HasPrefix(wf, []byte(workflowMarker)) {
		return ""
	}
	old := oldActions(wf)
	if len(old) == 0 {
		return ""
	}
	return fmt.Sprintf("%s uses %s, made for Node 20, which GitHub's runners no longer have: briefs init --workflow writes the current workflow (the old one is kept as briefs.yml.old)",
		filepath.Join(root, workflowPath), strings.Join(old, ", "))
}

// rewriteWorkflow is init --workflow: the project's workflow rewritten
// from the current template, the one it replaces kept beside it as
// briefs.yml.old. A workflow without init's marker is the project's own
// and is left alone.
func rewriteWorkflow(dir string, data []byte) (string, error) {
	path := filepath.Join(dir, workflowPath)
	old, err := os.ReadFile(path)
	switch {
	case err == nil && bytes.Equal(old, data):
		return "unchanged " + path, nil
	case err == nil && !bytes.HasPrefix(old, []byte(workflowMarker)):
		return "", fmt.Errorf("%s was not written by briefs init (its first line is not %q): not replacing it; compare it with the output of briefs init in an empty folder", path, workflowMarker)
	case err == nil:
		if err := atomicfile.Write(path+".old", old); err != nil {
			return "", err
		}
	case !os.IsNotExist(err):
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	if err := atomicfile.Write(path, data); err != nil {
		return "", err
	}
	return "wrote " + path, nil
}
