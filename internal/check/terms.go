package check

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// Termbase is locales/terms.toml: for each concept, per language, the
// terms to avoid and the preferred terms; and the names that stay the
// same in every language (exempt from the untranslated check).
//
//	keep = ["Thilawa", "Mekong"]
//
//	[[concept]]
//	id = "illegal-migrant"
//	note = "No person is illegal: …"
//	avoid.en = ["illegal migrant"]
//	prefer.en = ["irregular migrant", "undocumented migrant"]
type Termbase struct {
	Keep    []string  `toml:"keep"`
	Concept []Concept `toml:"concept"`
}

// Concept is one entry of the termbase.
type Concept struct {
	ID     string              `toml:"id"`
	Note   string              `toml:"note"`
	Avoid  map[string][]string `toml:"avoid"`
	Prefer map[string][]string `toml:"prefer"`
}

// termsKeys are the keys of a termbase, for "did you mean".
var termsKeys = []string{"keep", "concept", "id", "note", "avoid", "prefer"}

const termsFormat = "keys: keep, [[concept]] id, note, avoid.<lang>, prefer.<lang>"

// LoadTerms reads a termbase. A missing file is an empty termbase. It
// reads the file as briefs and catalogues are read (bounded, UTF-8, depth
// checked) and places every finding with tomlpos, the one position
// finder, so that a BOM, CRLF or a multi-line string moves nothing.
func LoadTerms(path string) (*Termbase, diag.List) {
	data, err := source.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Termbase{}, nil
	}
	if err != nil {
		return &Termbase{}, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, CodeTermsFile,
			"make locales/terms.toml a readable file", "read termbase: %v", err)}
	}
	if !utf8.Valid(data) {
		return &Termbase{}, diag.List{diag.Errorf(source.InvalidUTF8(path, data), CodeTermsFile,
			"save the file as UTF-8", "termbase is not valid UTF-8")}
	}
	if d, bad := source.TooBig(path, data); bad {
		return &Termbase{}, diag.List{d}
	}
	var tb Termbase
	md, err := toml.Decode(string(data), &tb)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return &Termbase{}, diag.List{diag.Errorf(source.DecoderPos(path, data, pe), CodeTermsFile,
				source.TOMLHint(pe.Message, pe.Usage, termsFormat), "termbase is not valid TOML: %s", pe.Message)}
		}
		d := source.TypeError(path, data, err, termsFormat)
		d.Code = CodeTermsFile
		return &Termbase{}, diag.List{d}
	}
	ix := tomlpos.Parse(data)
	at := func(keys ...string) diag.Pos {
		p, _ := ix.Find(keys...)
		return diag.Pos{File: path, Line: max(p.Line, 1), Col: max(p.Col, 1)}
	}
	ds := termsUnknown(path, ix, md.Undecoded())
	for i, c := range tb.Concept {
		for _, kind := range []string{"avoid", "prefer"} {
			m := map[string]map[string][]string{"avoid": c.Avoid, "prefer": c.Prefer}[kind]
			langs := make([]string, 0, len(m))
			for lang := range m {
				langs = append(langs, lang)
			}
			sort.Strings(langs)
			for _, lang := range langs {
				if d, bad := source.CheckLanguage(lang, at("concept", strconv.Itoa(i), kind, lang)); bad {
					d.Code = CodeTermsFile
					d.Msg = fmt.Sprintf("concept %q: %s", c.ID, d.Msg)
					ds = append(ds, d)
				}
			}
		}
	}
	return &tb, ds
}

// termsUnknown reports each key of the termbase the decoder did not use,
// at its own position, with the nearest known key.
func termsUnknown(path string, ix *tomlpos.Index, keys []toml.Key) diag.List {
	var ds diag.List
	seen := map[string]int{}
	var reported []string
	for _, k := range keys {
		// The keys inside an unknown table are unknown too: one finding.
		if slices.ContainsFunc(reported, func(r string) bool { return strings.HasPrefix(k.String(), r+".") }) {
			continue
		}
		reported = append(reported, k.String())
		pos := diag.Pos{File: path, Line: 1, Col: 1}
		if ps := ix.Matching(k...); seen[k.String()] < len(ps) {
			p := ps[seen[k.String()]]
			pos.Line, pos.Col = p.Line, p.Col
		}
		seen[k.String()]++
		hint := termsFormat
		if c := diag.Closest(k[len(k)-1], termsKeys); c != "" {
			hint = fmt.Sprintf("did you mean %q?", c)
		}
		ds = append(ds, diag.Errorf(pos, CodeTermsFile, hint, "unknown key %q in termbase", k.String()))
	}
	return ds
}

// checkTerms reports every term to avoid in every form of a message.
// Matching is on NFC text, by substring, so it works in Thai, Khmer and
// Burmese, which put no spaces between words; Latin is matched without
// regard to case. For terms outside Latin script, spaces and ZWSP are
// ignored on both sides, since writers put them in different places.
func (c *checker) checkTerms(m *catalog.Message) {
	if c.terms == nil {
		return
	}
	eachForm(m, func(form, s string) {
		for _, cn := range c.terms.Concept {
			for _, term := range cn.Avoid[m.Lang] {
				off, ok := findTerm(s, term)
				if !ok {
					continue
				}
				hint := "prefer " + quoteAll(cn.Prefer[m.Lang])
				if len(cn.Prefer[m.Lang]) == 0 {
					hint = "rephrase it"
				}
				if cn.Note != "" {
					hint += "; " + cn.Note
				}
				c.add(diag.Warnf(c.textPos(m, form, off), CodeTerm, hint,
					"%s form of %q uses %q, a term to avoid (%s)", form, m.ID, term, cn.ID))
			}
		}
	})
}

// findTerm finds term in s and returns its byte offset in s.
func findTerm(s, term string) (int, bool) {
	s, term = text.NFC(s), text.NFC(term)
	latin := true
	for _, r := range term {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			latin = false
		}
	}
	if latin {
		// Case, and runs of spaces, no-break spaces and hyphens, do not
		// matter: "Illegal  migrants" and "illegal-migrant" match too.
		fs, at := foldLatin(s)
		ft, _ := foldLatin(term)
		i := strings.Index(fs, ft)
		if i < 0 || ft == "" {
			return 0, false
		}
		return at[i], true
	}
	// Squeeze spaces out of s, remembering each kept byte's offset.
	var b strings.Builder
	var at []int
	for i, r := range s {
		if r == ' ' || r == '\u00a0' || r == text.ZWSP {
			continue
		}
		for k := 0; k < len(string(r)); k++ {
			at = append(at, i+k)
		}
		b.WriteRune(r)
	}
	t := strings.NewReplacer(" ", "", "\u00a0", "", string(text.ZWSP), "").Replace(term)
	i := strings.Index(b.String(), t)
	if i < 0 || t == "" {
		return 0, false
	}
	return at[i], true
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	sort.Strings(q)
	return strings.Join(q, " or ")
}

// foldLatin lower-cases s and turns each run of spaces, no-break spaces
// and hyphens into one space. at maps each byte of the result to the byte
// offset in s it came from.
func foldLatin(s string) (string, []int) {
	var b strings.Builder
	var at []int
	gap := false
	for i, r := range s {
		if r == ' ' || r == '\u00a0' || r == '-' || r == '\u2011' {
			if !gap {
				b.WriteByte(' ')
				at = append(at, i)
			}
			gap = true
			continue
		}
		gap = false
		lr := string(unicode.ToLower(r))
		for k := 0; k < len(lr); k++ {
			at = append(at, i)
		}
		b.WriteString(lr)
	}
	return b.String(), at
}
