package check

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Fixed is one text that Fix changed.
type Fixed struct {
	Pos           diag.Pos
	ID, Form      string
	Codes         []string // the findings it repairs: zawgyi, not-nfc, whitespace, zwsp
	Before, After string
}

// Fix applies the mechanical repairs check knows to every selected
// catalogue: Zawgyi converted to Unicode, NFC, stray spaces, tabs and
// ZERO WIDTH SPACEs (fixText). It writes through the byte-preserving
// writer (package catfile): only the repaired values change. A value it
// cannot rewrite in place (a multi-line string) is reported, not touched.
func Fix(root string, opts Options) ([]Fixed, diag.List, error) {
	// A --lang the check would refuse repairs nothing first.
	briefs, bds := source.LoadAll(filepath.Join(root, "briefs"))
	if err := checkLangs(opts, briefs, bds); err != nil {
		return nil, nil, err
	}
	locales := filepath.Join(root, "locales")
	if err := catalog.CheckFolder(locales); err != nil {
		return nil, nil, err
	}
	unlock, err := catfile.LockFolder(locales) // from reading to writing, as import and sync
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	cat, ds := catalog.Load(locales)
	var fixed []Fixed
	var out diag.List
	for _, f := range cat.Files {
		if f.Builtin {
			continue // embedded in the binary: nothing to write; a project's own copy is fixed
		}
		if len(opts.Langs) > 0 && !slices.Contains(opts.Langs, f.Lang) ||
			len(opts.Briefs) > 0 && f.Domain != catalog.Shared && !slices.Contains(opts.Briefs, f.Domain) {
			continue
		}
		en, _ := cat.File(f.Domain, "en")
		fx, fds, err := fixFile(f, en)
		if err != nil {
			return fixed, append(out, ds...), err
		}
		fixed, out = append(fixed, fx...), append(out, fds...)
	}
	return fixed, out, nil
}

func fixFile(f, en *catalog.File) ([]Fixed, diag.List, error) {
	doc, err := catfile.Read(f.Path)
	if err != nil {
		return nil, nil, err
	}
	data, _ := source.ReadRegular(f.Path)
	lines := strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\n")
	var fixed []Fixed
	var ds diag.List
	for _, m := range f.Messages {
		t := doc.Table(m.ID)
		var src *catalog.Message
		if f.Lang != "en" {
			src = en.Message(m.ID)
		}
		for _, form := range catalog.FormOrder {
			s, ok := m.Forms[form]
			if !ok || t == nil {
				continue
			}
			enText, isTranslation := englishForm(src, form)
			after, codes := fixText(f.Lang, s, enText, isTranslation)
			if after == s {
				continue
			}
			pos := catalog.FieldPos(lines, m.Pos, form)
			if _, err := doc.SetValue(t, form, after); err != nil {
				ds = append(ds, diag.Warnf(pos, codes[0], "fix it by hand", "cannot fix the %s form of %q in place: %v", form, m.ID, err))
				continue
			}
			fixed = append(fixed, Fixed{Pos: pos, ID: m.ID, Form: form, Codes: codes, Before: s, After: after})
		}
	}
	if _, err := doc.Write(); err != nil {
		return nil, ds, err
	}
	return fixed, ds, nil
}

func englishForm(en *catalog.Message, form string) (string, bool) {
	if en == nil {
		return "", false
	}
	if s, ok := en.Forms[form]; ok {
		return s, true
	}
	return en.Other(), true
}
