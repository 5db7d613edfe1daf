package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"
)

// projectCommands are the commands that work on a project's briefs/ and
// locales/ (--root), and so look for it upward (findRoot).
var projectCommands = []string{"build", "check", "sync", "export", "import", "serve", "new"}

// findRoot lets a project command run from a subfolder of the project,
// as git and go do: when --root is not given and the working folder is no
// project (isProject), the nearest folder above that is one becomes the
// root. Run from briefs/demo, check had failed with "no locales folder",
// build had left an empty dist/ there, and new in locales/ had written
// locales/briefs/<id>/. Paths in findings then lead from the working
// folder (../../locales/demo.km.toml). init is left out: it makes a
// project where it is asked to.
func findRoot(c *cli.Context) error {
	if c.IsSet("root") || !slices.Contains(projectCommands, c.Args().First()) || isProject(".") {
		return nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil
	}
	for dir := filepath.Dir(wd); ; dir = filepath.Dir(dir) {
		if isProject(dir) {
			rel, err := filepath.Rel(wd, dir)
			if err != nil {
				rel = dir
			}
			fmt.Fprintf(c.App.ErrWriter, "briefs: the project is %s (the nearest folder above with briefs.toml, or briefs/ and locales/)\n", rel)
			return c.Set("root", rel)
		}
		if filepath.Dir(dir) == dir {
			return nil
		}
	}
}

// isProject reports whether dir holds a project: its settings file, or
// both its folders. The working folder counts with either folder, as
// before (a project that has no locales/ yet is told so).
func isProject(dir string) bool {
	has := func(name string, folder bool) bool {
		fi, err := os.Stat(filepath.Join(dir, name))
		return err == nil && fi.IsDir() == folder
	}
	if dir == "." {
		return has("briefs.toml", false) || has("briefs", true) || has("locales", true)
	}
	return has("briefs.toml", false) || has("briefs", true) && has("locales", true)
}
