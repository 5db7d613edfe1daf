package settings

import (
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // register the decoders for image.DecodeConfig
	_ "image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
)

// pageSizes are the page sizes briefs sets, the default first: ISO 216 A4
// (210 × 297 mm) and A5 (148 × 210 mm), and ANSI Letter (8.5 × 11 in),
// in PostScript points (1 in = 72 pt = 25.4 mm).
var pageSizes = []Page{
	{Name: "A4", Width: 595.276, Height: 841.890},
	{Name: "Letter", Width: 612, Height: 792},
	{Name: "A5", Width: 419.528, Height: 595.276},
}

func pageNames() []string {
	var out []string
	for _, p := range pageSizes {
		out = append(out, p.Name)
	}
	return out
}

// pageSize looks a page size up by name, in any case.
func (r *reader) pageSize(key []string, name string) (Page, bool) {
	for _, p := range pageSizes {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	hint := "page sizes: " + strings.Join(pageNames(), ", ")
	if c := diag.Closest(name, pageNames()); c != "" && len(name) > 2 {
		hint = fmt.Sprintf("did you mean %q? %s", c, hint)
	}
	r.errorf(key, "settings", hint, "unknown page size %q", name)
	return Page{}, false
}

// ParseColor reads "#rrggbb" or "#rgb".
func ParseColor(s string) (Color, error) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if !ok {
		return Color{}, fmt.Errorf("a colour starts with #")
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return Color{}, fmt.Errorf("a colour has 3 or 6 hex digits after #")
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("%q is not hexadecimal", h)
	}
	return Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}, nil
}

var lengthRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*(mm|cm|in|pt)\s*$`) }) // compiled on first use, not at every start

// pointsPer converts each unit to PostScript points.
var pointsPer = map[string]float64{"pt": 1, "in": 72, "mm": 72 / 25.4, "cm": 720 / 25.4}

// ParseLength reads a length with its unit ("20mm", "0.75in", "54pt") in
// points.
func ParseLength(s string) (float64, error) {
	m := lengthRE().FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("not a length with a unit (mm, cm, in or pt)")
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v * pointsPer[m[2]], nil
}

// The limits on margins: a printer cannot print nearer the edge than
// about 10 mm, the footer needs 15 mm at the foot, and the text frame must
// hold a table or chart at a legible size.
const (
	mm             = 72 / 25.4
	minMargin      = 10 * mm
	minFootMargin  = 15 * mm
	minFrameWidth  = 90 * mm
	minFrameHeight = 120 * mm
)

var sides = []string{"top", "right", "bottom", "left"}

// margins reads margins = "20mm" or a table of sides; sides the table
// leaves out keep the default.
func (r *reader) margins(v any, page Page) (Margins, bool) {
	key := []string{"margins"}
	m := DefaultMargins
	at := map[string]*float64{"top": &m.Top, "right": &m.Right, "bottom": &m.Bottom, "left": &m.Left}
	ok := true
	switch v := v.(type) {
	case string:
		l, err := ParseLength(v)
		if err != nil {
			r.errorf(key, "settings", `write margins = "20mm", or a table: margins = { top = "18mm", bottom = "22mm" }`, "margins %q: %v", v, err)
			return m, false
		}
		m = Margins{l, l, l, l}
	case map[string]any:
		for side, sv := range v {
			k := []string{"margins", side}
			p, known := at[side]
			if !known {
				r.unknown(k, sides)
				ok = false
				continue
			}
			t, isText := r.text(k, sv, "20mm")
			if !isText {
				ok = false
				continue
			}
			l, err := ParseLength(t)
			if err != nil {
				r.errorf(k, "settings", `write a length with its unit, e.g. "20mm"`, "margins.%s %q: %v", side, t, err)
				ok = false
				continue
			}
			*p = l
		}
	default:
		r.errorf(key, "settings", `write margins = "20mm", or a table: margins = { top = "18mm", bottom = "22mm" }`, "margins must be text or a table, not %s", kind(v))
		return m, false
	}
	return m, ok && r.frameFits(m, page)
}

// frameFits reports margins that leave too little room or too little edge.
func (r *reader) frameFits(m Margins, page Page) bool {
	key := []string{"margins"}
	for _, side := range sides {
		least := minMargin
		if side == "bottom" {
			least = minFootMargin
		}
		if v := map[string]float64{"top": m.Top, "right": m.Right, "bottom": m.Bottom, "left": m.Left}[side]; v < least-1e-9 {
			r.errorf(key, "settings", fmt.Sprintf("give the %s margin at least %.0f mm", side, least/mm),
				"the %s margin, %.1f mm, is too narrow to print", side, v/mm)
			return false
		}
	}
	w, h := page.Width-m.Left-m.Right, page.Height-m.Top-m.Bottom
	if w < minFrameWidth || h < minFrameHeight {
		r.errorf(key, "settings", fmt.Sprintf("narrow the margins: the text needs at least %.0f × %.0f mm", minFrameWidth/mm, minFrameHeight/mm),
			"the margins leave a text frame of %.0f × %.0f mm on %s", max(w, 0)/mm, max(h, 0)/mm, page.Name)
		return false
	}
	return true
}

// logo checks that the masthead image is a PNG or JPEG inside the
// project, reading only its header: layout scales it to the masthead.
func (r *reader) logo(key []string, name string) bool {
	fail := func(hint, format string, args ...any) bool {
		r.errorf(key, "settings", hint, "logo %q: "+format, append([]any{name}, args...)...)
		return false
	}
	if filepath.IsAbs(name) || !filepath.IsLocal(filepath.FromSlash(name)) {
		return fail("copy the image into the project and name it relative to briefs.toml, e.g. logo = \"assets/logo.png\"", "is outside the project")
	}
	path := filepath.Join(r.root, filepath.FromSlash(name))
	f, err := os.Open(path)
	if err != nil {
		hint := "put the image in the project and name it relative to briefs.toml"
		if c := diag.Closest(filepath.Base(name), images(filepath.Dir(path))); c != "" {
			hint = fmt.Sprintf("did you mean %q?", filepath.ToSlash(filepath.Join(filepath.Dir(name), c)))
		}
		return fail(hint, "cannot be opened: %v", errors.Unwrap(err))
	}
	defer f.Close()
	real, err1 := filepath.EvalSymlinks(path)
	base, err2 := filepath.EvalSymlinks(r.root)
	if rel, err := filepath.Rel(base, real); err1 != nil || err2 != nil || err != nil || !filepath.IsLocal(rel) {
		return fail("copy the image into the project instead of linking to it", "is a link to a file outside the project")
	}
	cfg, format, err := image.DecodeConfig(f)
	switch {
	case err != nil:
		return fail("save the logo as PNG or JPEG", "cannot be read as an image: %v", err)
	case format != "png" && format != "jpeg":
		return fail("save the logo as PNG or JPEG", "is a %s image", format)
	case cfg.Width <= 0 || cfg.Height <= 0:
		return fail("use an image with pixels", "is empty")
	case int64(cfg.Width)*int64(cfg.Height) > source.MaxPixels:
		return fail("scale the logo down; 1000 pixels across is plenty for a masthead", "is %d×%d pixels, over the limit of %d megapixels",
			cfg.Width, cfg.Height, source.MaxPixels/1_000_000)
	}
	return true
}

// images lists the PNG and JPEG files in a folder, for "did you mean".
func images(dir string) []string {
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".png", ".jpg", ".jpeg":
			names = append(names, e.Name())
		}
	}
	return names
}
