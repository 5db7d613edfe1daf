package interchange

import (
	"bytes"
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/po"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/xliff"
)

// Incoming is a translator's file, read: which catalogue and language it
// is for, and its entries.
type Incoming struct {
	Path, Format, Domain, Lang string
	// DomainByName says the file does not name its catalogue (no PO
	// header, no XLIFF original): Domain is its file name's.
	DomainByName bool
	// LangPos is where the file says its language: the PO header's
	// Language line, the XLIFF <file> element; 1:1 when it does not.
	LangPos diag.Pos
	// Sum is the workSum export recorded (PO header X-Briefs-Sum), or "".
	Sum     string
	Entries []Entry
	// Obsolete are the PO file's obsolete entries (#~) that hold a
	// translation: msgmerge keeps there the work of an entry it no longer
	// finds in the template (its English changed as its ID did). Import
	// takes none, and tells of those whose text the catalogue lacks.
	Obsolete []Entry
	// Header is a PO file's header fields, in order.
	Header [][2]string
}

// Entry is one translated message as the file has it.
type Entry struct {
	ID     string
	Source []string // the English the translator saw, per form
	Target []string // the translation, per tool form
	Fuzzy  bool     // fuzzy (PO) or a needs-* state (XLIFF): not reviewed
	// Unstated marks an XLIFF entry whose targets a tool filled without
	// setting their state (xliff.Unit.Unstated): a translation nobody
	// reviewed, not a suggestion, so import takes it to review even for a
	// message with no translation, where it leaves a draft out.
	Unstated bool
	// Guess names the other message a fuzzy translation was made for:
	// msgmerge's fuzzy match ("#| msgctxt" of another ID) takes the
	// translation of a similar English, never this message's.
	Guess string
	// Notes are the translator's comments of the entry (PO "# "): kept in
	// the TOML table (catfile.Table.Notes), and exported again.
	Notes []string
	// NoteLines are the lines of Notes in a PO file, one each (nil in
	// XLIFF), for findings about a comment.
	NoteLines []int
	// NoID marks a PO entry without its msgctxt, which translate-toolkit's
	// po2xliff and xliff2po drop: import finds its message by its English
	// (named), when that is one message's.
	NoID bool
	Pos  diag.Pos
	// At, when the format can tell, is where the file writes the byte at
	// an offset of the translation (its one form): for a finding about
	// one character of a msgstr written over several lines.
	At func(offset int) (diag.Pos, bool)
}

// MaxFileBytes bounds a PO or XLIFF file: one brief's catalogue (at most
// source.MaxFileBytes) with its English, comments and markup fits in
// four times that.
const MaxFileBytes = 4 * source.MaxFileBytes

// Read reads a PO (.po) or XLIFF (.xlf, .xliff) file.
func Read(path string) (*Incoming, diag.List) {
	data, err := source.ReadAtMost(path, MaxFileBytes)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "read", "check the path", "read: %v", err)}
	}
	if len(data) > MaxFileBytes {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "file-too-large",
			"import the PO or XLIFF file of one brief, as briefs export wrote it",
			"the file is over the limit of %d MB", MaxFileBytes>>20)}
	}
	declared := declaredCharset(path, data)
	if d, bad := notUTF8(path, data, declared); bad {
		return nil, diag.List{d}
	}
	var in *Incoming
	var ds diag.List
	switch {
	case strings.EqualFold(filepath.Ext(path), ".po"):
		in, ds = readPO(path, data)
	case isXLIFF(path):
		in, ds = readXLIFF(path, data)
	default:
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "import-format",
			"briefs imports .po (gettext) and .xlf or .xliff (XLIFF 1.2) files", "cannot tell the format of %s", filepath.Base(path))}
	}
	if d, ok := source.ConflictMarker(path, data); ok && ds.HasErrors() {
		return nil, diag.List{d} // the parse error is at the marker: name the mistake
	}
	if in != nil {
		ds = append(ds, in.escapeNotes()...)
	}
	if declared != "" && !isUTF8Name(declared) && !ds.HasErrors() {
		// Valid UTF-8 that names another encoding: read as UTF-8, as it
		// is; a tool that trusts the name would garble it.
		pos := diag.Pos{File: path, Line: 1, Col: 1} // an XML declaration's line
		if !isXLIFF(path) {
			pos = headerPos(path, data, "Content-Type")
		}
		ds = append(ds, diag.Warnf(pos, CodeImportFormat,
			"change the charset (PO) or encoding (XLIFF) it names to UTF-8",
			"the file says it is in %s, but it is UTF-8, and is read so", declared))
	}
	return in, ds
}

