package catalog

import (
	"io/fs"
	"os"
	"sort"
	"strings"

	briefs "github.com/mekong-briefs/briefs"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// BuiltinPrefix starts the path of a built-in catalogue, so that a finding
// about one names it as such ("builtin:locales/shared.km.toml").
const BuiltinPrefix = "builtin:"

// addBuiltins adds the built-in shared catalogue of every language the
// project has none of. A project's own shared.<lang>.toml overrides the
// built-in messages it has and inherits the others (inherit); sync never
// writes a built-in catalogue, or an inherited message, into the project.
func (c *Catalog) addBuiltins() diag.List {
	names, _ := fs.Glob(briefs.SharedCatalogues, "locales/shared.*.toml")
	var ds diag.List
	for _, name := range names {
		lang := strings.TrimSuffix(strings.TrimPrefix(name, "locales/shared."), ".toml")
		if _, ok := c.index[key{Shared, lang}]; ok {
			continue
		}
		if !c.keep(Shared, lang) {
			c.later(key{Shared, lang}, func() *File { f, _ := readBuiltin(name, lang); return f })
			continue
		}
		f, fds := readBuiltin(name, lang)
		ds = append(ds, fds...)
		if f == nil {
			continue
		}
		c.Files = append(c.Files, f)
		c.index[key{Shared, lang}] = f
	}
	sort.SliceStable(c.Files, func(i, j int) bool { return c.Files[i].Path < c.Files[j].Path })
	return ds
}

// inherit adds to a project's own shared catalogue the built-in messages
// of its language that it lacks, marked Inherited: a project that changes
// one word of the layout keeps the others, and a newer briefs's new words
// (a language's name, an edition's) arrive without a sync. Other files
// come back as they are.
func inherit(f *File) *File {
	if f == nil || f.Domain != Shared || f.Builtin {
		return f
	}
	b, _ := readBuiltin("locales/shared."+f.Lang+".toml", f.Lang)
	if b == nil {
		return f
	}
	for _, m := range b.Messages {
		if f.Message(m.ID) != nil {
			continue
		}
		im := *m
		im.Inherited = true
		f.Messages = append(f.Messages, &im)
		if f.byID != nil {
			f.byID[im.ID] = &im
		}
	}
	return f
}

// readBuiltin reads the built-in shared catalogue of a language, named
// name in briefs.SharedCatalogues; nil when it has errors.
func readBuiltin(name, lang string) (*File, diag.List) {
	data, err := fs.ReadFile(briefs.SharedCatalogues, name)
	if err != nil {
		return nil, nil
	}
	path := BuiltinPrefix + name
	msgs, ds := parseMessages(path, data)
	if ds.HasErrors() {
		return nil, ds
	}
	f := newFile(path, Shared, lang, msgs)
	f.Builtin = true
	return f, ds
}

// Source returns the bytes a file was loaded from: the embedded ones for a
// built-in catalogue, else the file on disk.
func (f *File) Source() ([]byte, error) {
	if name, ok := strings.CutPrefix(f.Path, BuiltinPrefix); ok && f.Builtin {
		return fs.ReadFile(briefs.SharedCatalogues, name)
	}
	return os.ReadFile(f.Path)
}
