// Package settings reads briefs.toml, a project's own settings, with the
// same positioned diagnostics as every other input. Every setting has a
// default, so a project without the file works as before.
//
//	# briefs.toml
//	organisation = "Mekong Migration Network"  # PDF author; shown on the index page
//	site_title = "Policy briefs"               # the index page's title
//	out = "dist"                               # default output folder of build and serve
//
// Page size, margins, accent colour and per-language faces are not settings
// yet: they are constants of the layout.
package settings

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// FileName is the settings file at the project's root.
const FileName = "briefs.toml"

// Settings are a project's settings.
type Settings struct {
	Organisation string `toml:"organisation"`
	SiteTitle    string `toml:"site_title"`
	Out          string `toml:"out"`
}

// Default is what a project without briefs.toml gets.
func Default() Settings { return Settings{SiteTitle: "Policy briefs", Out: "dist"} }

var keys = []string{"organisation", "site_title", "out"}

// Load reads root/briefs.toml. A missing file gives the defaults; a broken
// one gives the defaults and its diagnostics.
func Load(root string) (Settings, diag.List) {
	s := Default()
	path := filepath.Join(root, FileName)
	data, err := source.ReadRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "settings", "make briefs.toml a readable file, or delete it to use the defaults", "read settings: %v", err)}
	}
	ix := tomlpos.Parse(data)
	pos := func(key ...string) diag.Pos {
		p, _ := ix.Find(key...)
		return diag.Pos{File: path, Line: max(p.Line, 1), Col: max(p.Col, 1)}
	}
	var got Settings
	md, err := toml.Decode(string(data), &got)
	if err != nil {
		var pe toml.ParseError
		p := diag.Pos{File: path, Line: 1, Col: 1}
		if errors.As(err, &pe) {
			p.Line, p.Col = pe.Position.Line, pe.Position.Col
		}
		return s, diag.List{diag.Errorf(p, "toml-syntax", "fix the TOML syntax; README.md shows briefs.toml", "%s", firstLine(err.Error()))}
	}
	var ds diag.List
	for _, k := range md.Undecoded() {
		hint := "settings: " + strings.Join(keys, ", ")
		if c := diag.Closest(k.String(), keys); c != "" {
			hint = "did you mean " + c + "?"
		}
		ds = append(ds, diag.Errorf(pos(k...), "unknown-key", hint, "unknown setting %q", k.String()))
	}
	if got.Organisation != "" {
		s.Organisation = got.Organisation
	}
	if got.SiteTitle != "" {
		s.SiteTitle = got.SiteTitle
	}
	if got.Out != "" {
		first, _, _ := strings.Cut(filepath.ToSlash(filepath.Clean(got.Out)), "/")
		switch {
		case filepath.IsAbs(got.Out) || !filepath.IsLocal(got.Out):
			ds = append(ds, diag.Errorf(pos("out"), "settings", "name a folder inside the project, e.g. dist", "out %q is not a folder inside the project", got.Out))
		case first == "briefs" || first == "locales":
			// Output among the sources would be read as sources, and
			// serve would rebuild for ever.
			ds = append(ds, diag.Errorf(pos("out"), "settings", "name a folder outside briefs/ and locales/, e.g. dist", "out %q is inside %s/", got.Out, first))
		default:
			s.Out = got.Out
		}
	}
	return s, ds
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
