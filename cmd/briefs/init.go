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
type initFile struct {
	path string
	data []byte
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
	// a project.
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.path)); err == nil {
			return cli.Exit(fmt.Sprintf("init: %s exists; not overwriting it (init starts a new project)", filepath.Join(dir, f.path)), 2)
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, f.path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return cli.Exit(fmt.Sprintf("init: %v", err), 1)
		}
		if err := atomicfile.Write(p, f.data); err != nil {
			return cli.Exit(fmt.Sprintf("init: %v", err), 1)
		}
		fmt.Fprintf(c.App.Writer, "wrote %s\n", p)
	}
	next := "briefs new --edition region:en,km my-first-brief"
	if dir != "." {
		next = "cd " + dir + " && " + next
	}
	fmt.Fprintf(c.App.Writer, "next: %s\n", next)
	return nil
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
		out = append(out, initFile{f.dst, b})
	}
	return append(out, initFile{"locales/terms.toml", briefs.Termbase}), nil
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
