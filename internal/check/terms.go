package check

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	// avoid holds the terms to avoid of each language, prepared on first use.
	avoid map[string][]avoidTerm
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
	var data []byte
	err := source.Confine(path, filepath.Dir(path), filepath.Dir(filepath.Dir(path)))
	if err == nil {
		data, err = source.ReadFile(path)
	}
	if errors.Is(err, os.ErrNotExist) {
		return &Termbase{}, nil
	}
	if err != nil {
		hint := "make locales/terms.toml a readable file"
		if errors.Is(err, source.ErrOutside) {
			hint = source.OutsideHint
		}
		return &Termbase{}, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, CodeTermsFile,
			hint, "read termbase: %v", err)}
	}
	if d, bad := source.Preflight(path, data, "termbase"); bad {
		if d.Code == "utf8" {
			d.Code = CodeTermsFile // the termbase's every encoding error has its code
		}
		return &Termbase{}, diag.List{d}
	}
	if d, bad := source.TooBig(path, data); bad {
		return &Termbase{}, diag.List{d}
	}
	var tb Termbase
	md, err := toml.Decode(string(data), &tb)
	if err != nil {
		var pe toml.ParseError
		if d, ok := source.ConflictMarker(path, data); ok && errors.As(err, &pe) {
			return &Termbase{}, diag.List{d}
		}
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
	avoid := c.terms.avoiding(m.Lang)
	eachForm(m, func(form, s string) {
		h := newHaystack(s) // once per form: folding it once per term was the cost of a large termbase
		for _, a := range avoid {
			off, ok := h.find(a.needle)
			if !ok {
				continue
			}
			cn := a.concept
			hint := "prefer " + quoteAll(cn.Prefer[m.Lang])
			if len(cn.Prefer[m.Lang]) == 0 {
				hint = "rephrase it"
			}
			if cn.Note != "" {
				hint += "; " + cn.Note
			}
			c.add(diag.Warnf(c.textPos(m, form, off), CodeTerm, hint,
				"%s form of %q uses %q, a term to avoid (%s)", form, m.ID, a.term, cn.ID))
		}
	})
}

// avoidTerm is one term to avoid in one language, prepared.
type avoidTerm struct {
	concept *Concept
	term    string
	needle  needle
}

// avoiding returns the terms to avoid in lang, in termbase order, made
// once per language and run.
func (tb *Termbase) avoiding(lang string) []avoidTerm {
	if a, ok := tb.avoid[lang]; ok {
		return a
	}
	if tb.avoid == nil {
		tb.avoid = map[string][]avoidTerm{}
	}
	var a []avoidTerm
	for i := range tb.Concept {
		for _, term := range tb.Concept[i].Avoid[lang] {
			a = append(a, avoidTerm{&tb.Concept[i], term, newNeedle(term)})
		}
	}
	tb.avoid[lang] = a
	return a
}

// findTerm finds term in s and returns its byte offset in s.
func findTerm(s, term string) (int, bool) {
	h := newHaystack(s)
	return h.find(newNeedle(term))
}

// needle is a term to avoid as it is matched: Latin terms folded
// (case, and runs of spaces, no-break spaces and hyphens, do not matter:
// "Illegal  migrants" and "illegal-migrant" match too), others with
// spaces and ZWSP squeezed out, since these scripts put none between
// words.
type needle struct {
	latin bool
	key   string
}

func newNeedle(term string) needle {
	term = text.NFC(term)
	n := needle{latin: true}
	for _, r := range term {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			n.latin = false
		}
	}
	if n.latin {
		n.key, _ = foldLatin(term)
	} else {
		n.key, _ = squeeze(term)
	}
	return n
}

// haystack is a message form prepared for matching both kinds of needle,
// with the byte offset in the form of each byte kept.
type haystack struct {
	nfc              string
	folded, squeezed view
}

// view is the haystack's text as one kind of needle is matched against
// it, made on first use, with the offset in the NFC text of each byte.
type view struct {
	s    string
	at   []int
	made bool
}

func newHaystack(s string) *haystack { return &haystack{nfc: text.NFC(s)} }

func (h *haystack) find(n needle) (int, bool) {
	if n.key == "" {
		return 0, false
	}
	v, prepare := &h.squeezed, squeeze
	if n.latin {
		v, prepare = &h.folded, foldLatin
	}
	if !v.made {
		v.s, v.at = prepare(h.nfc)
		v.made = true
	}
	if i := strings.Index(v.s, n.key); i >= 0 {
		return v.at[i], true
	}
	return 0, false
}

// squeeze drops spaces, no-break spaces and ZWSP from s, and returns the
// offset in s of each byte kept.
func squeeze(s string) (string, []int) {
	var b strings.Builder
	var at []int
	for i, r := range s {
		if r == ' ' || r == '\u00a0' || r == text.ZWSP {
			continue
		}
		for k := 0; k < utf8.RuneLen(r); k++ {
			at = append(at, i+k)
		}
		b.WriteRune(r)
	}
	return b.String(), at
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
