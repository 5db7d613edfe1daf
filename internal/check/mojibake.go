package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

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
// (WHATWG Encoding Standard, index-windows-1252; or Latin-1, whose C1
// controls stand for the bytes Windows-1252 leaves undefined) and encoded
// again: a run of such characters whose bytes are UTF-8 of a character
// these briefs are written in (see plausible). It returns the byte offset
// of the first damaged run and s with every such run decoded.
//
// Real text has runs whose bytes happen to be UTF-8 too: "Fuß“" is DF 93,
// NKo U+07D3; "Cà phê…”" ends in EA 85 94, Yi U+A154. Those decode to no
// script of these languages and are left alone.
func mojibake(s string) (at int, repaired string, ok bool) {
	var b strings.Builder
	at = -1
	for i := 0; i < len(s); {
		start, raw := i, []byte(nil) // a run of Windows-1252's high characters, as bytes
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			c, high := windows1252Byte(r)
			if !high {
				break
			}
			raw, i = append(raw, c), i+n
		}
		if raw == nil { // ASCII, or a character the encoding lacks: kept
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+n])
			i += n
			continue
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

// decodeMojibake decodes raw's multi-byte UTF-8 sequences of plausible
// characters and keeps every other byte as the Windows-1252 character it
// stood for. It reports whether there was such a sequence.
func decodeMojibake(raw []byte) (string, bool) {
	var b strings.Builder
	found := false
	for len(raw) > 0 {
		if r, n := utf8.DecodeRune(raw); r != utf8.RuneError && n > 1 && plausible(r) {
			b.WriteRune(r)
			raw, found = raw[n:], true
			continue
		}
		b.WriteRune(charmap.Windows1252.DecodeByte(raw[0]))
		raw = raw[1:]
	}
	return b.String(), found
}

// plausible reports whether r is a character of the text briefs set,
// which mojibake of it decodes to: the letters of Thai, Khmer, Burmese and
// Lao, Latin letters with diacritics (Vietnamese, names), and the
// punctuation and currency signs of U+2000..U+20CF (curly quotes, dashes,
// €), which UTF-8 writes with the bytes that Windows-1252 reads as
// â€™. Latin-1 letters are plausible too (é read as Ã©), its symbols and
// controls not.
func plausible(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7: // Latin-1 letters, Latin Extended-A and -B
		return true
	case r >= 0x1E00 && r <= 0x1EFF, r >= 0x2000 && r <= 0x20CF:
		return true
	}
	return unicode.In(r, unicode.Thai, unicode.Khmer, unicode.Myanmar, unicode.Lao)
}

// windows1252Byte returns the byte, 0x80 or above, that Windows-1252 (or
// Latin-1, for the C1 controls) writes r as; false for ASCII and for
// every character those encodings lack.
func windows1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	c, ok := charmap.Windows1252.EncodeRune(r)
	return c, ok && c >= 0x80
}
