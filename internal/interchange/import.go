package interchange

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Import merges one translator's file into its TOML catalogue under
// root/locales. It writes nothing when the file, or the catalogue it
// would produce, has any error: every check rule runs on the result
// (see verify), so a broken template, Zawgyi text or a wrong number of
// plural forms refuses the whole file. Batch imports several.
func Import(root, path string) (*Imported, diag.List) {
	res, ds, _ := importFile(root, path, func(string) map[string]given { return nil }, false)
	return res, ds
}

// importFile is Import, given what earlier files of its batch wrote into
// each catalogue (earlier returns nil for none) and whether to replace
// translations changed since the export (Batch.Replace); it also returns
// what this file wrote.
func importFile(root, path string, earlier func(target string) map[string]given, replace bool) (*Imported, diag.List, map[string]given) {
	in, ds := Read(path)
	if ds.HasErrors() {
		return nil, ds, nil
	}
	res := &Imported{Source: path}
	if len(in.Entries) == 0 {
		return res, append(ds, diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, CodeImportSource,
			"export the catalogue again (briefs export) and translate that file", "the file holds no messages: it is empty, or not one briefs export wrote")), nil
	}
	if bad := in.validate(path); bad != nil {
		return res, append(ds, *bad), nil
	}
	locales := filepath.Join(root, "locales")
	// Held from the catalogues' reading to their writing: another import
	// (or sync) at once would otherwise write back what it read over this
	// one's work.
	if catalog.CheckFolder(locales) == nil { // without one, no English catalogue is the finding
		unlock, err := catfile.LockFolder(locales)
		if err != nil {
			return res, append(ds, diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "read", "check that locales/ is readable", "%v", err)), nil
		}
		defer unlock()
	}
	cat, cds := catalog.Load(locales)
	res.Target = filepath.Join(locales, in.Domain+"."+in.Lang+".toml")
	en, ok := cat.File(in.Domain, "en")
	if !ok {
		return res, append(ds, diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, CodeImportSource,
			"the file names its catalogue in the "+HeaderDomain+" header (PO) or <file original> (XLIFF)",
			"there is no English catalogue %s.en.toml for this file", in.Domain)), nil
	}
	if bad := in.named(en); bad != nil {
		return res, append(ds, bad...), nil
	}
	if dup := in.duplicates(); dup != nil {
		return res, append(ds, dup...), nil
	}
	if other := in.otherCatalogue(cat, en); other != nil {
		return res, append(ds, *other), nil
	}
	// Told of whatever else the file brings: the rest may be as
	// exported, and msgmerge's #~ the one place the work is.
	current, _ := cat.File(in.Domain, in.Lang)
	ds = append(ds, in.obsoleteWork(current)...)
	exported, at, recorded := exportOf(root, path, in)
	exported = exported.forgetUndone(at.from, heldDigests(cat, in.Domain, in.Lang))
	if lang, _, ok := strings.Cut(at.file, "/"); recorded && ok && lang != in.Lang && lang != "" {
		// A copy of another language's export (its X-Briefs-Sum says
		// which) that now says it is in this one: read against that
		// export's record it was "changed since the export" everywhere.
		return res, append(ds, diag.Errorf(in.LangPos, "import-language",
			fmt.Sprintf("import it as %s (its Language header and folder), or translate the %s file that briefs export --lang %s writes", lang, in.Lang, in.Lang),
			"the file is briefs's %s export (%s), but it says it is in %q", lang, at.file, in.Lang)), nil
	}
	if asExported(in) {
		// As export wrote it: the translator changed nothing, so what
		// differs from the catalogue now was changed there since (an
		// edit of the TOML, check --fix), and importing the file would
		// put the exported text back over it. export reasons the same
		// way (firstUnimported).
		res.AsExported = true
		res.Unchanged = len(in.Entries)
		return res, ds, nil
	}
	if same := exported.untouched(in, at.from); len(same) > 0 {
		// The entries the translator left as export wrote them bring
		// nothing: the TOML may have changed since (an edit by hand,
		// check --fix), and they would put the exported text back.
		kept := in.Entries[:0:0]
		for _, e := range in.Entries {
			if !same[e.ID] {
				kept = append(kept, e)
			}
		}
		res.Unchanged += len(in.Entries) - len(kept)
		if len(kept) == 0 {
			res.AsExported = true
			res.AsImported = exported.imported(in, at.from)
			return res, ds, nil
		}
		in.Entries = kept
	}
	for _, d := range cds {
		if d.Severity == diag.Error && (d.Pos.File == res.Target || d.Pos.File == en.Path) {
			return res, append(ds, diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, CodeImportSource,
				"fix it first: briefs check", "%s does not load: %s", d.Pos, d.Msg)), nil
		}
	}
	doc, err := catfile.Read(res.Target)
	if err != nil {
		return res, append(ds, diag.Errorf(diag.Pos{File: res.Target, Line: 1, Col: 1}, "read", "check that the file is readable", "%v", err)), nil
	}
	old, _ := cat.File(in.Domain, in.Lang)
	ds = append(ds, in.renamed(en, old, exported.Imported[at.from])...)
	if old != nil {
		texts := borrowedFrom(old)
		for i, e := range in.Entries {
			var own map[string]string
			if m := old.Message(e.ID); m != nil {
				own = m.Forms
			}
			texts.guess(&in.Entries[i], own)
		}
	}
	a := &applier{in: in, en: en, old: old, doc: doc, res: res, rows: map[string]Entry{},
		earlier: earlier(res.Target), wrote: map[string]given{}, keep: keptNames(root)}
	if !replace {
		a.exported = exported.held(at.from)
	}
	if !doc.Exists {
		doc.SetHead(fmt.Sprintf("Catalogue %q in %s, imported by briefs import.", in.Domain, in.Lang), "")
		doc.Head[len(doc.Head)-1] = doc.EOL
	}
	a.run()
	ds = append(ds, a.ds...)
	if in.Sum != "" && !recorded && len(a.replaced) > 0 {
		ds = append(ds, unrecorded(path, in.Sum, a.replaced))
	}
	if ds.HasErrors() {
		return res, ds, nil
	}
	if !doc.Exists && res.Stamped+res.Unreviewed == 0 {
		return res, ds, nil // nothing translated: no new catalogue of headers alone
	}
	found, err := verify(root, doc, a.rows, path)
	if err != nil {
		return res, append(ds, diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "import-check",
			"briefs check must be able to run on the project (briefs/ and locales/ under --root)", "%v", err)), nil
	}
	ds = append(ds, found...)
	if ds.HasErrors() {
		return res, ds, nil
	}
	res.Written, err = doc.Write()
	if err != nil {
		return res, append(ds, diag.Errorf(diag.Pos{File: res.Target, Line: 1, Col: 1}, "write", "check that locales/ is writable", "%v", err)), a.wrote
	}
	if recorded && len(a.wrote) > 0 {
		if err := markImported(at, in.Sum, a.marks()); err != nil {
			ds = append(ds, diag.Warnf(diag.Pos{File: path, Line: 1, Col: 1}, CodeImportUnrecorded,
				"the catalogue is written; a later import of this file may then call its own changes a conflict (import it with --replace)",
				"import: %v", err))
		}
	}
	return res, ds, a.wrote
}

