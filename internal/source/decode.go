package source

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/parallel"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// rawBrief mirrors brief.toml. Dates decode as toml.LocalDate-like time values.
type rawBrief struct {
	ID         string    `toml:"id"`
	Date       time.Time `toml:"date"`
	SourceLang string    `toml:"source_lang"`
	// NativeDigits at the top applies to every edition of the brief.
	NativeDigits []string     `toml:"native_digits"`
	Edition      []rawEdition `toml:"edition"`
	Block        []rawBlock   `toml:"block"`
	Masthead     *rawMasthead `toml:"masthead"`
}

type rawMasthead struct {
	Logo string `toml:"logo"`
	Name string `toml:"name"`
}

type rawEdition struct {
	Country      string   `toml:"country"`
	Languages    []string `toml:"languages"`
	NativeDigits []string `toml:"native_digits"`
}

type rawBlock struct {
	Type      string     `toml:"type"`
	Msg       string     `toml:"msg"`
	Level     int        `toml:"level"`
	Style     string     `toml:"style"`
	Items     []string   `toml:"items"`
	Columns   []string   `toml:"columns"`
	Rows      [][]string `toml:"rows"`
	Src       string     `toml:"src"`
	Width     float64    `toml:"width"`
	Caption   string     `toml:"caption"`
	Alt       string     `toml:"alt"`
	Name      string     `toml:"name"`
	Role      string     `toml:"role"`
	Org       string     `toml:"org"`
	Email     string     `toml:"email"`
	Languages []string   `toml:"languages"`
	Editions  []string   `toml:"editions"`
	// ColumnStyles overrides a table's automatic layout per column.
	ColumnStyles []rawColumnStyle `toml:"column_styles"`
	rawChart
}

type rawColumnStyle struct {
	Align string  `toml:"align"`
	Width float64 `toml:"width"`
}

// LoadAll decodes every briefs/<id>/brief.toml under root, sorted by ID.
// Briefs with errors are left out; their diagnostics are returned. A root
// that is no folder is a no-briefs error (a wrong --root); a folder with
// no brief in it yet (a project just made by init, whose briefs/ holds
// only its README.md) gives no brief and no diagnostic.
func LoadAll(root string) ([]*Brief, diag.List) { return LoadAllWith(root, Load) }

// LoadAllWith is LoadAll that reads each brief.toml with load (Load, or a
// caller's that remembers briefs it decoded before). load is called on
// several goroutines at once.
func LoadAllWith(root string, load func(path string) (*Brief, diag.List)) ([]*Brief, diag.List) {
	matches, err := BriefFiles(root)
	wrong := Misnamed(root, matches)
	if err != nil || len(matches) == 0 {
		if len(wrong) > 0 {
			return nil, wrong
		}
		if st, err := os.Stat(root); err == nil && st.IsDir() {
			return nil, nil
		}
		return nil, diag.List{diag.Errorf(diag.Pos{File: root}, "no-briefs",
			"each brief lives in briefs/<id>/brief.toml; --root names the project folder", "no briefs folder at %s", root)}
	}
	sort.Strings(matches)
	// Each brief is decoded on a core of its own, the results taken in
	// path order, so that what comes out does not depend on timing.
	type loaded struct {
		b  *Brief
		ds diag.List
	}
	out := make([]loaded, len(matches))
	parallel.For(len(matches), func(i int) { out[i].b, out[i].ds = load(matches[i]) })
	var briefs []*Brief
	all := wrong
	for _, l := range out {
		all = append(all, l.ds...)
		if l.b != nil {
			briefs = append(briefs, l.b)
		}
	}
	return briefs, all
}

// Load decodes one brief.toml. It returns nil and diagnostics when the file
// cannot be used; warnings may come with a usable brief.
func Load(path string) (*Brief, diag.List) {
	b, ds := decode(path)
	if ds.HasErrors() {
		return nil, ds
	}
	return b, ds
}

// LoadText is Load for the commands that need a brief's messages and not
// its pictures (sync, export): a brief whose errors are all about its
// figure or logo files is kept, with them. A translator's catalogue
// waited for a wrong image before.
func LoadText(path string) (*Brief, diag.List) {
	b, ds := decode(path)
	for _, d := range ds {
		if d.Severity == diag.Error && !FigureFinding(d) {
			return nil, ds
		}
	}
	return b, ds
}

