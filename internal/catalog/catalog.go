// Package catalog loads the translation catalogues under locales/ with
// go-i18n, so that CLDR plural rules apply, and keeps what go-i18n drops:
// where each message is (file, line, column) and the source hash it was
// translated from.
//
// Files are locales/<domain>.<lang>.toml, where domain is a brief ID or
// "shared" (words the layout prints itself). go-i18n takes the language
// from the file name, so a file named with a country code (kh, mm) would
// silently load as "und": Load rejects it instead (DESIGN.md fact 5).
package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/mekong-briefs/briefs/internal/catfile"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/parallel"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// Shared is the domain of the catalogue the layout itself uses.
const Shared = "shared"

// Message is one message of one language, with its position.
type Message struct {
	ID          string
	Lang        string
	Domain      string
	Pos         diag.Pos
	Description string
	Hash        string
	Forms       map[string]string // CLDR plural category -> template text
	// Fields holds the position of each key of the message's table
	// (description, hash, other...).
	Fields map[string]diag.Pos
	// Inherited marks a built-in shared message in a project's own shared
	// catalogue that lacks it (builtin.go): rendered and counted as
	// translated, never written into the project's file by sync.
	Inherited bool
}

// FormPos is the position of a field of the message, or of the message.
func (m *Message) FormPos(field string) diag.Pos {
	if p, ok := m.Fields[field]; ok {
		return p
	}
	return m.Pos
}

// Other returns the message's "other" form, the only form most messages have.
func (m *Message) Other() string { return m.Forms["other"] }

// File is one loaded catalogue file.
type File struct {
	Path     string
	Domain   string
	Lang     string
	Messages []*Message // in file order
	byID     map[string]*Message
	// Builtin marks a shared catalogue the binary carries, used because
	// the project has none of that language (builtin.go).
	Builtin bool
}

// Message returns the message with an ID, or nil; a nil File has none.
func (f *File) Message(id string) *Message {
	if f == nil {
		return nil
	}
	if f.byID != nil {
		return f.byID[id]
	}
	for _, m := range f.Messages { // a File made outside Load
		if m.ID == id {
			return m
		}
	}
	return nil
}

// Catalog is every catalogue file under a root, indexed by domain and language.
// Its messages are not changed once loaded: Localizer keeps what it
// builds from them.
type Catalog struct {
	Root  string
	Files []*File // sorted by path
	// Words are the project's word lists (words.go), by language.
	Words map[string][]string
	index map[key]*File
	keep  func(domain, lang string) bool
	// deferred holds the files keep declined, each read on first use.
	deferred map[key]*lazyFile
	// failed holds the files that exist and did not load (Failed).
	failed map[key]bool
	// bundles holds one go-i18n localizer per domain and language, built
	// on first use (localize.go).
	bundles   map[key]*i18n.Localizer
	bundlesMu sync.Mutex
}

type key struct{ domain, lang string }

// Load reads every locales/*.toml file. Files with errors are reported and
// left out; the rest still load.
func Load(root string) (*Catalog, diag.List) { return LoadOnly(root, nil) }

// LoadOnly is Load that reads at once only the catalogues that keep
// accepts, by domain and language (nil accepts all): a build reads those
// its PDFs need. The others are read when File, Lookup or Localizer first
// asks for them, and are not in Files; their errors are not reported (a
// file with errors is then as missing). A file whose name does not say
// both, or names no language of the table, is read at once, to be
// reported.
func LoadOnly(root string, keep func(domain, lang string) bool) (*Catalog, diag.List) {
	entries, _ := os.ReadDir(root) // read once: the catalogues and the misnamed files
	paths := tomlFiles(root, entries)
	if keep == nil {
		keep = func(string, string) bool { return true }
	}
	c := &Catalog{Root: root, index: map[key]*File{}, keep: keep, failed: map[key]bool{}}
	var now []string
	for _, p := range paths {
		base := filepath.Base(p)
		if base == "terms.toml" {
			continue // the termbase is not a message file
		}
		if parts := strings.Split(base, "."); len(parts) == 3 && knownLang(parts[1]) && !keep(parts[0], parts[1]) {
			c.later(key{parts[0], parts[1]}, func() *File { f, _ := loadFile(p); return inherit(f) })
			continue
		}
		now = append(now, p)
	}
	ds := misnamedFiles(root, entries)
	for i, l := range loadFiles(now) {
		ds = append(ds, l.ds...)
		if l.f == nil {
			if parts := strings.Split(filepath.Base(now[i]), "."); len(parts) == 3 {
				c.failed[key{parts[0], parts[1]}] = true
			}
			continue
		}
		f := inherit(l.f)
		c.Files = append(c.Files, f)
		c.index[key{f.Domain, f.Lang}] = f
	}
	ds = append(ds, c.loadWords()...)
	return c, append(ds, c.addBuiltins()...)
}

