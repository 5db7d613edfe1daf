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
// project has none of. A project's own shared.<lang>.toml replaces the
// built-in one whole; sync never writes a built-in catalogue into the
// project.
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
