package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/settings"
	"github.com/mekong-briefs/briefs/internal/shape"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// Options select what to check.
type Options struct {
	Langs  []string // only these languages; empty: all
	Briefs []string // only these brief IDs (and the shared catalogue); empty: all
	// Strict makes stale translations errors, and makes warnings fail the
	// check (Report.ExitCode).
	Strict bool
	// AnyLang lets Langs name a supported language no edition publishes:
	// import verifies a catalogue that editions may use later. The
	// command refuses such a --lang, as build does.
	AnyLang bool
}

// Report is the outcome of a check: every finding, sorted by position,
// and the coverage table.
type Report struct {
	Findings diag.List
	Coverage []Coverage
	Strict   bool
	// NoBriefs is set when the briefs folder holds no brief yet (a
	// project just made by init): a clean check, with nothing checked.
	NoBriefs bool
}

// Counts returns the number of errors and warnings.
func (r *Report) Counts() (errors, warnings int) {
	for _, d := range r.Findings {
		if d.Severity == diag.Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// ExitCode is 0 when the check passes and 1 when it fails: on any error,
// or on any warning in strict mode. (2, "the check could not run", is the
// caller's, for an error from Run.)
func (r *Report) ExitCode() int {
	e, w := r.Counts()
	if e > 0 || (r.Strict && w > 0) {
		return 1
	}
	return 0
}

// checkLangs refuses a --lang that build would refuse: one that no
// edition publishes. While a brief fails to load its editions are not
// known, so any supported language passes and the brief's errors show.
func checkLangs(opts Options, briefs []*source.Brief, bds diag.List) error {
	valid := source.EditionLanguages(briefs)
	if opts.AnyLang || len(briefs) == 0 || bds.HasErrors() {
		valid = lang.Codes()
	}
	return source.CheckFilter("language", opts.Langs, valid)
}

// Run loads root/briefs and root/locales and checks them. It returns an
// error only when the check cannot run: no briefs or locales folder, an
// unknown --lang or --brief, or fonts that fail to load.
func Run(root string, opts Options) (*Report, error) {
	locales := filepath.Join(root, "locales")
	if err := catalog.CheckFolder(locales); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	briefs, bds := source.LoadAll(filepath.Join(root, "briefs"))
	if len(briefs) == 0 && len(bds) == 1 && bds[0].Code == "no-briefs" {
		return nil, fmt.Errorf("check: %s (%s)", bds[0].Msg, bds[0].Hint)
	}
	if err := checkLangs(opts, briefs, bds); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	for _, id := range opts.Briefs {
		// A brief with errors did not load, but it exists: check reports
		// its errors rather than claim there is no such brief.
		exists := func(b *source.Brief) bool { return b.ID == id }
		if _, err := os.Stat(filepath.Join(root, "briefs", id, "brief.toml")); err != nil && !slices.ContainsFunc(briefs, exists) {
			var ids []string
			for _, b := range briefs {
				ids = append(ids, b.ID)
			}
			return nil, fmt.Errorf("check --brief: no brief %q under %s; briefs: %s", id, filepath.Join(root, "briefs"), strings.Join(ids, ", "))
		}
	}
	cat, cds := catalog.Load(locales)
	set, err := fonts.Load()
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	terms, tds := LoadTerms(filepath.Join(locales, "terms.toml"))
	c := &checker{
		opts: opts, cat: cat, fonts: set, shaper: &shape.Shaper{}, terms: terms, faulty: map[*catalog.Message]bool{},
		lines: map[string][]string{}, indexes: map[string]*tomlpos.Index{}, broken: map[string]bool{}, failed: map[string]bool{},
	}
	c.ids = map[string]bool{}
	for _, b := range briefs {
		c.ids[b.ID] = true
		if len(opts.Briefs) == 0 || slices.Contains(opts.Briefs, b.ID) {
			c.briefs = append(c.briefs, b)
		}
	}
	c.out = append(c.out, bds...)
	st, sds := settings.Load(root) // briefs.toml: build reads it too
	c.out = append(c.out, sds...)
	c.settings = st
	if st.Logo != "" {
		c.logo, c.logoPos = filepath.Join(root, filepath.FromSlash(st.Logo)), st.LogoPos
	}
	for _, d := range bds {
		if d.Severity == diag.Error && strings.EqualFold(filepath.Base(d.Pos.File), "brief.toml") {
			c.failed[filepath.Base(filepath.Dir(d.Pos.File))] = true
		}
	}
	c.loadDiags(cds)
	for path := range c.broken {
		if domain, ok := strings.CutSuffix(filepath.Base(path), ".en.toml"); ok {
			c.failed[domain] = true
		}
	}
	c.out = append(c.out, tds...)
	c.run()
	c.out = dropShadowed(c.out)
	c.out.Sort()
	c.out = slices.CompactFunc(c.out, func(a, b diag.Diagnostic) bool { return a == b }) // three charts of one table: one finding
	return &Report{Findings: c.out, Coverage: c.coverage, Strict: opts.Strict, NoBriefs: len(briefs) == 0 && len(bds) == 0}, nil
}

// checker holds the state of one Run. It is not shared between runs.
type checker struct {
	opts     Options
	settings settings.Settings
	briefs   []*source.Brief // those --brief selects
	ids      map[string]bool // every brief that loaded, selected or not
	cat      *catalog.Catalog
	fonts    *fonts.Set
	shaper   *shape.Shaper
	terms    *Termbase
	lines    map[string][]string // file path -> lines, read on demand
	indexes  map[string]*tomlpos.Index
	broken   map[string]bool // catalogue files that failed to load
	failed   map[string]bool // domains whose brief or English catalogue failed to load
	logo     string          // the settings' masthead logo, a path, or ""
	logoPos  diag.Pos        // where briefs.toml names it
	needs    *catalog.Needs
	uses     map[string]diag.Pos // message ID -> where a block first names it (usePos)
	lastCol  colAt               // the last column found (column)
	coverage []Coverage
	// charted are the messages (domain, ID) a chart reads its values
	// from, the English cells of its table (checkChart).
	charted map[[2]string]bool
	// faulty are the translations with an error of their own (a broken
	// template, Zawgyi): build refuses their PDFs, so coverage counts
	// them as not current.
	faulty map[*catalog.Message]bool
	out    diag.List
}

// colAt is a column found: byte at of a line of a file is at col.
type colAt struct {
	file          string
	line, at, col int
}

func (c *checker) run() {
	c.needs = c.cat.Needs(c.briefs, c.opts.Langs)
	c.checkDuplicates()
	c.checkMissing()
	c.checkOrphans()
	c.checkCharts()
	c.checkFigures()
	c.checkFolderNames()
	c.checkUsage()
	for _, f := range c.cat.Files {
		if !c.selected(f) {
			continue
		}
		for _, m := range f.Messages {
			if len(m.Forms) > 0 {
				before := errorCount(c.out)
				c.checkMessage(m)
				if errorCount(c.out) > before {
					c.faulty[m] = true
				}
			}
		}
	}
	c.coverage = c.computeCoverage()
	c.checkMemory()
	c.checkUnknownWords()
}

func errorCount(ds diag.List) int {
	n := 0
	for _, d := range ds {
		if d.Severity == diag.Error {
			n++
		}
	}
	return n
}

// needsLang reports whether some edition needs messages in a language.
func (c *checker) needsLang(code string) bool {
	return c.needs != nil && slices.ContainsFunc(c.needs.Keys, func(k catalog.Key) bool { return k.Lang == code })
}

// selected reports whether a catalogue file is within the --lang and
// --brief filters.
func (c *checker) selected(f *catalog.File) bool {
	if f.Builtin {
		return false // the binary's own words: not the project's to fix
	}
	if len(c.opts.Langs) > 0 && !slices.Contains(c.opts.Langs, f.Lang) {
		return false
	}
	if f.Builtin && !c.needsLang(f.Lang) {
		return false // a built-in catalogue of a language no edition is published in
	}
	if len(c.opts.Briefs) > 0 && f.Domain != catalog.Shared && !slices.Contains(c.opts.Briefs, f.Domain) {
		return false
	}
	return true
}

// loadDiags keeps catalog.Load's findings and remembers which files failed
// to load, so that their messages are not also reported missing one by one.
func (c *checker) loadDiags(ds diag.List) {
	for _, d := range ds {
		if d.Severity == diag.Error && d.Pos.File != "" {
			c.broken[d.Pos.File] = true
		}
		if strings.HasSuffix(d.Pos.File, "terms.toml") {
			continue
		}
		if d.Pos.File != "" && d.Pos.Line == 0 {
			d.Pos.Line, d.Pos.Col = 1, 1 // whole-file findings point at its start, for editors and annotations
		}
		c.out = append(c.out, d)
	}
}

// checkMessage runs every per-message check on one message that has text.
func (c *checker) checkMessage(m *catalog.Message) {
	en, _ := c.english(m.Domain, m.ID)
	c.checkTemplate(m, en)
	c.checkRefused(m)
	c.checkEncoding(m)
	c.checkMojibake(m)
	if m.Lang != "en" && en != nil {
		c.checkStale(m, en)
	}
	if isZawgyi(m) || c.checkLegacyFont(m, en) {
		return // garbage for every other check: the zawgyi or legacy-font finding says it all
	}
	c.checkScript(m)
	c.checkGlyphs(m)
	c.checkTerms(m)
	c.checkZWSP(m)
	c.checkTabs(m)
	c.checkLineSeparators(m)
	c.checkFormatChars(m)
	if m.Lang == "en" {
		c.checkBlank(m, nil)
		c.checkSourceSpaces(m)
	}
	if m.Lang == "en" || en == nil {
		return
	}
	c.checkBlank(m, en)
	c.checkPlural(m, en)
	c.checkToolPlurals(m, en)
	c.checkUntranslated(m, en)
	c.checkConsistency(m, en)
	c.checkWhitespace(m, en)
}

// english returns the English source message of a translation: the one of
// the same ID in the same domain's English catalogue.
func (c *checker) english(domain, id string) (*catalog.Message, bool) {
	f, ok := c.cat.File(domain, "en")
	if !ok {
		return nil, false
	}
	m := f.Message(id) // indexed: a scan per message was quadratic in the catalogue's size
	return m, m != nil
}

func (c *checker) add(d diag.Diagnostic) { c.out = append(c.out, d) }

// checkFolderNames refuses a brief named after a folder of the project
// (dist, briefs, locales), which briefs new refuses to make: one made by
// hand wrote its PDFs into the output folder's own folder.
func (c *checker) checkFolderNames() {
	for _, b := range c.briefs {
		if folder, why := c.settings.FolderNamed(b.ID); folder != "" {
			c.add(diag.Errorf(b.IDPos, CodeBriefID, fmt.Sprintf("rename the folder and the id, e.g. %s-brief", b.ID),
				"brief ID %q is the name of the project's %s folder: %s", b.ID, folder, why))
		}
	}
}

// fileLines returns the lines of a file, read once per run.
func (c *checker) fileLines(path string) []string {
	if l, ok := c.lines[path]; ok {
		return l
	}
	data, _ := source.ReadRegular(path)
	l := strings.Split(string(data), "\n")
	c.lines[path] = l
	return l
}