// escapeNotes keeps a translator's comment that begins as a comment briefs
// writes itself ("en: …", "was: …", "description: …", catfile.IsOwned)
// from being taken for one: in the TOML, sync would delete it as its own
// and the next import would bring it back, for ever. It is kept as
// "note: …", a warning says so, and the next export writes it so.
func (in *Incoming) escapeNotes() diag.List {
	var ds diag.List
	for i, e := range in.Entries {
		for k, n := range e.Notes {
			if catfile.IsOwned("# " + n) {
				in.Entries[i].Notes[k] = "note: " + n
				pos := e.Pos
				if k < len(e.NoteLines) {
					pos.Line, pos.Col = e.NoteLines[k], 1
				}
				ds = append(ds, diag.Warnf(pos, CodeImportFormat,
					"begin it with other words to keep it as written: briefs writes comments that begin so itself, for the English",
					"translator comment %q of %q is kept as %q", clip(n), clip(e.ID), clip("note: "+n)))
			}
		}
	}
	return ds
}

// notUTF8 refuses a file that is not UTF-8 text before it is parsed: a
// UTF-16 file (Windows Notepad's "Unicode"), invalid bytes (a tool that
// saved in a legacy code page) or a NUL byte. The parsers would otherwise
// carry U+FFFD or NUL into the catalogue.
func notUTF8(path string, data []byte, declared string) (diag.Diagnostic, bool) {
	hint := "save the file as UTF-8: in Poedit or the CAT tool, export it with the encoding UTF-8"
	utf16 := hint + ", or convert it: iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8 (then change an encoding=\"UTF-16\" it declares to UTF-8)"
	if d, bad := diag.UTF16(path, data, utf16); bad {
		return d, true
	}
	if !utf8.Valid(data) {
		if declared != "" && !isUTF8Name(declared) {
			hint = fmt.Sprintf("it says it is in %s: convert it, msgconv -t UTF-8 (PO) or iconv -f %s -t UTF-8, and change the charset it names to UTF-8", declared, declared)
		} else if enc := source.LegacyEncoding(data); enc != "" {
			hint = fmt.Sprintf("it looks like %s: %s", enc, hint)
		}
		return diag.Errorf(source.InvalidUTF8(path, data), "utf8", hint, "the file is not valid UTF-8"), true
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := bytes.Count(data[:i], []byte("\n")) + 1
		col := utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i]) + 1
		return diag.Errorf(diag.Pos{File: path, Line: line, Col: col}, "utf8", "delete the NUL byte; the file may be damaged",
			"the file contains a NUL byte"), true
	}
	return diag.Diagnostic{}, false
}

// declaredCharset is the encoding a file names for itself: the charset
// of a PO header's Content-Type line, or the encoding of the XML
// declaration that opens an XLIFF file; "" when it names none (or the PO
// template's CHARSET). A "charset=" elsewhere, in a comment or a
// translation, names nothing.
func declaredCharset(path string, data []byte) string {
	head := string(bytes.TrimPrefix(data[:min(len(data), 4096)], []byte("\uFEFF")))
	var rest string
	if isXLIFF(path) {
		decl, _, ok := strings.Cut(strings.TrimLeft(head, " \t\r\n"), "?>")
		if !ok || !strings.HasPrefix(decl, "<?xml") {
			return ""
		}
		_, rest, ok = strings.Cut(decl, "encoding=")
		if !ok {
			return ""
		}
	} else {
		// The header is the first entry's msgstr: its fields are in
		// quoted strings, one a line as gettext writes them, or several
		// in one (msgstr "Content-Type: …; charset=latin1\n").
		for _, line := range strings.Split(head, "\n") {
			t := strings.TrimSpace(line)
			if !strings.HasPrefix(t, `"`) && !strings.HasPrefix(t, "msgstr ") {
				continue
			}
			if _, field, ok := strings.Cut(t, "Content-Type:"); ok {
				_, rest, _ = strings.Cut(field, "charset=")
				break
			}
		}
	}
	rest = strings.TrimLeft(rest, `"'`)
	end := strings.IndexFunc(rest, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	})
	if end < 0 {
		end = len(rest)
	}
	if name := rest[:end]; name != "CHARSET" {
		return name
	}
	return ""
}

func isUTF8Name(name string) bool {
	return strings.EqualFold(name, "UTF-8") || strings.EqualFold(name, "utf8")
}

