// Package settings reads briefs.toml, a project's own settings, with the
// same positioned diagnostics as every other input. Every setting has a
// default, so a project without the file works as before.
//
//	# briefs.toml
//	organisation = "Mekong Migration Network"  # PDF author; shown on the index page
//	site_title = "Policy briefs"               # the index page's title
//	out = "dist"                               # default output folder of build and serve
//	logo = "assets/logo.png"                   # masthead image (PNG or JPEG), inside the project
//	accent = "#1f5c99"                         # titles, headings, links
//	page_size = "A4"                           # A4, Letter or A5
//	margins = "20mm"                           # or { top = "18mm", bottom = "22mm", left = "20mm", right = "20mm" }
//
//	[lang.th]                                  # per language
//	body_face = "NotoSerifThai"                # among the faces embedded for the script
//	heading_face = "NotoSansThai"
//	body_size = 11                             # points
//	native_digits = true                       # every number in Thai digits, in every edition
//
// README.md, "Project settings", is the reference.
package settings

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// FileName is the settings file at the project's root.
const FileName = "briefs.toml"

// Settings are a project's settings.
type Settings struct {
	Organisation string
	SiteTitle    string
	Out          string
	// Logo is the masthead image, a path relative to the project's root;
	// "" for none. Load has checked that it is a PNG or JPEG inside the
	// project.
	Logo string
	// LogoPos is where briefs.toml names the logo, for a diagnostic when
	// its pixels cannot be read at build.
	LogoPos diag.Pos
	// Accent colours titles, first-level headings, links and the contact
	// bar; nil keeps the house colour.
	Accent *Color
	Page   Page
	// Margins part the text frame from the page's edges.
	Margins Margins
	// Langs holds the choices made for some languages, by code.
	Langs map[string]Lang
}

// Color is an sRGB colour, as written "#1f5c99".
type Color struct{ R, G, B uint8 }

// Page is a page size, in PostScript points.
type Page struct {
	Name          string
	Width, Height float64
}

// Margins are in PostScript points.
type Margins struct{ Top, Right, Bottom, Left float64 }

// Lang is what a project chose for one language. Zero values keep the
// defaults: the language table's faces and the house body size.
type Lang struct {
	BodyFace    string  // embedded family of body text, e.g. "NotoSerifThai"
	HeadingFace string  // embedded family of titles and headings
	BodySize    float64 // points; every other size scales with it
	// NativeDigits prints every number in the language's own digits in
	// every edition (content.nativeDigits) (a brief's native_digits adds to it).
	NativeDigits bool
}

// DefaultMargins are the house margins, in points: 56 top, 62 at the
// sides, 64 at the foot (about 20, 22 and 23 mm).
var DefaultMargins = Margins{Top: 56, Right: 62, Bottom: 64, Left: 62}

// Default is what a project without briefs.toml gets.
func Default() Settings {
	return Settings{SiteTitle: "Policy briefs", Out: "dist", Page: pageSizes[0], Margins: DefaultMargins}
}

// keys are the top-level settings, in the order README.md lists them.
var keys = []string{"organisation", "site_title", "out", "logo", "accent", "page_size", "margins", "lang"}

// Load reads root/briefs.toml. A missing file gives the defaults; a broken
// one gives the defaults for what is broken, and its diagnostics.
func Load(root string) (Settings, diag.List) {
	s := Default()
	path := filepath.Join(root, FileName)
	var data []byte
	err := source.Confine(path, root)
	if err == nil {
		data, err = source.ReadFile(path)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		hint := "make briefs.toml a readable file, or delete it to use the defaults"
		if errors.Is(err, source.ErrOutside) {
			hint = source.OutsideHint
		}
		return s, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "settings", hint, "read settings: %v", err)}
	}
	if d, bad := source.Preflight(path, data, "briefs.toml"); bad {
		return s, diag.List{d}
	}
	var ix *tomlpos.Index
	if len(data) <= source.MaxFileBytes {
		ix = tomlpos.Parse(data)
	}
	if d, bad := source.TooBigIndexed(path, data, ix); bad {
		return s, diag.List{d}
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		if d, ok := source.ConflictMarker(path, data); ok {
			return s, diag.List{d}
		}
		// As a brief's: at the byte the decoder names, with its hint
		// for the mistake (curly quotes, a missing bracket).
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return s, diag.List{diag.Errorf(source.DecoderPos(path, data, pe), "toml-syntax",
				source.TOMLHint(pe.Message, pe.Usage, "fix the TOML syntax; the briefs.toml that briefs init writes shows every key"), "%s", pe.Message)}
		}
		return s, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "toml-syntax", "fix the TOML syntax; the briefs.toml that briefs init writes shows every key", "%s", firstLine(err.Error()))}
	}
	r := &reader{root: root, path: path, ix: ix}
	r.read(&s, raw)
	r.ds.Sort()
	return s, r.ds
}

// reader checks one file's values and collects what is wrong with them.
type reader struct {
	root, path string
	ix         *tomlpos.Index
	ds         diag.List
}