// unrecorded warns that a file briefs exported (it has a work sum) was
// imported with no record of that export (it is older than the record
// keeps, keptExports, or the record was not kept with the files): where
// it replaces a current translation, import cannot tell the
// translator's change from a fix made in the catalogue since the export,
// which it then undoes.
func unrecorded(path, sum string, replaced []diag.Pos) diag.Diagnostic {
	return diag.Warnf(replaced[0], CodeImportUnrecorded,
		"if the catalogue was fixed since that export, check these messages in git diff; keep "+ExportedName+" with the exported files, and translate a recent export",
		"no export record holds this file (%s %s), so every entry that differs from the catalogue is taken as the translator's change: %d current translation(s) replaced, the first here", HeaderSum, sum, len(replaced))
}

// translated lists the codes of the languages a file can be in: every
// language briefs publishes in but English, the source.
func translated() []string {
	var out []string
	for _, c := range lang.Codes() {
		if c != "en" {
			out = append(out, c)
		}
	}
	return out
}

// validate refuses a file for the source language or an unknown one.
func (in *Incoming) validate(path string) *diag.Diagnostic {
	pos := in.LangPos
	if pos.File == "" {
		pos = diag.Pos{File: path, Line: 1, Col: 1}
	}
	if in.Lang == "en" {
		d := diag.Errorf(pos, "import-source", "the English catalogue is the source: edit locales/*.en.toml", "the file is in English")
		return &d
	}
	if !lang.Supported(in.Lang) {
		hint := "set the Language header (XLIFF: target-language) to one of " + strings.Join(translated(), ", ")
		if s := source.LanguageSuggestion(in.Lang); s != "" {
			hint = s + ": " + hint
		}
		d := diag.Errorf(pos, "unknown-language", hint, "the file is in %q, which briefs does not publish in", in.Lang)
		return &d
	}
	// export writes <lang>/<catalogue>.po; a tool that changed the
	// Language header (Poedit's catalogue properties) would send Khmer
	// into the Thai catalogue.
	if dir := filepath.Base(filepath.Dir(path)); lang.Supported(dir) && dir != in.Lang {
		d := diag.Errorf(pos, "import-language", "correct the Language header (XLIFF: target-language), or move the file to the right folder",
			"the file says it is in %q, but it is in the folder %s/", in.Lang, dir)
		return &d
	}
	return nil
}

