package check

import (
	"strings"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/diag"
)

// checkMojibake reports text damaged by a wrong encoding on its way
// through a translator's tools: UTF-8 read as Windows-1252 or Latin-1 and
// saved again as UTF-8 (a Windows editor's "ANSI"), so that ទំនាក់ទំនង
// comes back as áž‘áŸ†... and Liên hệ as LiÃªn há»‡, and the REPLACEMENT
// CHARACTER U+FFFD, which a converter writes for a byte it could not
// read. Both are valid UTF-8 and pass every other rule: the Latin letters
// of mojibake are allowed in every language, so without this the PDF
// prints garbage and coverage counts it as translated.
func (c *checker) checkMojibake(m *catalog.Message) {
	eachForm(m, func(form, s string) {
		if at := strings.IndexRune(s, utf8.RuneError); at >= 0 {
			c.add(diag.Errorf(c.textPos(m, form, at), CodeMojibake,
				"type the character again from the original text: a tool on its way could not read it",
				"%s form of %q holds U+FFFD REPLACEMENT CHARACTER at this column: a character was lost when the text was converted between encodings", form, m.ID))
			return
		}
		if at, repaired, ok := mojibake(s); ok {
			c.add(diag.Errorf(c.textPos(m, form, at), CodeMojibake,
				"save the file as UTF-8 in the tool that changed it, or write: "+repaired,
				"%s form of %q is UTF-8 text read as Windows-1252 and saved again (mojibake), from this column", form, m.ID))
		}
	})
}

// mojibake reports whether s holds UTF-8 that was decoded as Windows-1252
// (or Latin-1) and encoded again: a run of characters whose Windows-1252
// bytes form at least one valid multi-byte UTF-8 sequence. It returns the
// byte offset of the first such run and s with every such run decoded.
// Real text almost never has one: it needs a letter such as Ã or á
// followed by one or two of the symbols and letters of U+0080..U+00BF
// and Windows-1252's 0x80..0x9F (€, ‡, ž, Ÿ), which no language writes
// so.
func mojibake(s string) (at int, repaired string, ok bool) {
	var b strings.Builder
	at = -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, high := cp1252Byte(r); !high {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		start, raw := i, []byte{}
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			c, high := cp1252Byte(r)
			if !high {
				break
			}
			raw = append(raw, c)
			i += n
		}
		text, found := decodeMojibake(raw)
		if !found {
			b.WriteString(s[start:i])
			continue
		}
		if at < 0 {
			at = start
		}
		b.WriteString(text)
	}
	return at, b.String(), at >= 0
}

// decodeMojibake decodes the valid multi-byte UTF-8 sequences of raw and
// keeps every other byte as the Windows-1252 character it stood for. It
// reports whether there was such a sequence.
func decodeMojibake(raw []byte) (string, bool) {
	var b strings.Builder
	found := false
	for len(raw) > 0 {
		if r, n := utf8.DecodeRune(raw); r != utf8.RuneError && n > 1 {
			b.WriteRune(r)
			raw, found = raw[n:], true
			continue
		}
		b.WriteRune(cp1252Rune(raw[0]))
		raw = raw[1:]
	}
	return b.String(), found
}

// cp1252High maps the characters of bytes 0x80..0x9F in Windows-1252 to
// their bytes (WHATWG Encoding Standard, index-windows-1252). Bytes 0x81,
// 0x8D, 0x8F, 0x90 and 0x9D have no character there; a decoder passes
// them on as the C1 controls of the same value, as Latin-1 does.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// cp1252Byte returns the byte, 0x80 or above, that Windows-1252 (or
// Latin-1, for the C1 controls) writes r as; false for ASCII and for
// every character those encodings lack.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	c, ok := cp1252High[r]
	return c, ok
}

// cp1252Rune is the character Windows-1252 reads byte c (0x80 or above)
// as.
func cp1252Rune(c byte) rune {
	for r, b := range cp1252High {
		if b == c {
			return r
		}
	}
	return rune(c)
}
