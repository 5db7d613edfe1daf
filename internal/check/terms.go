package check

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
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

// LoadTerms reads a termbase. A missing file is an empty termbase.
func LoadTerms(path string) (*Termbase, diag.List) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Termbase{}, nil
	}
	if err != nil {
		return &Termbase{}, diag.List{diag.Errorf(diag.Pos{File: path}, CodeTermsFile, "", "read termbase: %v", err)}
	}
	var tb Termbase
	md, err := toml.Decode(string(data), &tb)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return &Termbase{}, diag.List{diag.Errorf(diag.Pos{File: path, Line: pe.Position.Line, Col: pe.Position.Col},
				CodeTermsFile, "", "termbase is not valid TOML: %s", pe.Message)}
		}
		return &Termbase{}, diag.List{diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, CodeTermsFile, "", "decode termbase: %v", err)}
	}
	var ds diag.List
	for _, k := range md.Undecoded() {
		ds = append(ds, diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, CodeTermsFile,
			"keys: keep, [[concept]] id, note, avoid.<lang>, prefer.<lang>", "unknown key %q in termbase", k.String()))
	}
	for _, c := range tb.Concept {
		for _, m := range []map[string][]string{c.Avoid, c.Prefer} {
			for lang := range m {
				if d, bad := source.CheckLanguage(lang, diag.Pos{File: path, Line: 1, Col: 1}); bad {
					d.Code = CodeTermsFile
					d.Msg = fmt.Sprintf("concept %q: %s", c.ID, d.Msg)
					ds = append(ds, d)
				}
			}
		}
	}
	return &tb, ds
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