// duplicates refuses a file that translates one message twice (two
// entries with one msgctxt, or two trans-units with one resname): which
// one a tool meant cannot be told.
// named gives each entry without its msgctxt (NoID) the ID of the one
// English message whose text is its msgid; an entry whose English is no
// message's, or several messages', is an error.
func (in *Incoming) named(en *catalog.File) diag.List {
	var ds diag.List
	keep := "keep the msgctxt line briefs export wrote: it is the message ID"
	if in.Format == "xliff" {
		keep = "keep the resname attribute briefs export wrote on each trans-unit: it is the message ID"
	}
	for i, e := range in.Entries {
		if !e.NoID {
			continue
		}
		if e.ID != "" && en.Message(e.ID) != nil {
			in.Entries[i].NoID = false // an XLIFF unit's id that names a message
			continue
		}
		var ids []string
		for _, m := range en.Messages {
			if slices.Equal(shownSource(in.Format, in.Lang, m), e.Source) {
				ids = append(ids, m.ID)
			}
		}
		switch {
		case len(ids) == 1:
			in.Entries[i].ID, in.Entries[i].NoID = ids[0], false
		case len(ids) == 0 && e.ID != "":
			// An XLIFF unit's own id, of a message removed since: the
			// applier leaves it out with its text (import-source), as
			// it does any entry of a message the English lacks.
			in.Entries[i].NoID = false
		case len(ids) == 0:
			ds = append(ds, diag.Errorf(e.Pos, "import-format", keep,
				"entry %q has no message ID, and its English is no message's now", clip(e.Source[0])))
		default:
			ds = append(ds, diag.Errorf(e.Pos, "import-format", keep,
				"entry %q has no message ID, and its English is the text of %d messages (%s)", clip(e.Source[0]), len(ids), strings.Join(ids, ", ")))
		}
	}
	return ds
}

// otherCatalogue refuses a file that holds another catalogue's messages
// than the one its file name gives (en's), naming none itself: the file
// of one brief saved under another's name, its header lost. Each entry was then told apart as a
// message removed or changed since the export, some forty warnings, and
// the import passed with nothing taken. A file is another's when fewer
// than half of its entries match en (ID and English) and most match that
// other catalogue's English.
func (in *Incoming) otherCatalogue(cat *catalog.Catalog, en *catalog.File) *diag.Diagnostic {
	if !in.DomainByName {
		// The file names its catalogue (a brief copied from another has
		// its messages, with English revised since): it is that one's.
		return nil
	}
	matches := func(f *catalog.File) int {
		n := 0
		for _, e := range in.Entries {
			if m := f.Message(e.ID); m != nil && slices.Equal(shownSource(in.Format, in.Lang, m), e.Source) {
				n++
			}
		}
		return n
	}
	own := matches(en)
	if 2*own >= len(in.Entries) {
		return nil
	}
	best, most := "", own
	for _, f := range cat.Files {
		if f.Lang != "en" || f.Domain == en.Domain || f.Builtin {
			continue
		}
		if n := matches(f); n > most && 2*n >= len(in.Entries) {
			best, most = f.Domain, n
		}
	}
	if best == "" {
		return nil
	}
	d := diag.Errorf(diag.Pos{File: in.Path, Line: 1, Col: 1}, CodeImportSource,
		fmt.Sprintf("rename the file to %s%s, or put the header %s: %s back; then import it", best, filepath.Ext(in.Path), HeaderDomain, best),
		"the file holds the messages of %s (%d of its %d entries), not of %s, which it is named for (%d)", best, most, len(in.Entries), en.Domain, own)
	return &d
}

