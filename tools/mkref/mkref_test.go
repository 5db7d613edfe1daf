package main

import (
	"encoding/binary"
	"testing"
	"unicode"
)

// mo builds a little-endian .mo file with the given translations.
func mo(strs ...string) []byte {
	n := len(strs)
	head := 28
	table := head + 8*n // originals table at head, translations after
	data := make([]byte, table+8*n)
	le := binary.LittleEndian
	le.PutUint32(data[0:], 0x950412de)
	le.PutUint32(data[8:], uint32(n))
	le.PutUint32(data[12:], uint32(head))
	le.PutUint32(data[16:], uint32(table))
	for i, s := range strs {
		off := len(data)
		data = append(data, s...)
		data = append(data, 0)
		le.PutUint32(data[table+8*i:], uint32(len(s)))
		le.PutUint32(data[table+8*i+4:], uint32(off))
	}
	return data
}

func TestMoStrings(t *testing.T) {
	got, err := moStrings(mo("ក\u200bខ", "one\x00two"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ក\u200bខ", "one", "two"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	if _, err := moStrings([]byte("not a catalogue at all, no")); err == nil {
		t.Error("bad magic accepted")
	}
}

func TestCleanAndMarked(t *testing.T) {
	km := unicode.Khmer
	if got := cleanLine("  ការ\u200b\u200bងារ  _នៅ\u200b ", km); got != "ការ\u200bងារ _នៅ" {
		t.Errorf("cleanLine = %q", got)
	}
	if got := cleanLine("ការ_ងារ", km); got != "ការងារ" {
		t.Errorf("cleanLine dropped no accelerator: %q", got)
	}
	if !marked("ការងារ\u200bនៅរោងចក្រ", km, 8, 12) {
		t.Error("a marked line was refused")
	}
	if marked("ការងារនៅរោងចក្រ\u200bធំ", km, 8, 12) {
		t.Error("a line with 15 unmarked letters was kept")
	}
}

func TestHTMLStrings(t *testing.T) {
	page := "<html><head><title>x</title></head><body><p>ចុច <span class=\"menuitem\">ឯកសារ</span> &amp; រួច</p><script>var a=1;</script><li>ពីរ</li></body></html>"
	got := htmlStrings(page)
	want := []string{"ចុច ឯកសារ & រួច", "ពីរ"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("htmlStrings = %q, want %q", got, want)
	}
}
