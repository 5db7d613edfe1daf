// Package check finds what would make a PDF wrong before it is typeset:
// missing, stale and orphan translations, broken templates and plural
// forms, text that differs from the English in markup, numbers or links,
// encoding and spelling-order errors, text that no embedded face can draw
// or that the shaper can only draw with a dotted circle, stray whitespace,
// and terms to avoid (locales/terms.toml).
//
// Run returns a Report of diag.Diagnostic values and a coverage table; it
// never prints. WriteText, WriteJSON and WriteGitHub render a report for
// cmd/briefs. SCHEMA.md beside this file documents the JSON format and
// every finding code.
//
// Codes (severity in brackets; "strict" means --strict):
//
//	missing          [error]   a message an edition needs has no translation
//	stale            [warning, error when strict] the English changed since the translation was made
//	no-hash          [warning] a translation carries no hash, so staleness cannot be told
//	orphan           [warning] a translation that no brief uses or that has no English source
//	duplicate-id     [error]   an ID defined twice in one file; [warning] in a brief and the shared catalogue
//	unknown-language [error]   a catalogue file named with an unknown language code (kh, mm...)
//	catalogue-name   [error]   a catalogue file whose name is not <domain>.<lang>.toml
//	toml-syntax      [error]   a catalogue that is not valid TOML
//	untranslated     [warning] identical to the English in another language
//	blank            [error]   a text (English, or a translation) of nothing but white space and invisible characters
//	template         [error]   a template that does not parse or whose variables differ from the English
//	plural           [error]   a CLDR plural form the language needs is missing; [warning] a superfluous one
//	markup           [warning] emphasis, strong or link markup differs from the English
//	numbers          [warning] the numbers differ from the English (compared by value, in any digits)
//	links            [warning] URLs or e-mail addresses differ from the English
//	not-nfc          [error]   text not in Unicode Normalization Form C (UAX #15)
//	zawgyi           [error]   Burmese text in the Zawgyi font encoding
//	mojibake         [error]   UTF-8 read as Windows-1252 and saved again (áž‘ for ទ), or U+FFFD
//	legacy-font      [error]   text typed in a pre-Unicode font that puts the script on Latin code
//	                 points: Khmer in Limon, Burmese in Win Innwa, Vietnamese in TCVN3 or VNI
//	orthography      [error]   a spelling-order mistake NFC does not fix (package orthography)
//	dotted-circle    [error]   shaping inserts U+25CC: a broken cluster
//	no-glyph         [error]   a character no face of the language can draw
//	whitespace       [warning] leading, trailing or double spaces differing from the English;
//	                 a tab; a bidirectional control or U+FEFF inside a text; a line or
//	                 paragraph separator (U+2028, U+2029), which breaks the line
//	zwsp             [warning] ZERO WIDTH SPACE in a language that does not use it (en, vi), or
//	                 one that parts no two words (doubled, beside a space, at an end)
//	term             [warning] a term to avoid, from locales/terms.toml
//	terms-file       [error]   locales/terms.toml cannot be read
//	memory           [warning] one English text has two translations in one language
//	unknown-word     [warning] Thai, Khmer or Burmese word of two syllables or more that no
//	                 dictionary or locales/words.<lang>.txt knows, once per word with its count
//	script           [error]   a translation in another language's script (Thai text in the Khmer
//	                 catalogue); [warning] a few letters of another script among its own
//	figure-turned    [warning] a JPEG photo stored turned, with an Exif orientation viewers obey
//	                 and a PDF does not (a phone's portrait prints on its side)
//	chart-number     [error]   a table cell a chart draws is not a number
//	chart-range      [error]   a chart value lies outside its axis (min, max)
//	chart-colors     [warning] a chart has more series than the palette tells apart
//	chart-digits     [warning] two different chart values print as the same number
//	brief-id         [error]   a brief named after a folder of the project (dist, briefs, locales),
//	                 whose PDFs would go into the output folder's own folder or the sources
//
// Brief sources add their own codes (toml-syntax, unknown-key, block-field...)
// from package source; check passes them through.
package check