// renamed gives a finished entry (not fuzzy) of a message the English no
// longer has the ID of the one English message with the same English
// that has no translation yet (or only the one this file's last import
// gave it) and no entry of its own in the file: it was
// renamed since the export (rec.2 to rec2, in brief.toml and the English),
// sync kept the old translation as an orphan and gave the new ID none, and
// the translator's work belongs there. Each is a warning; an entry whose
// English fits no such message, or several, is left out as before
// (applier.entry, import-source).
func (in *Incoming) renamed(en, old *catalog.File, took map[string]importMark) diag.List {
	var ds diag.List
	has := map[string]bool{}
	for _, e := range in.Entries {
		has[e.ID] = true
	}
	for i, e := range in.Entries {
		if e.Fuzzy || !slices.ContainsFunc(e.Target, func(t string) bool { return t != "" }) || en.Message(e.ID) != nil {
			continue // a draft or an empty entry would be left out under either ID: the warning with its text is more use
		}
		var ids []string
		for _, m := range en.Messages {
			if has[m.ID] || !slices.Equal(shownSource(in.Format, in.Lang, m), e.Source) {
				continue
			}
			if t := old.Message(m.ID); t != nil && len(t.Forms) > 0 {
				// Translated: by this file's own last import of the
				// renamed entry (the translator works on and imports
				// again), as long as nobody changed it since; else the
				// translation is someone's, and stays.
				if mk, ok := took[m.ID]; !ok || mk.Held != formsDigest(carried(in.Lang, m, t)) {
					continue
				}
			}
			ids = append(ids, m.ID)
		}
		if len(ids) != 1 {
			continue
		}
		ds = append(ds, diag.Warnf(e.Pos, CodeImportRenamed,
			"nothing to do if "+ids[0]+" is the message's new ID; otherwise move the translation in "+in.Domain+"."+in.Lang+".toml",
			"translation of %q taken for %q: %s.en.toml has no %q now, and %q has the same English and no translation (renamed since the export)",
			e.ID, ids[0], in.Domain, e.ID, ids[0]))
		in.Entries[i].ID = ids[0]
		has[ids[0]] = true
	}
	return ds
}

// obsoleteWork warns of each obsolete entry (#~) whose translation the
// catalogue old holds under no message, nor the file's live entries: the translator's work that
// msgmerge set aside, which import does not take and the next export
// would drop with the file.
func (in *Incoming) obsoleteWork(old *catalog.File) diag.List {
	held := map[string]bool{}
	if old != nil {
		for _, m := range old.Messages {
			for _, t := range m.Forms {
				held[t] = true
			}
		}
	}
	for _, e := range in.Entries { // copied into a live entry, this import brings it
		for _, t := range e.Target {
			held[t] = true
		}
	}
	var ds diag.List
	for _, e := range in.Obsolete {
		for _, t := range e.Target {
			if t != "" && !held[t] {
				ds = append(ds, diag.Warnf(e.Pos, CodeImportSource,
					"an obsolete entry (#~) is not imported: if it is still wanted, copy the translation to its message in "+in.Domain+"."+in.Lang+".toml, or clear the #~ marks in the tool",
					"obsolete entry %q holds a translation the catalogue does not have: %q", clip(cmp.Or(e.ID, e.Source[0])), clip(t)))
				break
			}
		}
	}
	return ds
}

func (in *Incoming) duplicates() diag.List {
	var ds diag.List
	first := map[string]diag.Pos{}
	for _, e := range in.Entries {
		if p, ok := first[e.ID]; ok {
			ds = append(ds, diag.Errorf(e.Pos, "import-duplicate", "keep one of the two entries",
				"message %q is in the file twice (first at line %d)", clip(e.ID), p.Line))
			continue
		}
		first[e.ID] = e.Pos
	}
	return ds
}
