package main

import (
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/settings"
)

// projectSettings reads briefs.toml under --root and prints what is wrong
// with it; the defaults stand in for a broken file.
func projectSettings(c *cli.Context) settings.Settings {
	s, ds := settings.Load(c.String("root"))
	printDiags(c.App.ErrWriter, ds)
	return s
}

// outFolder is --out when given, else the project's default output folder
// (briefs.toml's out, "dist" without one), under --root.
func outFolder(c *cli.Context, s settings.Settings) string {
	if c.IsSet("out") {
		return c.String("out")
	}
	return filepath.Join(c.String("root"), s.Out)
}

func site(s settings.Settings) publish.Site {
	return publish.Site{Title: s.SiteTitle, Organisation: s.Organisation}
}

// logoPath is the masthead logo's path from the working folder, or "".
func logoPath(c *cli.Context, s settings.Settings) string {
	if s.Logo == "" {
		return ""
	}
	return filepath.Join(c.String("root"), filepath.FromSlash(s.Logo))
}