// FigureFinding reports a finding about a figure's or the logo's file
// (its codes are figure-*, the logo's too), which leaves a brief's
// messages whole.
func FigureFinding(d diag.Diagnostic) bool { return strings.HasPrefix(d.Code, "figure-") }

// decode decodes one brief.toml: the brief, if the file reads as one, and
// every finding, errors included.
func decode(path string) (*Brief, diag.List) {
	briefs := filepath.Dir(filepath.Dir(path))
	if err := Confine(path, briefs, filepath.Dir(briefs)); err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "outside-project", OutsideHint,
			"the brief is a symbolic link, or in a linked folder, leading outside the project")}
	}
	data, err := ReadFile(path)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "read", "check that the file exists and is readable", "cannot read the brief: %v", err)}
	}
	if d, bad := Preflight(path, data, "brief"); bad {
		return nil, diag.List{d}
	}
	var ix *tomlpos.Index // indexed once: the limits and the positions read it
	if len(data) <= MaxFileBytes {
		ix = tomlpos.Parse(data)
	}
	if d, bad := TooBigIndexed(path, data, ix); bad {
		return nil, diag.List{d}
	}
	var raw rawBrief
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, tomlErrors(path, data, err)
	}
	if d, bad := tooManyPieces(path, ix, raw); bad {
		return nil, diag.List{d}
	}
	ds := append(unknownKeys(path, ix, md.Undecoded()), wrongCase(path, ix, md.Keys())...)
	ds = append(ds, misplacedKeys(path, ix, md.Keys(), raw.Block)...)
	b := &Brief{
		ID: raw.ID, IDPos: at(path, ix, "id"), Dir: filepath.Dir(path), File: path,
		Date: raw.Date, SourceLang: raw.SourceLang,
	}
	return b, append(ds, b.fill(raw, ix)...)
}