// tomlFiles lists root/*.toml, sorted, by reading the folder: a Glob
// pattern made with root would read a folder named briefs[2026] as a
// pattern and find no catalogue. A dot file is no catalogue: Emacs locks
// a buffer being edited with .#<name>, and macOS leaves ._<name> beside
// files copied to other drives.
func tomlFiles(root string, entries []os.DirEntry) []string {
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") && !strings.HasPrefix(e.Name(), ".") && !e.IsDir() {
			out = append(out, filepath.Join(root, e.Name()))
		}
	}
	return out
}

// loaded is one file's outcome of loadFile.
type loaded struct {
	f  *File
	ds diag.List
}

// loadFiles loads the files on every core, and gives the outcomes in the
// order of paths, so that what comes out does not depend on timing:
// parsing is most of an unchanged rebuild.
func loadFiles(paths []string) []loaded {
	out := make([]loaded, len(paths))
	parallel.For(len(paths), func(i int) { out[i].f, out[i].ds = loadFile(paths[i]) })
	return out
}

func knownLang(code string) bool {
	_, ok := lang.Lookup(code)
	return ok
}

// Failed reports whether the catalogue of a domain and language exists
// but did not load (its findings say why): a command that writes from the
// catalogue must leave alone what it wrote from it before, for without it
// every message would read untranslated.
func (c *Catalog) Failed(domain, lang string) bool { return c.failed[key{domain, lang}] }

// File returns the catalogue file of a domain and language.
func (c *Catalog) File(domain, lang string) (*File, bool) {
	if f, ok := c.index[key{domain, lang}]; ok {
		return f, true
	}
	if l := c.deferred[key{domain, lang}]; l != nil {
		f := l.get()
		return f, f != nil
	}
	return nil, false
}

// lazyFile is a catalogue read on first use: the first of its readers
// that loads one (the project's file, then the built-in one).
type lazyFile struct {
	once  sync.Once
	reads []func() *File
	f     *File
}

func (l *lazyFile) get() *File {
	l.once.Do(func() {
		for _, read := range l.reads {
			if l.f = read(); l.f != nil {
				return
			}
		}
	})
	return l.f
}

// later adds a reader of a catalogue to be read on first use.
func (c *Catalog) later(k key, read func() *File) {
	if c.deferred == nil {
		c.deferred = map[key]*lazyFile{}
	}
	if c.deferred[k] == nil {
		c.deferred[k] = &lazyFile{}
	}
	c.deferred[k].reads = append(c.deferred[k].reads, read)
}

// Lookup finds a message for a brief in a language: first in the brief's
// own catalogue, then in the shared one.
func (c *Catalog) Lookup(domain, lang, id string) (*Message, bool) {
	for _, d := range []string{domain, Shared} {
		f, _ := c.File(d, lang)
		if m := f.Message(id); m != nil {
			return m, true
		}
	}
	return nil, false
}

func loadFile(path string) (*File, diag.List) {
	base := filepath.Base(path)
	parts := strings.Split(base, ".")
	if len(parts) != 3 {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "catalogue-name",
			"name catalogues <brief-id>.<lang>.toml or shared.<lang>.toml", "cannot tell the language of %s", base)}
	}
	domain, lang := parts[0], parts[1]
	if d, bad := source.CheckLanguage(lang, diag.Pos{File: path, Line: 1, Col: 1}); bad {
		return nil, diag.List{d}
	}
	if err := source.Confine(path, filepath.Dir(path), filepath.Dir(filepath.Dir(path))); err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "outside-project", source.OutsideHint,
			"the catalogue is a symbolic link, or in a linked folder, leading outside the project")}
	}
	data, err := source.ReadFile(path)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "read", "check that the file is readable", "cannot read the catalogue: %v", err)}
	}
	msgs, ds := parseMessages(path, data)
	if ds.HasErrors() {
		return nil, ds
	}
	return newFile(path, domain, lang, msgs), ds
}