// pos is where a key is, or the file's start.
func (r *reader) pos(key ...string) diag.Pos {
	p, _ := r.ix.Find(key...)
	return diag.Pos{File: r.path, Line: max(p.Line, 1), Col: max(p.Col, 1)}
}

func (r *reader) errorf(key []string, code, hint, format string, args ...any) {
	r.ds = append(r.ds, diag.Errorf(r.pos(key...), code, hint, format, args...))
}

// unknown reports a key that is not a setting, with the nearest one.
func (r *reader) unknown(key []string, known []string) {
	name := key[len(key)-1]
	hint := "settings here: " + strings.Join(known, ", ")
	if c := diag.Closest(name, known); c != "" {
		hint = "did you mean " + c + "?"
	}
	r.errorf(key, "unknown-key", hint, "unknown setting %q", strings.Join(key, "."))
}

// text returns a string value, or reports that it is not one.
func (r *reader) text(key []string, v any, example string) (string, bool) {
	s, ok := v.(string)
	if !ok {
		r.errorf(key, "settings", fmt.Sprintf("write it in quotes, e.g. %s = %q", key[len(key)-1], example),
			"%s must be text, not %s", strings.Join(key, "."), kind(v))
		return s, false
	}
	// The masthead and the index print the text: a control character
	// (a "\a" escape, a pasted NUL) has no glyph in any face, which build
	// would find only while setting the page.
	for _, c := range s {
		if unicode.IsControl(c) {
			r.errorf(key, "settings", "delete it: an invisible character, or an escape such as \\u0007, that no face can draw",
				"%s contains the control character U+%04X", strings.Join(key, "."), c)
			return s, false
		}
	}
	return s, true
}

func (r *reader) read(s *Settings, raw map[string]any) {
	var margins any
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		v, key := raw[k], []string{k}
		switch k {
		case "organisation":
			if t, ok := r.text(key, v, "Mekong Migration Network"); ok && t != "" {
				s.Organisation = t
			}
		case "site_title":
			if t, ok := r.text(key, v, "Policy briefs"); ok && t != "" {
				s.SiteTitle = t
			}
		case "out":
			if t, ok := r.text(key, v, "dist"); ok && t != "" {
				first, _, _ := strings.Cut(filepath.ToSlash(filepath.Clean(t)), "/")
				switch {
				case filepath.IsAbs(t) || !filepath.IsLocal(t):
					r.errorf(key, "settings", "name a folder inside the project, e.g. dist", "out %q is not a folder inside the project", t)
				case first == "briefs" || first == "locales":
					// Output among the sources would be read as sources, and
					// serve would rebuild for ever.
					r.errorf(key, "settings", "name a folder outside briefs/ and locales/, e.g. dist", "out %q is inside %s/", t, first)
				case isFile(filepath.Join(r.root, t)):
					// build stopped with "cannot be made a folder" and no
					// position, while check passed.
					r.errorf(key, "settings", "name a folder, e.g. dist, not a file of the project", "out %q is a file, not a folder", t)
				default:
					s.Out = t
				}
			}
		case "logo":
			if t, ok := r.text(key, v, "assets/logo.png"); ok && t != "" && r.logo(key, t) {
				s.Logo, s.LogoPos = filepath.ToSlash(t), r.pos(key...)
			}
		case "accent":
			if t, ok := r.text(key, v, "#1f5c99"); ok {
				if c, err := ParseColor(t); err != nil {
					r.errorf(key, "settings", "write a hex sRGB colour, e.g. accent = \"#1f5c99\"", "accent %q: %v", t, err)
				} else {
					s.Accent = &c
				}
			}
		case "page_size":
			if t, ok := r.text(key, v, "A4"); ok {
				if p, ok := r.pageSize(key, t); ok {
					s.Page = p
				}
			}
		case "margins":
			margins = v // read once the page size is known
		case "lang":
			s.Langs = r.langs(v)
		default:
			r.unknown(key, keys)
		}
	}
	if margins != nil {
		if m, ok := r.margins(margins, s.Page); ok {
			s.Margins = m
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// kind names a decoded TOML value's type for messages.
func kind(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	}
	return "a date"
}

// FolderNamed returns the project folder that a brief ID names (briefs/,
// locales/ or the output folder, dist/ unless briefs.toml says otherwise)
// and why that is refused, or "". A brief's PDFs go to OUT/<id>/: a brief
// named after the output folder writes into a folder inside itself, and
// with out = "." one named briefs or locales writes into the sources.
func (s Settings) FolderNamed(id string) (folder, why string) {
	switch id {
	case "briefs", "locales":
		return id + "/", `with out = "." in briefs.toml its PDFs would be written into the sources`
	case filepath.Base(s.Out):
		return id + "/", fmt.Sprintf("its PDFs would go to %s/%s/, an output folder inside itself", s.Out, id)
	}
	return "", ""
}

// isFile reports whether path exists and is not a folder.
func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}