func (b *Brief) fill(raw rawBrief, ix *tomlpos.Index) diag.List {
	var ds diag.List
	top := diag.Pos{File: b.File, Line: 1, Col: 1}
	if want := filepath.Base(b.Dir); b.ID != want {
		hint := fmt.Sprintf("set id = %q", want)
		if CheckBriefID(want) != "" && CheckBriefID(b.ID) == "" {
			// The folder was renamed to a name no ID may have (Jobs-in-
			// SEZs): setting the id to it made an id warning and lost
			// every catalogue, named after the old id.
			hint = fmt.Sprintf("rename the folder back: git mv %s %s (a brief's id and folder are lower case, and its catalogues are named after them)",
				diag.ShellArg(filepath.ToSlash(filepath.Join("briefs", want))), diag.ShellArg(filepath.ToSlash(filepath.Join("briefs", b.ID))))
		}
		ds = append(ds, diag.Errorf(at(b.File, ix, "id"), "brief-id", hint, "brief id %q does not match its folder %q", b.ID, want))
	} else if problem := CheckBriefID(b.ID); problem != "" {
		// An ID that breaks the names made from it is an error; one
		// that only departs from the convention (Jobs_2019) a warning, so
		// that a project made by hand before new checked IDs still builds.
		d := diag.Warnf
		if brokenBriefID(b.ID) {
			d = diag.Errorf
		}
		ds = append(ds, d(at(b.File, ix, "id"), "brief-id",
			"rename the folder and the id, e.g. "+SuggestBriefID(b.ID), "brief id %q %s", b.ID, problem))
	}
	switch h, m, sec := b.Date.Clock(); {
	case b.Date.IsZero():
		ds = append(ds, diag.Errorf(top, "brief-date", "add date = 2019-07-01", "brief has no publication date"))
	case b.Date.Year() == 0:
		// TOML's local time (00:30:00): a year 0 on the page and in the PDF.
		ds = append(ds, diag.Errorf(at(b.File, ix, "date"), "brief-date", "write the day it is published: date = 2019-07-01",
			"date is a time of day, not a date"))
	case h != 0 || m != 0 || sec != 0 || b.Date.Nanosecond() != 0:
		// A date with a time (and an offset, which the PDF's date lost):
		// the brief is dated by a day, in no time zone. The decoder
		// gives a plain date as midnight in the machine's zone.
		ds = append(ds, diag.Errorf(at(b.File, ix, "date"), "brief-date", fmt.Sprintf("write the day alone: date = %s", b.Date.Format("2006-01-02")),
			"date has a time of day; a brief is dated by its day"))
	}
	switch b.SourceLang {
	case "", "en":
		b.SourceLang = "en"
	default:
		// Catalogues, sync, check and the translators' files all make
		// each translation from the English (its hash, its # en: lines,
		// PO's msgid): another source language was taken, and then every
		// message of that language was an orphan with no English.
		ds = append(ds, diag.Errorf(at(b.File, ix, "source_lang"), "source-lang",
			`delete the line, or write source_lang = "en": write the text in locales/`+b.ID+`.en.toml and translate from it (a brief written first in another language is translated into English like any other)`,
			"source_lang is %q: briefs translates from English only", b.SourceLang))
		b.SourceLang = "en"
	}
	if len(raw.Edition) == 0 {
		ds = append(ds, diag.Errorf(top, "no-editions", "add an [[edition]] table", "brief has no editions"))
	}
	for i, re := range raw.Edition {
		digits := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(raw.NativeDigits), re.NativeDigits...))))
		e := Edition{Country: re.Country, Languages: re.Languages, NativeDigits: digits,
			Pos: at(b.File, ix, "edition", strconv.Itoa(i))}
		field := func(key string) diag.Pos { return keyAt(b.File, ix, e.Pos, "edition", strconv.Itoa(i), key) }
		ds = append(ds, validateEdition(e, b.Editions, field)...)
		b.Editions = append(b.Editions, e)
	}
	if len(raw.Block) == 0 {
		// Checked clean and built as a page with a footer alone.
		ds = append(ds, diag.Errorf(top, "no-blocks", "add its content as [[block]] tables, a title first (briefs man, BRIEF FORMAT, lists the types)", "brief has no blocks"))
	}
	if raw.Masthead != nil {
		var mds diag.List
		b.Masthead, mds = decodeMasthead(*raw.Masthead, at(b.File, ix, "masthead"), at(b.File, ix, "masthead", "logo"), b.Dir)
		ds = append(ds, mds...)
	}
	for i, rb := range raw.Block {
		pos := at(b.File, ix, "block", strconv.Itoa(i))
		field := func(path ...string) diag.Pos {
			return keyAt(b.File, ix, pos, append([]string{"block", strconv.Itoa(i)}, path...)...)
		}
		blk, bds := decodeBlock(rb, pos, field, b)
		if blk.Kind == Table {
			var cds diag.List
			blk.ColumnStyles, cds = decodeColumnStyles(rb, func(path ...string) diag.Pos {
				return at(b.File, ix, append([]string{"block", strconv.Itoa(i)}, path...)...)
			})
			bds = append(bds, cds...)
		}
		ds = append(ds, bds...)
		b.Blocks = append(b.Blocks, blk)
	}
	return append(ds, resolveCharts(b)...)
}

// ValidateEdition is the check of one edition that decoding a brief
// makes, for briefs new to refuse what check would: a country code in
// lower case (or region), listed once, and languages of the table.
func ValidateEdition(e Edition, before []Edition) diag.List {
	return validateEdition(e, before, func(string) diag.Pos { return Pos0 })
}

func validateEdition(e Edition, before []Edition, field func(key string) diag.Pos) diag.List {
	var ds diag.List
	if e.Country != "region" && (len(e.Country) != 2 || strings.ToLower(e.Country) != e.Country) {
		hint := `use a lower-case ISO 3166 code such as "th", "mm", "kh", "vn", or "region"`
		if low := strings.ToLower(e.Country); len(e.Country) == 2 || low == "region" {
			hint = fmt.Sprintf("write %q: country codes are lower case (they name the PDFs, %s)", low, "<id>."+low+".<lang>.pdf")
		}
		ds = append(ds, diag.Errorf(field("country"), "edition-country", hint,
			"edition country %q is not a country code", e.Country))
	}
	for _, p := range before {
		if p.Country == e.Country {
			ds = append(ds, diag.Errorf(e.Pos, "edition-duplicate", "delete one of the two [[edition]] tables, or merge their languages", "edition %q is listed twice", e.Country))
			break // once, however many times it was listed before
		}
	}
	if len(e.Languages) == 0 {
		ds = append(ds, diag.Errorf(e.Pos, "edition-languages", `add languages = ["en"]`, "edition %q has no languages", e.Country))
	}
	for i, l := range e.Languages {
		if slices.Contains(e.Languages[:i], l) {
			// Each language is one PDF: twice, two jobs would write one file.
			ds = append(ds, diag.Errorf(field("languages"), "edition-languages", "list each language once",
				"edition %q lists %q twice", e.Country, l))
			break
		}
	}
	for _, l := range e.Languages {
		if d, bad := CheckLanguage(l, field("languages")); bad {
			ds = append(ds, d)
		}
	}
	for _, l := range e.NativeDigits {
		if d, bad := CheckLanguage(l, field("native_digits")); bad {
			ds = append(ds, d)
		}
	}
	return ds
}

