package settings

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// langKeys are the settings of a [lang.CODE] table.
var langKeys = []string{"body_face", "heading_face", "body_size", "native_digits"}

// Body sizes outside this range, in points, are refused: smaller is not
// legible in print, larger no longer reads as body text.
const minBodySize, maxBodySize = 7.0, 16.0

// langs reads the [lang.CODE] tables.
func (r *reader) langs(v any) map[string]Lang {
	tables, ok := v.(map[string]any)
	if !ok {
		r.errorf([]string{"lang"}, "settings", "write one table per language: [lang.th]", "lang must be a table, not %s", kind(v))
		return nil
	}
	out := map[string]Lang{}
	for _, code := range slices.Sorted(maps.Keys(tables)) {
		key := []string{"lang", code}
		row, known := lang.Lookup(code)
		if !known {
			hint := "languages: " + strings.Join(lang.Codes(), ", ")
			if want, ok := lang.AliasOf(code); ok {
				hint = fmt.Sprintf("%q is a country code; the language code is %q", code, want)
			} else if c := diag.Closest(code, lang.Codes()); c != "" {
				hint = "did you mean " + c + "?"
			}
			r.errorf(key, "unknown-language", hint, "unknown language code %q", code)
			continue
		}
		t, ok := tables[code].(map[string]any)
		if !ok {
			r.errorf(key, "settings", fmt.Sprintf("write a table: [lang.%s]", code), "lang.%s must be a table, not %s", code, kind(tables[code]))
			continue
		}
		out[code] = r.lang(key, row, t)
	}
	return out
}

// lang reads one language's table.
func (r *reader) lang(base []string, row lang.Language, t map[string]any) Lang {
	var l Lang
	faces := fonts.Families(row.Script)
	for _, k := range slices.Sorted(maps.Keys(t)) {
		key := append(slices.Clone(base), k)
		v := t[k]
		switch k {
		case "body_face", "heading_face":
			name, ok := r.text(key, v, faces[len(faces)-1])
			if !ok {
				continue
			}
			if to, ok := fonts.Retired[name]; ok && slices.Contains(faces, to) {
				r.ds = append(r.ds, diag.Warnf(r.pos(key...), "settings", fmt.Sprintf("write %s = %q", k, to),
					"%s: %s is no longer embedded (its tone marks fall onto upper vowels); %s, also looped, sets the text", strings.Join(key, "."), name, to))
				name = to
			}
			if !slices.Contains(faces, name) {
				hint := fmt.Sprintf("%s text can be set in %s", row.Name, strings.Join(faces, " or "))
				if c := diag.Closest(name, faces); c != "" {
					hint = fmt.Sprintf("did you mean %q? %s", c, hint)
				}
				r.errorf(key, "settings", hint, "%s: no embedded face %q for %s", strings.Join(key, "."), name, row.Name)
				continue
			}
			if k == "body_face" {
				l.BodyFace = name
			} else {
				l.HeadingFace = name
			}
		case "body_size":
			size, ok := number(v)
			if !ok || size < minBodySize || size > maxBodySize {
				r.errorf(key, "settings", fmt.Sprintf("give a size in points from %g to %g, e.g. body_size = 10.5", minBodySize, maxBodySize),
					"%s must be a size in points from %g to %g, not %v", strings.Join(key, "."), minBodySize, maxBodySize, describe(v))
				continue
			}
			l.BodySize = size
		case "native_digits":
			b, ok := v.(bool)
			if !ok {
				r.errorf(key, "settings", "write native_digits = true or false", "%s must be true or false, not %s", strings.Join(key, "."), kind(v))
				continue
			}
			if b && row.Digits == "" {
				r.errorf(key, "settings", "remove the line: "+row.Name+" is written with ASCII digits", "%s has no digits of its own", row.Name)
				continue
			}
			l.NativeDigits = b
		default:
			r.unknown(key, langKeys)
		}
	}
	return l
}

// number reads an integer or a float.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, !math.IsNaN(n) // TOML's nan compares as no size, and passed every range test
	}
	return 0, false
}

func describe(v any) string {
	if _, ok := number(v); ok {
		return fmt.Sprint(v)
	}
	return kind(v)
}