// newFile makes the File of a catalogue's messages, indexed by ID.
func newFile(path, domain, lang string, msgs []*Message) *File {
	f := &File{Path: path, Domain: domain, Lang: lang, byID: make(map[string]*Message, len(msgs))}
	for _, m := range msgs {
		m.Lang, m.Domain = lang, domain
		f.Messages = append(f.Messages, m)
		if _, dup := f.byID[m.ID]; !dup { // the first, as a scan would find
			f.byID[m.ID] = m
		}
	}
	return f
}

// pluralPath returns the path go-i18n reads a catalogue under: the same,
// with the language part of the file name replaced by lang.PluralTag for a
// language whose plural rule go-i18n lacks (go-i18n takes the language
// from the file name, DESIGN.md fact 5).
func pluralPath(path string) string {
	dir, file := filepath.Split(path)
	parts := strings.Split(file, ".")
	if len(parts) >= 3 {
		parts[len(parts)-2] = lang.PluralTag(parts[len(parts)-2])
	}
	return dir + strings.Join(parts, ".")
}

// parseMessages decodes a message file with go-i18n after checking that it
// is UTF-8 and valid TOML, so that those errors carry positions.
func parseMessages(path string, data []byte) ([]*Message, diag.List) {
	if d, bad := source.Preflight(path, data, "catalogue"); bad {
		return nil, diag.List{d}
	}
	if len(data) <= source.MaxFileBytes {
		if msgs, ok := parseCanonical(path, data); ok {
			return msgs, nil
		}
	}
	return parseGeneral(path, data)
}

// parseGeneral reads a catalogue in any TOML form: decoded by
// BurntSushi/toml, placed by tomlpos, read as messages by go-i18n.
func parseGeneral(path string, data []byte) ([]*Message, diag.List) {
	var ix *tomlpos.Index
	if len(data) <= source.MaxFileBytes {
		ix = tomlpos.Parse(data)
	}
	if d, bad := source.TooBigIndexed(path, data, ix); bad {
		return nil, diag.List{d}
	}
	if d, bad := tooManyMessages(path, ix); bad {
		return nil, diag.List{d}
	}
	var probe map[string]any
	if _, err := toml.Decode(string(data), &probe); err != nil {
		if ds := duplicates(path, string(data), err); ds != nil {
			return nil, ds
		}
		return nil, diag.List{tomlDiag(path, data, err)}
	}
	tables := map[string]bool{}
	for _, t := range catfile.Parse(data).Tables {
		tables[t.ID] = true
	}
	if ds := checkShape(path, ix, probe, func(id string) bool { return tables[id] }); ds.HasErrors() {
		return nil, ds
	}
	// go-i18n reads the messages from the table already decoded, rather
	// than decoding the file a second time.
	decoded := map[string]i18n.UnmarshalFunc{"toml": func(_ []byte, v any) error {
		*v.(*any) = probe
		return nil
	}}
	mf, err := i18n.ParseMessageFileBytes(data, pluralPath(path), decoded)
	if err == nil && !hasPluralRule(mf.Tag) {
		err = fmt.Errorf("no plural rule registered for %s", mf.Tag)
	}
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "catalogue-format",
			"each message is a table with description, hash and plural forms (other, one...)", "the catalogue cannot be read as messages")}
	}
	msgs := make([]*Message, 0, len(mf.Messages))
	for _, m := range mf.Messages {
		msgs = append(msgs, &Message{
			ID: m.ID, Pos: messagePos(path, ix, m.ID), Fields: fieldPositions(path, ix, m.ID),
			Description: m.Description, Hash: m.Hash, Forms: forms(m),
		})
	}
	sort.SliceStable(msgs, func(i, j int) bool { return msgs[i].Pos.Line < msgs[j].Pos.Line })
	return msgs, nil
}

// pluralRules is a bundle that knows go-i18n's plural rules (CLDR's),
// made once: making a bundle builds them all.
var pluralRules = sync.OnceValue(func() *i18n.Bundle { return i18n.NewBundle(language.English) })

var pluralMu sync.Mutex

