package main

import (
	"bytes"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"text/template"

	"github.com/urfave/cli/v2"

	briefs "github.com/mekong-briefs/briefs"
	"github.com/mekong-briefs/briefs/internal/atomicfile"
)

//go:embed skeleton
var skeleton embed.FS

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "start a content repository: briefs.toml, briefs/, locales/ with a termbase, a CI workflow, .gitignore and a README",
		ArgsUsage: "[DIR]",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "workflow", Usage: "in an existing project, rewrite only " + workflowPath + " from the current template (the old one is kept as briefs.yml.old)"},
		},
		Action: runInit,
	}
}

// initFile is one file that init writes, relative to the project folder.
// A repository's own files (its README, its .gitignore) may be there
// already: init starts a project inside an existing repository, keeping
// a README and adding its lines to a .gitignore, as cargo init does.
type initFile struct {
	path string
	data []byte
	// theirs: the repository's file, kept when it exists; appended:
	// init's lines go at its end when they are not in it yet.
	theirs, appended bool
}

func runInit(c *cli.Context) error {
	if c.NArg() > 1 {
		return cli.Exit("init: give at most one folder", 2)
	}
	dir := c.Args().First()
	if dir == "" {
		dir = c.String("root")
	}
	files, err := skeletonFiles()
	if err != nil {
		return cli.Exit(fmt.Sprintf("init: %v", err), 2)
	}
	if c.Bool("workflow") {
		for _, f := range files {
			if filepath.FromSlash(f.path) == workflowPath {
				done, err := rewriteWorkflow(dir, f.data)
				if err != nil {
					return cli.Exit("init --workflow: "+err.Error(), 2)
				}
				fmt.Fprintln(c.App.Writer, done)
				return nil
			}
		}
	}
	// Refuse before writing anything, so that init never half-overwrites
	// a project, nor starts one inside another (briefs/ of a project, or
	// one of its briefs' folders), which every command run there would
	// then take for the project.
	if fileExists(filepath.Join(dir, "briefs.toml")) {
		return cli.Exit(fmt.Sprintf("init: %s is a project already (it has briefs.toml); briefs new adds a brief, briefs init --workflow refreshes its CI workflow", dir), 2)
	}
	if outer := enclosingProject(dir); outer != "" {
		return cli.Exit(fmt.Sprintf("init: %s is inside the project at %s; a project cannot hold another "+
			"(run briefs new there for a new brief, or init a folder outside it)", dir, outer), 2)
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.path)); err == nil && !f.theirs {
			return cli.Exit(fmt.Sprintf("init: %s exists; not overwriting it (init starts a new project; briefs init --workflow refreshes the CI workflow alone)", filepath.Join(dir, f.path)), 2)
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, f.path)
		done, err := writeInitFile(p, f)
		if err != nil {
			return cli.Exit(fmt.Sprintf("init: %v", err), 1)
		}
		fmt.Fprintln(c.App.Writer, done)
	}
	next := "briefs new --edition region:en,km my-first-brief"
	if dir != "." {
		next = "cd " + dir + " && " + next
	}
	fmt.Fprintf(c.App.Writer, "next: %s\n", next)
	return nil
}

// writeInitFile writes one file of a new project, or keeps the
// repository's own (adding init's lines to a .gitignore that lacks them),
// and says what it did.
func writeInitFile(p string, f initFile) (string, error) {
	old, err := os.ReadFile(p)
	switch {
	case err == nil && f.appended:
		missing := missingLines(old, f.data)
		if missing == "" {
			return "kept " + p + " (it has init's lines)", nil
		}
		eol := "\n"
		if bytes.Contains(old, []byte("\r\n")) {
			eol = "\r\n" // the file's own line ends, for the lines added
		}
		if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
			old = append(old, eol...)
		}
		added := eol + strings.ReplaceAll(missing, "\n", eol)
		if err := atomicfile.Write(p, append(old, added...)); err != nil {
			return "", err
		}
		return "added to " + p + ": " + rulesOf(missing), nil
	case err == nil:
		return "kept " + p + " (the repository's own)", nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", err
	}
	if err := atomicfile.Write(p, f.data); err != nil {
		return "", err
	}
	return "wrote " + p, nil
}