// LanguageAsCountry explains an edition country that is a language's
// code (km for Cambodia), with the country code to write; ok is false
// for any other. km, my and vi are countries too (Comoros, Malaysia, the
// US Virgin Islands), so it is a hint where the edition's name is
// missing (check, build) and a warning of briefs new, never a finding of
// its own that --strict would fail on for a Malaysia edition.
func LanguageAsCountry(country string) (string, bool) {
	row, ok := lang.Lookup(country)
	if !ok || len(row.Aliases) == 0 || slices.Contains(row.Aliases, country) {
		return "", false
	}
	return fmt.Sprintf("%q is the language code of %s: if the edition is where %s is spoken, write country = %q (countries take ISO 3166 codes: Cambodia kh, Myanmar mm, Laos la, Vietnam vn)",
		country, row.Name, row.Name, row.Aliases[0]), true
}

// CheckLanguage reports a diagnostic when code is not one of Languages. The
// hint catches country codes used as languages (DESIGN.md fact 5), and
// locales (km-KH, km_KH), as CAT tools write them, of a language of the
// table.
func CheckLanguage(code string, pos diag.Pos) (diag.Diagnostic, bool) {
	if lang.Supported(code) {
		return diag.Diagnostic{}, false
	}
	hint := LanguageSuggestion(code)
	if hint == "" {
		hint = "valid languages: " + strings.Join(lang.Codes(), ", ")
	}
	return diag.Errorf(pos, "unknown-language", hint, "unknown language code %q", code), true
}

// LanguageSuggestion names the language an unknown code most likely
// means, or "": a country code (kh), capitals (KM), a locale (km-KH). A
// supported code has none.
func LanguageSuggestion(code string) string {
	if lang.Supported(code) {
		return ""
	}
	if want, ok := lang.AliasOf(code); ok {
		return fmt.Sprintf("%q is a country code; the language code is %q", code, want)
	}
	if l, ok := lang.OfAlpha3(code); ok {
		return fmt.Sprintf("%q is the three-letter code of %s; briefs writes %q", code, l.Name, l.Code)
	}
	if low := strings.ToLower(code); low != code && lang.Supported(low) {
		return fmt.Sprintf("language codes are lower case: %q", low)
	}
	if base, ok := lang.FromTag(code); ok {
		return fmt.Sprintf("did you mean %q? %q is a locale; briefs names the language alone", base, code)
	}
	return ""
}

// tomlErrors turns a decoder error into diagnostics: a syntax error, or
// every value of the wrong type. The position of a syntax error is taken
// from the error's byte offset, which points at the offending character;
// the decoder's own line number is one too far when that character is a
// newline.
func tomlErrors(path string, data []byte, err error) diag.List {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		if ds := wrongTypes(path, data, &rawBrief{}); ds != nil {
			return ds
		}
	}
	return diag.List{tomlError(path, data, err)}
}

func tomlError(path string, data []byte, err error) diag.Diagnostic {
	var pe toml.ParseError
	if d, ok := ConflictMarker(path, data); ok && errors.As(err, &pe) {
		return d
	}
	if errors.As(err, &pe) {
		pos := DecoderPos(path, data, pe)
		hint := TOMLHint(pe.Message, pe.Usage, "fix the TOML syntax; briefs man (BRIEF FORMAT) shows a complete brief")
		msg := pe.Message
		if strings.Contains(msg, "parsing time") {
			hint, msg = "write dates without quotes: date = 2019-07-01", "a date in quotes is text, not a date"
		}
		return diag.Errorf(pos, "toml-syntax", hint, "%s", msg)
	}
	return typeError(path, data, err)
}

// typeErrorRE reads the decoder's type error: toml: line 6 (last key
// "edition.languages"): incompatible types: TOML value has type string;
// destination has type slice.
var typeErrorRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`line (\d+) \(last key "([^"]*)"\): .*TOML value has type (\w+); destination has type (\w+)`)
}) // compiled on first use, not at every start