// locationsOnly reports whether a msgctxt holds only source locations
// ("briefs/b/brief.toml:65 locales/b.en.toml:71"), as translate-toolkit's
// xliff2po writes for an entry whose English is another's too: it names
// no message, and the entry is found by its English as one without a
// msgctxt is (it was taken for a renamed message's, and its translation
// went to another message that has the same English).
func locationsOnly(ctx string) bool {
	fields := strings.Fields(ctx)
	for _, f := range fields {
		file, line, ok := strings.Cut(f, ":")
		if !ok || file == "" || line == "" || strings.Trim(line, "0123456789") != "" || !strings.ContainsAny(file, "/.") {
			return false
		}
	}
	return len(fields) > 0
}

func readPO(path string, data []byte) (*Incoming, diag.List) {
	f, err := po.Parse(data)
	if err != nil {
		pe, _ := err.(*po.Error)
		if pe == nil {
			pe = &po.Error{Line: 1, Col: 1, Msg: err.Error()}
		}
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: pe.Line, Col: pe.Col}, "import-format", pe.Hint, "%s", pe.Msg)}
	}
	in := &Incoming{Path: path, Format: "po", Domain: f.HeaderValue(HeaderDomain), Lang: f.HeaderValue("Language"), Sum: f.HeaderValue(HeaderSum),
		LangPos: headerPos(path, data, "Language"), Header: f.Header}
	in.fallbackNames()
	var ds diag.List
	for _, e := range f.Entries {
		if e.Obsolete {
			if slices.ContainsFunc(e.Str, func(t string) bool { return t != "" }) {
				in.Obsolete = append(in.Obsolete, Entry{ID: e.Context, Source: []string{e.ID}, Target: e.Str,
					Pos: diag.Pos{File: path, Line: max(e.StrLine, e.Line), Col: 1}})
			}
			continue
		}
		pos := diag.Pos{File: path, Line: e.Line, Col: 1}
		if e.StrLine > 0 {
			pos.Line = e.StrLine // findings are about the translation
		}
		src := []string{e.ID}
		if e.IsPlural {
			src = append(src, e.Plural)
		}
		entry := Entry{ID: e.Context, Source: src, Target: e.Str, Fuzzy: e.Fuzzy(), Pos: pos, NoID: !e.HasContext || locationsOnly(e.Context)}
		entry.Notes, entry.NoteLines = withoutToolNotes(e.Comments, e.CommentLines)
		if e.Fuzzy() && e.HasPrevContext && e.PrevContext != e.Context {
			entry.Guess = e.PrevContext
		}
		if slices.ContainsFunc(e.Str, mergedByMsgcat) {
			ds = append(ds, diag.Errorf(pos, CodeImportFormat,
				"keep one translation and delete the other with its "+msgcatMark+" lines; msgcat --use-first keeps the first file's",
				"translation of %q holds two translators' versions, as msgcat merges files that differ (its %s lines)", clip(e.Context), msgcatMark))
		}
		if len(e.Str) == 1 {
			entry.At = func(offset int) (diag.Pos, bool) {
				line, col, ok := e.StrPos(0, offset)
				return diag.Pos{File: path, Line: line, Col: col}, ok
			}
		}
		in.Entries = append(in.Entries, entry)
	}
	return in, ds
}

func readXLIFF(path string, data []byte) (*Incoming, diag.List) {
	f, err := xliff.Parse(data)
	if err != nil {
		xe, _ := err.(*xliff.Error)
		if xe == nil {
			xe = &xliff.Error{Line: 1, Col: 1, Msg: err.Error()}
		}
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: xe.Line, Col: xe.Col}, "import-format", xe.Hint, "%s", xe.Msg)}
	}
	in := &Incoming{Path: path, Format: "xliff", Lang: f.TargetLang, LangPos: diag.Pos{File: path, Line: f.Line, Col: f.Col}, Sum: f.Sum}
	var ds diag.List
	for _, u := range f.Units {
		if !xliff.KnownState(u.State) {
			// Read as not reviewed (Unit.Fuzzy), as before, but said: a
			// tool's own word for done left the translation a draft.
			ds = append(ds, diag.Warnf(diag.Pos{File: path, Line: u.Line, Col: u.Col}, CodeImportFormat,
				`write one of XLIFF 1.2's states, state="translated" for a finished translation`,
				"trans-unit %q has the state %q, which is not XLIFF 1.2's: its target is read as not reviewed", cmp.Or(u.Resname, u.ID), u.State))
		}
	}
	if d, ok := strings.CutPrefix(f.Original, "locales/"); ok {
		in.Domain = strings.TrimSuffix(d, ".en.toml")
	}
	in.fallbackNames()
	for i := 0; i < len(f.Units); {
		u := f.Units[i]
		// Without its resname (memoQ's and Okapi's re-exports renumber
		// the ids, tu1, tu2…) the unit is found by its English, as a PO
		// entry without its msgctxt (named), unless its id names a
		// message.
		e := Entry{ID: firstOf(u.Resname, u.ID), Pos: diag.Pos{File: path, Line: u.Line, Col: u.Col}, NoID: u.Resname == ""}
		if u.TargetLine > 0 {
			// Findings are about the translation: at its <target>, as a
			// PO file's are at its msgstr.
			e.Pos.Line, e.Pos.Col = u.TargetLine, u.TargetCol
		}
		j := i
		e.Unstated = true
		// The units of one plural group are the forms of one message.
		for ; j < len(f.Units) && (j == i || u.Group != "" && f.Units[j].Group == u.Group); j++ {
			e.Source = append(e.Source, f.Units[j].Source)
			e.Target = append(e.Target, unwrapped(f.Units[j].Target))
			e.Fuzzy = e.Fuzzy || f.Units[j].Fuzzy()
			e.Unstated = e.Unstated && f.Units[j].Unstated()
		}
		e.Notes = translatorNotes(u.Notes) // a plural group's notes are its first unit's
		// One form: a finding's character is found in its target.
		if j == i+1 {
			shift := strings.Index(u.Target, e.Target[0]) // the white space unwrapped took from its start
			e.At = func(offset int) (diag.Pos, bool) {
				line, col, ok := u.TargetPos(offset + max(shift, 0))
				return diag.Pos{File: path, Line: line, Col: col}, ok
			}
		}
		i = j
		in.Entries = append(in.Entries, e)
	}
	return in, ds
}