// hasPluralRule reports whether go-i18n has a plural rule for tag, as a
// bundle checks when it takes a file's messages: adding no messages
// checks only that.
func hasPluralRule(tag language.Tag) bool {
	if _, ok := lang.Cardinal(tag.String(), 0); ok {
		return true // the table's languages have their rule (lang.Cardinal)
	}
	pluralMu.Lock()
	defer pluralMu.Unlock()
	return pluralRules().AddMessages(tag) == nil
}

func forms(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for name, v := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
		if v != "" {
			out[name] = v
		}
	}
	return out
}

// Misnamed returns the name of a file in the catalogue folder that holds
// domain's catalogue in language code under a name that is never read as
// it, if there is one: a country code where the language code belongs
// (jobs-in-sezs.kh.toml for km, which go-i18n reads as "und", DESIGN.md
// fact 5), a locale (jobs-in-sezs.km-KH.toml, as CAT tools name files),
// the extension in capitals (.TOML) or with the .txt Notepad adds.
// Creating the right file anew would strand its translations.
func (c *Catalog) Misnamed(domain, code string) (string, bool) {
	entries, _ := os.ReadDir(c.Root)
	for _, e := range entries {
		if !e.IsDir() && misnames(e.Name(), domain, code) {
			return e.Name(), true
		}
	}
	return "", false
}

// CheckFolder returns why the catalogue folder locales cannot serve a
// command, or nil: it is missing, a file, or unreadable. Every command
// that needs the catalogues asks it first, so that none reports a missing
// catalogue per PDF with "run briefs sync", which cannot make the English
// and did nothing without the folder.
func CheckFolder(locales string) error {
	st, err := os.Stat(locales)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no locales folder at %s (the catalogues live in locales/<id>.<lang>.toml; --root names the project folder)", locales)
	case err != nil:
		return fmt.Errorf("the locales folder %s cannot be read: %v (let this user read it)", locales, errors.Unwrap(err))
	case !st.IsDir():
		return fmt.Errorf("%s is a file, not the locales folder (move it away: the catalogues live in locales/<id>.<lang>.toml)", locales)
	}
	if _, err := os.ReadDir(locales); err != nil {
		return fmt.Errorf("the locales folder %s cannot be read: %v (let this user read it: chmod u+rx)", locales, errors.Unwrap(err))
	}
	return nil
}

// MisnamedHint is the advice for domain's catalogue in code when a file
// holds it under a name never read as it (Misnamed): to rename that file.
// briefs sync refuses to make the right one beside it, which would strand
// the translations (the hint said sync would make an empty one).
func (c *Catalog) MisnamedHint(domain, code string) (string, bool) {
	name, ok := c.Misnamed(domain, code)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("rename it: git mv %s locales/%s.%s.toml (briefs sync does not make an empty one beside it)", diag.ShellArg("locales/"+name), domain, code), true
}

// CreateHint is the advice for a missing catalogue of domain in code that
// no file holds under another name: sync makes a translation's catalogue
// from the English, but not the English, the source, which an editor
// writes (the hint said to sync, which did nothing).
func (c *Catalog) CreateHint(domain, code string) string {
	switch _, hasEN := c.File(domain, "en"); {
	case code == "en":
		return fmt.Sprintf("write it: one table per message the brief names, [\"title\"] with other = \"…\" (briefs new writes one for a new brief); if it was deleted, git checkout -- %s", diag.ShellArg("locales/"+domain+".en.toml"))
	case !hasEN:
		return fmt.Sprintf("write the English first, locales/%s.en.toml; briefs sync then creates this one from it", domain)
	}
	return "run briefs sync to create it"
}