// missingLines returns the rules of add (with the comment above each)
// that have no equal line in have, as text to append. A rule is the same
// with or without its leading and trailing slash (dist, /dist, dist/).
func missingLines(have, add []byte) string {
	rule := func(l string) string { return strings.Trim(strings.TrimSpace(l), "/") }
	present := map[string]bool{}
	for _, l := range strings.Split(string(have), "\n") {
		present[rule(l)] = true
	}
	var out, comment []string
	for _, l := range strings.Split(strings.TrimRight(string(add), "\n"), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "#"):
			comment = append(comment, l)
		case t == "" || present[rule(t)]:
			comment = nil
		default:
			out = append(append(out, comment...), l)
			comment = nil
		}
	}
	if out == nil {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}

// rulesOf names the rules of appended lines, for init's report.
func rulesOf(lines string) string {
	var rules []string
	for _, l := range strings.Split(lines, "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			rules = append(rules, t)
		}
	}
	return strings.Join(rules, " ")
}

// skeletonFiles renders the files of a new project. The CI workflow
// installs the same version of briefs as the one running init.
func skeletonFiles() ([]initFile, error) {
	data := map[string]string{"Module": module, "ModuleURL": "https://" + module, "Version": installVersion()}
	render := func(name string) ([]byte, error) {
		src, err := skeleton.ReadFile("skeleton/" + name)
		if err != nil {
			return nil, err
		}
		t, err := template.New(name).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("skeleton %s: %w", name, err)
		}
		var b bytes.Buffer
		if err := t.Execute(&b, data); err != nil {
			return nil, fmt.Errorf("skeleton %s: %w", name, err)
		}
		return b.Bytes(), nil
	}
	var out []initFile
	for _, f := range []struct{ src, dst string }{
		{"workflow.yml", ".github/workflows/briefs.yml"},
		{"README.md", "README.md"},
		// git keeps no empty folder: without a file in briefs/, a fresh
		// clone had none, and its first CI build failed.
		{"briefs-README.md", "briefs/README.md"},
		{"gitignore", ".gitignore"},
		{"briefs.toml", "briefs.toml"},
	} {
		b, err := render(f.src)
		if err != nil {
			return nil, err
		}
		out = append(out, initFile{path: f.dst, data: b, theirs: f.dst == "README.md" || f.dst == ".gitignore", appended: f.dst == ".gitignore"})
	}
	return append(out, initFile{path: "locales/terms.toml", data: briefs.Termbase}), nil
}

// module is the import path of this module, for go install.
const module = "github.com/mekong-briefs/briefs"

// installVersion is the module version to pin in a new project's workflow
// (pinVersion), from this binary's link-time stamp and the module version
// that go install recorded.
func installVersion() string {
	mv := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		mv = bi.Main.Version
	}
	return pinVersion(buildVersion, mv)
}

// pinVersion chooses what `go install module/cmd/briefs@VERSION` should
// name: a release binary's stamp when it is a semver tag (make release
// stamps git describe), else the module version go install @version
// recorded, else "latest". A stamp of a commit after a tag
// (v0.4.0-3-gabc1234), of a dirty tree or of no tag names no version the
// module proxy has, and neither does a version Go derived from a checkout
// with uncommitted changes (+dirty).
func pinVersion(stamp, moduleVersion string) string {
	if releaseTag().MatchString(stamp) && !describeSuffix().MatchString(stamp) {
		return stamp
	}
	if strings.HasPrefix(moduleVersion, "v") && !strings.HasSuffix(moduleVersion, "+dirty") {
		return moduleVersion
	}
	return "latest"
}

// Both are compiled on first use (init), not at every start.
var (
	// releaseTag is a semantic version tag (semver.org 2.0.0, with Go's
	// leading v), pre-releases such as v1.0.0-rc.1 included, without
	// build metadata.
	releaseTag = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`)
	})
	// describeSuffix is what git describe --dirty adds after a tag.
	describeSuffix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`-[0-9]+-g[0-9a-f]+(-dirty)?$|-dirty$`) })
)

// enclosingProject returns the nearest folder above dir that holds a
// project (isProject), or "".
func enclosingProject(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for up := filepath.Dir(abs); up != abs; abs, up = up, filepath.Dir(up) {
		if isProject(up) {
			return up
		}
	}
	return ""
}

// fileExists reports whether path exists.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