// typeError places a decoder type error at its key and says in words
// what the value should be.
func typeError(path string, data []byte, err error) diag.Diagnostic {
	return TypeError(path, data, err, "see BRIEF FORMAT in briefs man, which lists every block type and key")
}

// TypeError is typeError for other TOML files (the termbase), with the
// hint that names their format.
func TypeError(path string, data []byte, err error, hint string) diag.Diagnostic {
	m := typeErrorRE().FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "toml-type", hint,
			"a value has the wrong type")
	}
	line, _ := strconv.Atoi(m[1])
	pos := diag.Pos{File: path, Line: max(line, 1), Col: 1}
	for _, p := range tomlpos.Parse(data).Matching(strings.Split(m[2], ".")...) {
		if p.Line == line {
			pos.Col = p.Col
		}
	}
	want := map[string]string{"slice": `an array, such as ["en", "km"]`, "integer": "a whole number, such as 1",
		"float": "a number, such as 0.5", "string": `text in quotes, such as "title"`, "struct": "a date, such as 2019-07-01"}[m[4]]
	if want == "" {
		want = "another type"
	}
	got := map[string]string{"string": "text", "int64": "a number", "integer": "a number", "float64": "a number",
		"float": "a number", "bool": "true or false", "slice": "an array", "map": "a table"}[m[3]]
	if got == "" {
		got = "a " + m[3]
	}
	return diag.Errorf(pos, "toml-type", hint, "%s is %s; it must be %s", m[2], got, want)
}

// BriefFiles lists root/<id>/brief.toml, sorted, by reading the folder:
// filepath.Glob would read a root named briefs[2026] as a pattern and
// find no brief, so that check and build passed on nothing.
func BriefFiles(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		p := filepath.Join(root, e.Name(), "brief.toml")
		if _, err := os.Lstat(p); err == nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// Misnamed reports each folder of root that holds no brief.toml but a
// file whose name is brief.toml in other letters (Brief.toml, saved on a
// system whose file names ignore case). Linux and CI do not find it: the
// brief would drop out of the build without a word, and the build would
// then delete its PDFs as withdrawn. The error keeps them, as for any
// brief that does not load. briefs are the brief.toml files found
// under root (BriefFiles), whose folders need no listing.
func Misnamed(root string, briefs []string) diag.List {
	found := map[string]bool{}
	for _, b := range briefs {
		found[b] = true
	}
	dirs, err := os.ReadDir(root)
	if err != nil {
		return nil
	}
	var out diag.List
	for _, d := range dirs {
		if !d.IsDir() {
			if strings.EqualFold(filepath.Ext(d.Name()), ".toml") {
				id := strings.TrimSuffix(d.Name(), filepath.Ext(d.Name()))
				out = append(out, diag.Errorf(diag.Pos{File: filepath.Join(root, d.Name()), Line: 1, Col: 1}, "brief-name",
					fmt.Sprintf("move it into a folder of its own: mkdir %s && git mv %s %s", diag.ShellArg(id), diag.ShellArg(d.Name()), diag.ShellArg(id+"/brief.toml")),
					"a brief lives in briefs/<id>/brief.toml; %s in the briefs folder itself is never read", d.Name()))
			}
			continue
		}
		if found[filepath.Join(root, d.Name(), "brief.toml")] {
			continue // the usual case: the folder's brief.toml was found, no listing
		}
		files, err := os.ReadDir(filepath.Join(root, d.Name()))
		if err != nil {
			// Unread, the folder's brief dropped out of the build without
			// a word, and the build deleted its PDFs as withdrawn.
			out = append(out, diag.Errorf(diag.Pos{File: filepath.Join(root, d.Name(), "brief.toml"), Line: 1, Col: 1}, "brief-name",
				"let this user read the folder (chmod u+rx), or move it out of briefs/",
				"the folder of brief %q cannot be read: %v", d.Name(), errors.Unwrap(err)))
			continue
		}
		if slices.ContainsFunc(files, func(f os.DirEntry) bool { return f.Name() == "brief.toml" }) {
			continue
		}
		for _, f := range files {
			if !f.IsDir() && looksLikeBrief(f.Name()) && !strings.EqualFold(f.Name(), "brief.toml") {
				out = append(out, diag.Errorf(diag.Pos{File: filepath.Join(root, d.Name(), f.Name()), Line: 1, Col: 1}, "brief-name",
					fmt.Sprintf("rename it: git mv %s brief.toml (an editor that adds .txt may hide the extension)", diag.ShellArg(f.Name())),
					"the brief of %q must be named brief.toml, so %s is never read", d.Name(), f.Name()))
				continue
			}
			if !f.IsDir() && strings.EqualFold(f.Name(), "brief.toml") {
				out = append(out, diag.Errorf(diag.Pos{File: filepath.Join(root, d.Name(), f.Name()), Line: 1, Col: 1}, "brief-name",
					fmt.Sprintf("rename it brief.toml, in small letters (git mv %s brief.toml)", diag.ShellArg(f.Name())),
					"the brief of %q must be named brief.toml: file names are case-sensitive on Linux and in CI", d.Name()))
			}
		}
	}
	return out
}

// looksLikeBrief reports whether a file name is brief.toml mistyped or
// saved with another extension: brief.toml.txt (Notepad), brief.tml,
// brief (1).toml, Brief.TOML.
func looksLikeBrief(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "brief") && (strings.Contains(n, ".toml") || strings.HasSuffix(n, ".tml") || strings.HasSuffix(n, ".txt"))
}