// Renamed returns the name of a catalogue file in language code that
// holds domain's messages under the name of a brief that does not exist:
// the brief's folder was renamed (git mv briefs/demo briefs/demo-2026)
// and its catalogues were not. Such a file is in code and is no brief's
// (isBrief). A translation is matched by what it was made from: at
// least half of its messages carry the hash of domain's English message
// of the same ID, so a withdrawn brief's catalogue, whose IDs (title,
// intro.p1) every brief has, is not taken for it. The English itself has
// nothing to be matched with: an English file is taken when at least half
// of its message IDs are among ids, the IDs domain's editions use, which
// a caller offers as a possibility only. Of several, the one with the
// most.
func (c *Catalog) Renamed(domain, code string, ids map[string]bool, isBrief func(string) bool) (string, bool) {
	en, hasEN := c.File(domain, "en")
	if code != "en" && !hasEN {
		// The English was not renamed either: the translation of the
		// brief whose English it is, is this one's under the old name.
		name, ok := c.Renamed(domain, "en", ids, isBrief)
		if !ok {
			return "", false
		}
		old, _ := tomlStem(name)
		old, _, _ = strings.Cut(old, ".")
		if f, ok := c.File(old, code); ok && !f.Builtin {
			return filepath.Base(f.Path), true
		}
		return "", false
	}
	best, most := "", 0
	for _, f := range c.Files {
		if f.Builtin || f.Lang != code || f.Domain == domain || f.Domain == Shared || isBrief(f.Domain) {
			continue
		}
		n := 0
		for _, m := range f.Messages {
			if code == "en" && ids[m.ID] {
				n++
			} else if e := en.Message(m.ID); code != "en" && e != nil && m.Hash != "" && m.Hash == e.SourceHash() {
				n++
			}
		}
		if 2*n >= len(f.Messages) && n > most {
			best, most = filepath.Base(f.Path), n
		}
	}
	return best, most > 0
}

// misnames reports whether name is domain's catalogue in language code
// under another name than <domain>.<code>.toml: another extension or
// case, a locale or alias for the code, or an underscore where the dot
// goes (jobs_km.toml, as gettext's file names are written), or the
// brief's name in other case (Demo.km.toml).
func misnames(name, domain, code string) bool {
	stem, ok := tomlStem(name)
	if !ok || name == domain+"."+code+".toml" {
		return false
	}
	d, l, ok := strings.Cut(stem, ".")
	if i := strings.LastIndexByte(stem, '_'); !ok && i > 0 {
		d, l, ok = stem[:i], stem[i+1:], true
	}
	if !ok || !strings.EqualFold(d, domain) { // Demo.km.toml: one file on macOS and Windows, another on Linux
		return false
	}
	alias, _ := lang.AliasOf(l)
	base, _ := lang.FromTag(l)
	return l == code || alias == code || base == code
}

// tomlStem cuts a name's TOML extension, in any case and with a .txt an
// editor added: jobs.km.TOML and jobs.km.toml.txt are jobs.km.
func tomlStem(name string) (string, bool) {
	low := strings.ToLower(name)
	for _, ext := range []string{".toml.txt", ".toml"} {
		if strings.HasSuffix(low, ext) {
			return name[:len(name)-len(ext)], true
		}
	}
	return "", false
}

// misnamedFiles reports each file of the catalogue folder that is a
// catalogue by its name but never read, its extension not .toml in small
// letters (jobs.km.TOML, jobs.km.toml.txt): it was left out without a
// word, and check then called the catalogue missing.
func misnamedFiles(root string, entries []os.DirEntry) diag.List {
	var ds diag.List
	for _, e := range entries {
		stem, ok := tomlStem(e.Name())
		if e.IsDir() || !ok || strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		want := stem + ".toml"
		why := " (the extension in small letters)"
		if strings.HasSuffix(strings.ToLower(e.Name()), ".txt") {
			why = " (an editor that adds .txt may hide the extension)"
		}
		ds = append(ds, diag.Errorf(diag.Pos{File: filepath.Join(root, e.Name()), Line: 1, Col: 1}, "catalogue-name",
			fmt.Sprintf("rename it: git mv %s %s%s", diag.ShellArg("locales/"+e.Name()), diag.ShellArg("locales/"+want), why),
			"a catalogue's name ends in .toml, in small letters, so %s is never read", e.Name()))
	}
	return ds
}

// pluralTag is lang.PluralTag, for functions whose parameter is named lang.
func pluralTag(code string) string { return lang.PluralTag(code) }

// EditionNameHint is the hint for an edition's name message, id, that the
// English lacks: the layout prints it above the title, from the shared
// catalogue. check and build give it alike.
func EditionNameHint(id string) string {
	hint := fmt.Sprintf("the layout names the edition by [%q]: add it to locales/%s.en.toml (e.g. other = \"… edition\"), or fix the country code", id, Shared)
	if why, ok := source.LanguageAsCountry(strings.TrimPrefix(id, "edition.")); ok {
		hint += "; " + why
	}
	return hint
}
