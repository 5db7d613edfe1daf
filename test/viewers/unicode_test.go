package viewers_test

import (
	"encoding/hex"
	"fmt"
	"regexp"
	"testing"
	"unicode/utf16"
)

// TestEveryCodeMapsToUnicode checks, in every sample PDF, that every
// character code of every font (each CID of its CIDToGIDMap) and every
// code the pages draw has a ToUnicode entry, and that no entry is empty
// or holds U+0000, U+FEFF or U+FFFE (ISO 14289-1, 7.21.7; ISO 19005-2,
// 6.2.11.7.2).
func TestEveryCodeMapsToUnicode(t *testing.T) {
	for _, s := range buildSamples(t, t.TempDir()) {
		d := loadQPDF(t, s.path)
		fonts := map[string]map[int]string{} // font ref → its ToUnicode entries
		for pi, page := range d.pages() {
			res := d.dict(page["/Resources"])
			byName := d.dict(res["/Font"])
			content, err := d.data(page["/Contents"])
			if err != nil {
				t.Fatalf("%s page %d: %v", s.name, pi+1, err)
			}
			for _, use := range drawnCodes(string(content)) {
				ref, _ := byName[use.font].(string)
				if fonts[ref] == nil {
					fonts[ref] = checkFont(t, d, s.name, ref)
				}
				if _, ok := fonts[ref][use.code]; !ok {
					t.Errorf("%s page %d: font %s draws code %04X, which has no ToUnicode entry", s.name, pi+1, use.font, use.code)
				}
			}
		}
		if len(fonts) == 0 {
			t.Errorf("%s: no text drawn", s.name)
		}
	}
}

// checkFont checks one Type 0 font: each CID of its CIDToGIDMap but 0
// (never drawn) has a usable ToUnicode entry. It returns the entries.
func checkFont(t *testing.T, d *qpdfDoc, pdf, ref string) map[int]string {
	t.Helper()
	font := d.dict(ref)
	cmap, err := d.data(font["/ToUnicode"])
	if err != nil {
		t.Errorf("%s: font %s has no ToUnicode stream: %v", pdf, ref, err)
		return nil
	}
	entries, err := bfchars(string(cmap))
	if err != nil {
		t.Errorf("%s: font %s: %v", pdf, ref, err)
	}
	for code, u := range entries {
		if u == "" {
			t.Errorf("%s: font %s: code %04X maps to nothing", pdf, ref, code)
		}
		for _, r := range u {
			if r == 0 || r == 0xFEFF || r == 0xFFFE {
				t.Errorf("%s: font %s: code %04X maps to U+%04X", pdf, ref, code, r)
			}
		}
	}
	descendants, _ := font["/DescendantFonts"].([]any)
	if len(descendants) != 1 {
		t.Errorf("%s: font %s has %d descendant fonts", pdf, ref, len(descendants))
		return entries
	}
	cidToGID, err := d.data(d.dict(descendants[0])["/CIDToGIDMap"])
	if err != nil {
		t.Errorf("%s: font %s: no CIDToGIDMap stream: %v", pdf, ref, err)
		return entries
	}
	for cid := 1; cid < len(cidToGID)/2; cid++ {
		if _, ok := entries[cid]; !ok {
			t.Errorf("%s: font %s: CID %04X has no ToUnicode entry", pdf, ref, cid)
		}
	}
	return entries
}

var bfcharRE = regexp.MustCompile(`<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]*)>`)

// bfchars reads the bfchar entries of a ToUnicode CMap (Adobe Technical
// Note #5411), which is all the writer uses.
func bfchars(cmap string) (map[int]string, error) {
	out := map[int]string{}
	for _, m := range bfcharRE.FindAllStringSubmatch(cmap, -1) {
		code, _ := hex.DecodeString(m[1])
		dst, err := hex.DecodeString(m[2])
		if err != nil || len(dst)%2 != 0 {
			return out, fmt.Errorf("entry <%s> <%s> is not UTF-16BE", m[1], m[2])
		}
		units := make([]uint16, len(dst)/2)
		for i := range units {
			units[i] = uint16(dst[2*i])<<8 | uint16(dst[2*i+1])
		}
		out[int(code[0])<<8|int(code[1])] = string(utf16.Decode(units))
	}
	return out, nil
}

// codeUse is one 2-byte code shown with a font resource.
type codeUse struct {
	font string
	code int
}

var contentToken = regexp.MustCompile(`<<|>>|<[0-9A-Fa-f]*>|/[^\s/<>\[\]()]+|[A-Za-z*']+`)

// drawnCodes lists the codes of the hex strings that text operators show
// in a content stream, with the font resource set by the last Tf. Hex
// strings inside dictionaries (ActualText) are not drawn text.
func drawnCodes(content string) []codeUse {
	var out []codeUse
	font, lastName, depth := "", "", 0
	for _, tok := range contentToken.FindAllString(content, -1) {
		switch {
		case tok == "<<":
			depth++
		case tok == ">>":
			depth--
		case tok[0] == '/':
			lastName = tok[1:]
		case tok == "Tf":
			font = "/" + lastName
		case tok[0] == '<' && depth == 0:
			b, _ := hex.DecodeString(tok[1 : len(tok)-1])
			for i := 0; i+1 < len(b); i += 2 {
				out = append(out, codeUse{font, int(b[i])<<8 | int(b[i+1])})
			}
		}
	}
	return out
}