// briefIDPattern is what a brief ID is made of: lower-case letters and
// digits in words joined by single hyphens. It names a folder, the PDFs
// and the catalogue files <id>.<lang>.toml, whose dots separate the ID
// from the language, and it goes into URLs and shell commands.
var briefIDPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) }) // compiled on first use

// ReservedBriefIDs are the IDs the project's own files take: the shared
// catalogue locales/shared.<lang>.toml holds the words the layout prints.
var ReservedBriefIDs = []string{"shared"}

// CheckBriefID returns what is wrong with a brief ID, or "".
func CheckBriefID(id string) string {
	switch {
	case slices.Contains(ReservedBriefIDs, id):
		return "is taken by the shared catalogue (locales/shared.<lang>.toml)"
	case len(id) > MaxBriefIDLen:
		return fmt.Sprintf("is %d characters long; at most %d fit in the file names made from it (<id>.<edition>.<lang>.pdf, written through a temporary file)",
			len(id), MaxBriefIDLen)
	case !briefIDPattern().MatchString(id):
		return "is not lower-case letters and digits joined by hyphens"
	}
	return ""
}

// MaxBriefIDLen is the longest brief ID whose file names fit in a folder
// entry: 255 bytes (NAME_MAX) on ext4, XFS, Btrfs, APFS and NTFS. The
// longest name made from an ID is a PDF's, <id>.region.<lang>.pdf with a
// three-letter language code (mnw, shn), 15 bytes more than the ID; every
// file is written as a temporary .<name>.<pid>-<random>.tmp beside it
// (atomicfile), 27 bytes more again with a pid and os.CreateTemp's random
// part at their longest, ten digits each. A catalogue's <id>.<lang>.toml
// is shorter. 255 - 15 - 27 = 213.
const MaxBriefIDLen = 255 - len(".region.mnw.pdf") - len("..-.tmp") - 2*10

// brokenBriefID reports whether an ID breaks the names made from it: the
// reserved shared catalogue's, one too long for them, a dot (which
// separates the ID from the language in <id>.<lang>.toml), white space,
// or a path separator.
func brokenBriefID(id string) bool {
	return slices.Contains(ReservedBriefIDs, id) || len(id) > MaxBriefIDLen || strings.ContainsAny(id, "./\\") ||
		strings.IndexFunc(id, unicode.IsSpace) >= 0
}

// SuggestBriefID turns a name into a brief ID: lower case, every run of
// other characters a hyphen, cut to MaxBriefIDLen.
func SuggestBriefID(name string) string {
	var b strings.Builder
	hyphen := false
	// NFD parts a Latin letter from its accents, which are dropped:
	// héllo is hello, Việt Nam viet-nam; Vietnamese đ, which has no
	// parts, is d.
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == 'đ' {
			r = 'd'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		} else {
			hyphen = true
		}
	}
	s := b.String()
	if len(s) > MaxBriefIDLen {
		s = strings.TrimRight(s[:MaxBriefIDLen], "-")
	}
	switch {
	case s == "":
		return "jobs-in-sezs"
	case CheckBriefID(s) != "":
		return s + "-brief" // a reserved ID
	default:
		return s
	}
}
