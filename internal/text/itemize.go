// Package text prepares paragraph text for shaping: Unicode normalisation
// (NFC), script itemisation after UAX #24 with Common and Inherited
// characters resolved to their neighbours, and the choice of face for each
// run, with fallback to Noto Sans for Latin, digits and anything the
// script's face cannot draw.
package text

import (
	"unicode/utf8"

	"github.com/go-text/typesetting/language"
	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/lang"
)

// ZWSP is ZERO WIDTH SPACE: a line-break opportunity that draws nothing.
// It stays in its word's run, which HarfBuzz shapes to no advance: a run
// of its own made each ZWSP-segmented word a text object of its own in the
// PDF, where pdf.js put a space between the words and PDFium read a
// cluster twice (test/viewers, testdata/proof/*.zwsp.txt).
const ZWSP = '\u200B'

// NFC returns s in Normalization Form C. NFKC is never used: it would break
// Thai SARA AM (DESIGN.md fact 6). ASCII text is in every normalization
// form (UAX #15), and is returned without a lookup per character.
func NFC(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFC.String(s)
		}
	}
	return s
}

// Run is a maximal stretch of a paragraph in one script, face and style.
// Start and End are byte offsets into the paragraph text.
type Run struct {
	Start, End int
	Script     language.Script
	Lang       language.Language
	Face       *fonts.Face
	Style      fonts.Style
}

// Itemize splits s[start:end], set in one style, into runs. lang is the
// document language, used for shaping (e.g. "km"); runs in a script the
// language does not use get no language, so that HarfBuzz picks defaults.
func Itemize(s string, start, end int, lang string, style fonts.Style, set *fonts.Set) []Run {
	scripts := resolveScripts(s[start:end])
	faces := facePicker{set: set, style: style}
	var runs []Run
	i := 0
	for pos := start; pos < end; {
		r, n := utf8.DecodeRuneInString(s[pos:])
		script := scripts[i]
		face := faces.pick(r, script)
		if len(runs) > 0 {
			last := &runs[len(runs)-1]
			if last.Face == face && last.Script == script && last.End == pos {
				last.End = pos + n
				pos += n
				i++
				continue
			}
		}
		runs = append(runs, Run{Start: pos, End: pos + n, Script: script, Face: face, Style: style,
			Lang: faces.language(lang, script)})
		pos += n
		i++
	}
	return runs
}

// facePicker chooses faces for the characters of one Itemize call. It
// asks the Set once per script, not once per character: a lookup builds
// the face's name and takes the set's lock (issue 17: a fifth of layout
// went there).
type facePicker struct {
	set   *fonts.Set
	style fonts.Style
	latin *fonts.Face
	// last is the script face asked for most recently, and its script:
	// a paragraph has one or two scripts, in long stretches.
	last       *fonts.Face
	lastScript language.Script
	// langScript and langTag cache runLanguage for the latest script.
	langScript language.Script
	langTag    language.Language
	haveLang   bool
}

// pick chooses the face for one character. Latin letters and ASCII digits
// always use Noto Sans, as briefs set SEZ, ILO and 2019 inside Khmer or
// Thai text; other characters, spaces and punctuation included, use their
// (resolved) script's face when it has the glyph, and fall back to Noto
// Sans otherwise, or to the first script face that has a character Noto
// Sans lacks.
func (fp *facePicker) pick(r rune, script language.Script) *fonts.Face {
	if script == language.Latin || isASCIIAlnum(r) {
		return fp.fallback(r)
	}
	if fp.last == nil || fp.lastScript != script {
		fp.last, fp.lastScript = fp.set.For(script, fp.style), script
	}
	if fp.last.Has(r) {
		return fp.last
	}
	return fp.fallback(r)
}

// fallback is Noto Sans, unless it lacks the character and another
// embedded face has it: a baht sign (U+0E3F) after Latin text, in
// "US$10 or ฿363", is set in the Thai face rather than as .notdef.
func (fp *facePicker) fallback(r rune) *fonts.Face {
	latin := fp.latinFace()
	if r < utf8.RuneSelf || latin.Has(r) {
		return latin
	}
	if f := fp.set.Covering(r, fp.style); f != nil {
		return f
	}
	return latin
}

func (fp *facePicker) latinFace() *fonts.Face {
	if fp.latin == nil {
		fp.latin = fp.set.Latin(fp.style)
	}
	return fp.latin
}

// language is runLanguage, remembered for the latest script.
func (fp *facePicker) language(lang string, script language.Script) language.Language {
	if !fp.haveLang || fp.langScript != script {
		fp.langScript, fp.langTag, fp.haveLang = script, runLanguage(lang, script), true
	}
	return fp.langTag
}

// resolveScripts gives each rune of s a script, per UAX #24 with the
// Common/Inherited resolution of UAX #24 §5.2 simplified: such characters
// take the script of the preceding strong character, or of the following
// one at the start of the text.
func resolveScripts(s string) []language.Script {
	out := make([]language.Script, 0, len(s))
	for _, r := range s {
		out = append(out, language.LookupScript(r))
	}
	var prev language.Script
	havePrev := false
	for i, sc := range out {
		if weak(sc) {
			if havePrev {
				out[i] = prev
			}
			continue
		}
		prev, havePrev = sc, true
	}
	// Leading weak characters take the first strong script.
	for i := range out {
		if !weak(out[i]) {
			for j := 0; j < i; j++ {
				out[j] = out[i]
			}
			break
		}
	}
	return out
}

func weak(s language.Script) bool {
	return s == language.Common || s == language.Inherited || s == language.Unknown
}

// runLanguage returns the shaping language for a run: the document
// language when the run is in its script, else none.
func runLanguage(lang string, script language.Script) language.Language {
	if s, ok := ScriptOf(lang); ok && s == script {
		return language.NewLanguage(lang)
	}
	if script == language.Latin {
		return language.NewLanguage("en")
	}
	return ""
}

// ScriptOf returns the main script of a language code.
func ScriptOf(code string) (language.Script, bool) {
	row, ok := lang.Lookup(code)
	return row.Script, ok
}

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
}
