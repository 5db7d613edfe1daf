package source

import (
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// wrongTypes finds the values that a decoder type error is about by
// walking the file, decoded without a schema, along the struct it was to
// fill (target, a pointer): every value whose kind its field cannot hold,
// each placed at its own key, so that an editor fixes them in one go. The
// decoder stops at the first and names only the last line where a key
// of that name was seen (the last [[block]]'s msg, 150 lines on from the
// first block's msg = 42), or no line at all when a table stands where an
// array belongs (languages = { my = true }).
func wrongTypes(path string, data []byte, target any) diag.List {
	var probe map[string]any
	if _, err := toml.Decode(string(data), &probe); err != nil {
		return nil
	}
	var found []typeMismatch
	mismatch(probe, reflect.TypeOf(target).Elem(), nil, &found)
	if len(found) == 0 {
		return nil
	}
	ix := tomlpos.Parse(data)
	var ds diag.List
	for _, m := range found {
		ds = append(ds, m.diagnostic(path, ix))
	}
	return ds
}

// typeMismatch is a value its field cannot hold: where, what it is, and
// what it must be.
type typeMismatch struct {
	keys      []string
	got, want string
}

func (m typeMismatch) diagnostic(path string, ix *tomlpos.Index) diag.Diagnostic {
	pos := diag.Pos{File: path, Line: 1, Col: 1}
	// An element of an inline array (values = ["NaN", 3]) has no key of
	// its own, and the index has no tables of an array of tables within
	// another ([[block.series]]): the value is placed at the nearest key
	// the index has, its array's or its block's, not at 1:1.
	for at := m.keys; len(at) > 0; at = at[:len(at)-1] {
		if p, found := ix.Find(at...); found {
			pos.Line, pos.Col = p.Line, p.Col
			break
		}
	}
	var named []string
	for _, k := range m.keys {
		if _, err := strconv.Atoi(k); err != nil {
			named = append(named, k)
		}
	}
	hint := "see BRIEF FORMAT in briefs man, which lists every block type and key"
	if strings.Join(named, ".") == "block.items" && m.got == "an array" {
		hint = "a list holds message IDs, and lists do not nest: put the sub-items in a list block of their own after this one"
	}
	return diag.Errorf(pos, "toml-type", hint, "%s is %s; it must be %s", strings.Join(named, "."), m.got, m.want)
}

// mismatch walks v along t and appends to found every value t cannot
// hold, in the file's order of keys within a table and of elements.
func mismatch(v any, t reflect.Type, path []string, found *[]typeMismatch) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	here := func() { *found = append(*found, typeMismatch{path, KindOf(v), wantKind(t)}) }
	switch {
	case t == reflect.TypeOf(time.Time{}):
		if _, is := v.(time.Time); !is {
			here()
		}
	case t.Kind() == reflect.Struct:
		m, is := v.(map[string]any)
		if !is {
			here()
			return
		}
		fieldsMismatch(m, t, path, found)
	case t.Kind() == reflect.Slice:
		var items []any
		switch s := v.(type) {
		case []any:
			items = s
		case []map[string]any:
			for _, x := range s {
				items = append(items, x)
			}
		default:
			here()
			return
		}
		for i, x := range items {
			mismatch(x, t.Elem(), append(append([]string{}, path...), strconv.Itoa(i)), found)
		}
	case t.Kind() == reflect.String:
		if _, is := v.(string); !is {
			here()
		}
	case t.Kind() == reflect.Int:
		if _, is := v.(int64); !is {
			here()
		}
	case t.Kind() == reflect.Float64:
		switch v.(type) {
		case float64, int64:
		default:
			here()
		}
	case t.Kind() == reflect.Bool:
		if _, is := v.(bool); !is {
			here()
		}
	}
}

// fieldsMismatch is mismatch for the fields of struct t, embedded structs
// included, by their toml names.
func fieldsMismatch(m map[string]any, t reflect.Type, path []string, found *[]typeMismatch) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			fieldsMismatch(m, f.Type, path, found)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		x, present := m[name]
		if name == "" || !present {
			continue
		}
		mismatch(x, f.Type, append(append([]string{}, path...), name), found)
	}
}

// wantKind says in words what a field of type t holds.
func wantKind(t reflect.Type) string {
	switch {
	case t == reflect.TypeOf(time.Time{}):
		return "a date, such as 2019-07-01"
	case t.Kind() == reflect.Struct:
		return "a table"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return "an array of tables, written [[name]]"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return `an array of text, such as ["en", "km"]`
	case t.Kind() == reflect.Slice:
		return "an array, such as [1, 2]"
	case t.Kind() == reflect.Int:
		return "a whole number, such as 1"
	case t.Kind() == reflect.Float64:
		return "a number, such as 0.5"
	case t.Kind() == reflect.Bool:
		return "true or false"
	}
	return `text in quotes, such as "title"`
}

// KindOf says in words what a value the TOML decoder gave is, for a
// message: "text", "a number", "a table".
func KindOf(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64, float64:
		return "a number"
	case bool:
		return "true or false"
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return "another type"
}
