package interchange

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/check"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
)

// verify runs every check rule on a copy of the project with the new
// catalogue in place, and returns the errors the import brings: those
// the copy has after the change and did not have before. Each is placed
// at the entry of the translator's file it comes from.
func verify(root string, doc *catfile.Doc, rows map[string]diag.Pos, path string) (diag.List, error) {
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
	before, err := check.Run(tmp, check.Options{Langs: []string{lang}})
	if err != nil {
		return nil, err
	}
	copyPath := filepath.Join(tmp, "locales", filepath.Base(doc.Path))
	if err := os.WriteFile(copyPath, doc.Bytes(), 0o644); err != nil {
		return nil, err
	}
	after, err := check.Run(tmp, check.Options{Langs: []string{lang}})
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	for _, d := range before.Findings {
		if d.Severity == diag.Error {
			seen[d.Code+"\x00"+d.Msg]++
		}
	}
	var out diag.List
	copyDoc := catfile.Parse(doc.Bytes())
	for _, d := range after.Findings {
		k := d.Code + "\x00" + d.Msg
		if d.Severity != diag.Error {
			continue
		}
		if seen[k] > 0 {
			seen[k]--
			continue
		}
		out = append(out, place(d, copyPath, copyDoc, rows, path))
	}
	return out, nil
}

// place moves a finding in the copied catalogue to the entry of the
// translator's file that brought the message.
func place(d diag.Diagnostic, copyPath string, doc *catfile.Doc, rows map[string]diag.Pos, path string) diag.Diagnostic {
	where := "in " + filepath.Base(copyPath)
	if d.Pos.File == copyPath {
		line := len(doc.Head)
		for _, t := range doc.Tables {
			if d.Pos.Line > line && d.Pos.Line <= line+len(t.Lines) {
				if p, ok := rows[t.ID]; ok {
					d.Msg += " (" + where + ", message " + t.ID + ")"
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