// msgcatMark begins and ends the line that msgcat and msgmerge put before
// each file's version when the files they merge translate one message
// differently (GNU gettext manual, "Invoking the msgcat Program"): valid
// PO, marked fuzzy, which would otherwise print both versions.
const msgcatMark = "#-#-#-#-#"

func mergedByMsgcat(s string) bool { return strings.Contains(s, msgcatMark+"  ") }

// fallbackNames takes the catalogue and language from the file's path,
// <lang>/<domain>.po, when the file does not name them.
func (in *Incoming) fallbackNames() {
	base := filepath.Base(in.Path)
	if in.Domain == "" {
		in.Domain = strings.TrimSuffix(base, filepath.Ext(base))
		in.DomainByName = true
	}
	if in.Lang == "" {
		in.Lang = filepath.Base(filepath.Dir(in.Path))
	}
	if code, ok := lang.FromTag(in.Lang); ok {
		in.Lang = code // km_KH, th-TH: the language is what counts
	}
}

// headerPos finds the line of a PO header field: the first quoted string
// that starts with the field's name and a colon, before the first msgctxt
// (the header is the first entry, and its fields one to a string, as
// every gettext tool writes them). The column is that of the name. It is
// 1:1 when no such line is there.
func headerPos(path string, data []byte, field string) diag.Pos {
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(t, "msgctxt") {
			break
		}
		if after, ok := strings.CutPrefix(t, `"`); ok && strings.HasPrefix(after, field+":") {
			return diag.Pos{File: path, Line: i + 1, Col: utf8.RuneCountInString(line[:len(line)-len(after)]) + 1}
		}
	}
	return diag.Pos{File: path, Line: 1, Col: 1}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// isXLIFF reports whether a translator's file is XLIFF by its name.
func isXLIFF(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".xlf" || ext == ".xliff"
}

// unwrapped takes from a target the white space at its ends that holds a
// line break: a tool that pretty-printed the file put the target's text
// on a line of its own, indented, under xml:space="preserve" (which
// keeps it as text), and the translation came in as "\n      SEZ តាក់\n    ".
// No translation begins or ends with a line break and its indent.
func unwrapped(t string) string {
	lead := len(t) - len(strings.TrimLeft(t, " \t\r\n"))
	if strings.ContainsAny(t[:lead], "\r\n") {
		t = t[lead:]
	}
	trail := len(t) - len(strings.TrimRight(t, " \t\r\n"))
	if strings.ContainsAny(t[len(t)-trail:], "\r\n") {
		t = t[:len(t)-trail]
	}
	return t
}

// withoutToolNotes drops from a PO entry's translator comments those a
// checking tool wrote: translate-toolkit's pofilter marks each entry it
// flags "# (pofilter) test: …", which is its report, not the
// translator's note; imported, they filled the TOML with 40 comments
// that a later file could not take back.
func withoutToolNotes(notes []string, lines []int) ([]string, []int) {
	out, outLines := notes[:0:0], lines[:0:0]
	for i, n := range notes {
		if !strings.HasPrefix(strings.TrimSpace(n), "(pofilter)") {
			out = append(out, n)
			if i < len(lines) {
				outLines = append(outLines, lines[i])
			}
		}
	}
	return out, outLines
}
