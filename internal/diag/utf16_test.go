package diag

import (
	"encoding/binary"
	"testing"
	"unicode/utf16"
)

// TestUTF16 finds UTF-16 with and without a byte-order mark, in either
// byte order, and leaves UTF-8 (with its own mark, or Khmer) alone.
func TestUTF16(t *testing.T) {
	enc := func(s string, order binary.AppendByteOrder, bom bool) []byte {
		var out []byte
		units := utf16.Encode([]rune(s))
		if bom {
			units = append([]uint16{0xfeff}, units...)
		}
		for _, u := range units {
			out = order.AppendUint16(out, u)
		}
		return out
	}
	const text = "[\"title\"]\nother = \"ការងារ\"\n"
	for _, tc := range []struct {
		name string
		data []byte
		want bool
	}{
		{"LE with BOM", enc(text, binary.LittleEndian, true), true},
		{"BE with BOM", enc(text, binary.BigEndian, true), true},
		{"LE without BOM", enc(text, binary.LittleEndian, false), true},
		{"BE without BOM", enc(text, binary.BigEndian, false), true},
		{"UTF-8", []byte(text), false},
		{"UTF-8 with BOM", []byte("\uFEFF" + text), false},
		{"Khmer UTF-8", []byte("ការងារ"), false},
		{"short", []byte("a"), false},
		{"NUL later", []byte("ab\x00c\x00"), false},
	} {
		d, ok := UTF16("f.toml", tc.data, "save it as UTF-8")
		if ok != tc.want {
			t.Errorf("%s: UTF-16 %v, want %v", tc.name, ok, tc.want)
		}
		if ok && (d.Pos.Line != 1 || d.Pos.Col != 1 || d.Hint == "" || d.Code != "utf8") {
			t.Errorf("%s: %+v, want utf8 at 1:1 with a hint", tc.name, d)
		}
	}
}
