package interchange

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/check"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// verify runs every check rule on a copy of the project with the new
// catalogue in place, and returns the findings the import brings (see
// brought): those the copy has after the change and did not have before. Each is placed
// at the entry of the translator's file it comes from.
func verify(root string, doc *catfile.Doc, rows map[string]Entry, path string) (diag.List, error) {
	tmp, err := os.MkdirTemp("", "briefs-import-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	for _, d := range []string{"briefs", "locales"} {
		if err := copyTree(filepath.Join(root, d), filepath.Join(tmp, d)); err != nil {
			return nil, err
		}
	}
	lang := strings.Split(filepath.Base(doc.Path), ".")[1]
	before, err := check.Run(tmp, check.Options{Langs: []string{lang}, AnyLang: true})
	if err != nil {
		return nil, err
	}
	copyPath := filepath.Join(tmp, "locales", filepath.Base(doc.Path))
	if err := os.WriteFile(copyPath, doc.Bytes(), 0o644); err != nil {
		return nil, err
	}
	after, err := check.Run(tmp, check.Options{Langs: []string{lang}, AnyLang: true})
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	for _, d := range before.Findings {
		if brought(d) {
			seen[d.Code+"\x00"+d.Msg]++
		}
	}
	var out diag.List
	copyDoc, ix := catfile.Parse(doc.Bytes()), tomlpos.Parse(doc.Bytes())
	for _, d := range after.Findings {
		k := d.Code + "\x00" + d.Msg
		if !brought(d) {
			continue
		}
		if seen[k] > 0 {
			seen[k]--
			continue
		}
		// The copy's paths are gone once import returns: a finding
		// naming another file of it names the project's (memory: "the
		// other is at /tmp/briefs-import-…/locales/…").
		d.Msg, d.Hint = projectPaths(d.Msg, tmp, root), projectPaths(d.Hint, tmp, root)
		if f := d.Pos.File; f != copyPath && strings.HasPrefix(f, tmp+string(filepath.Separator)) {
			d.Pos.File = filepath.Join(root, f[len(tmp)+1:])
			out = append(out, d)
			continue
		}
		out = append(out, place(d, copyPath, copyDoc, ix, rows, path))
	}
	return out, nil
}

// brought reports whether import tells of a finding the file brings:
// every error (it refuses the file), and the warnings about what the
// translator wrote (dropped markup or links, spaces at the ends), which a
// later check reported and import's summary did not. Staleness it reports
// in its own words; an unknown word is the editor's to list. A missing
// translation is never brought: import writes translations and deletes
// none, so what is missing after it was missing before, though check
// counts it otherwise once a catalogue exists (one finding for a missing
// catalogue, one per message in a catalogue a partial file creates).
func brought(d diag.Diagnostic) bool {
	switch {
	case d.Code == check.CodeMissing:
		return false
	case d.Severity == diag.Error:
		return true
	case d.Code == check.CodeStale, d.Code == check.CodeNoHash, d.Code == check.CodeUnknownWord:
		return false
	}
	return d.Severity == diag.Warning
}

// place moves a finding in the copied catalogue to the entry of the
// translator's file that brought the message: to the character it is
// about when the finding has a column in a form's text and the file can
// say where it writes that character (a PO msgstr over several lines),
// else to the entry.
func place(d diag.Diagnostic, copyPath string, doc *catfile.Doc, ix *tomlpos.Index, rows map[string]Entry, path string) diag.Diagnostic {
	if isXLIFF(path) {
		d.Hint = text.PlainHint(d.Hint) // XML writes \* as it reads, TOML and PO as \\*
	} else {
		// PO escapes the backslash as TOML does: the same two, in the
		// file the translator has.
		d.Hint = strings.ReplaceAll(strings.ReplaceAll(d.Hint, "in the TOML file", "in the PO file"), "as TOML escapes it", "as PO escapes it")
	}
	if d.Code == check.CodeZawgyi {
		d.Hint = strings.Replace(d.Hint, "; "+check.ZawgyiFix, "; paste the Unicode text into the tool for this entry, or set the tool's font to a Unicode one and retype it", 1)
	}
	where := "in " + filepath.Base(copyPath)
	if d.Pos.File == copyPath {
		line := len(doc.Head)
		for _, t := range doc.Tables {
			if d.Pos.Line > line && d.Pos.Line <= line+len(t.Lines) {
				if e, ok := rows[t.ID]; ok {
					d.Msg += " (" + where + ", message " + t.ID + ")"
					p, ok := charPos(d.Pos, e, t, d.Pos.Line-line-1, ix)
					if !ok {
						p = e.Pos
					}
					d.Pos = p
					return d
				}
			}
			line += len(t.Lines)
		}
	}
	d.Msg += " (" + where + ")"
	d.Pos = diag.Pos{File: path, Line: 1, Col: 1}
	return d
}

// charPos finds, in the translator's file, the character that a finding
// at pos, line i of table t of the copy, is about.
func charPos(pos diag.Pos, e Entry, t *catfile.Table, i int, ix *tomlpos.Index) (diag.Pos, bool) {
	if e.At == nil || pos.Col <= 1 {
		return diag.Pos{}, false
	}
	for _, form := range catalog.FormOrder {
		if t.KeyLine(form) == i {
			off, ok := ix.TextOffset(tomlpos.Pos{Line: pos.Line, Col: pos.Col}, t.ID, form)
			if !ok {
				return diag.Pos{}, false
			}
			return e.At(off)
		}
	}
	return diag.Pos{}, false
}

// copyTree copies the regular files under src to dst, dot files aside.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if strings.HasPrefix(e.Name(), ".") && rel != "." {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !e.Type().IsRegular() {
			return nil
		}
		data, err := source.ReadRegular(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// projectPaths writes the paths of the copy tmp in s as the project's,
// under root as the command names it.
func projectPaths(s, tmp, root string) string {
	to := filepath.Clean(root) + string(filepath.Separator)
	if to == "."+string(filepath.Separator) {
		to = "" // locales/…, as every other finding names it
	}
	return strings.ReplaceAll(s, tmp+string(filepath.Separator), to)
}
