package pdf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestAppendNumMatchesNum checks that the content stream's appending
// formatter writes exactly the bytes the fmt-based writer did: it wrote
// num(v, prec) through a %s verb, which copies the string as it is. Edge
// values and random ones.
func TestAppendNumMatchesNum(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 0.0005, -0.0005, 0.00049999, -0.00049999,
		0.0015, 0.0025, 1.0005, 2.675, -2.675, 0.125, 0.005, -0.005, 0.0049999, 1e-9, -1e-9,
		1e15, -1e15, 123456789.123456, 9.9995, 9.99949999, 0.1 + 0.2, 841.8897637795275, 595.2755905511812,
		math.MaxInt32, -math.MaxInt32, 1e21, 5e-324, math.SmallestNonzeroFloat64}
	r := rand.New(rand.NewPCG(1, 17))
	for range 20000 {
		vals = append(vals, (r.Float64()-0.5)*2000, (r.Float64()-0.5)*2, math.Round(r.Float64()*1e6)/1e6+0.0005,
			float64(r.IntN(200000)-100000)/1000+0.0005, -float64(r.IntN(200000))/200)
	}
	for _, v := range vals {
		for _, prec := range []int{0, 1, 2, 3, 4} {
			want := num(v, prec)
			if got := string(appendNum([]byte("x"), v, prec)); got != "x"+want {
				t.Fatalf("appendNum(%v, %d) = %q, want %q", v, prec, got[1:], want)
			}
		}
	}
}

// TestAppendHex4 checks the glyph-code formatter against "%04X".
func TestAppendHex4(t *testing.T) {
	for v := 0; v <= 0xFFFF; v++ {
		if got, want := string(appendHex4(nil, uint16(v))), fmt.Sprintf("%04X", v); got != want {
			t.Fatalf("appendHex4(%d) = %q, want %q", v, got, want)
		}
	}
}

// TestAppendUTF16Hex checks the appending encoder against UTF-16 from
// unicode/utf16, on BMP, astral and invalid text.
func TestAppendUTF16Hex(t *testing.T) {
	for _, s := range []string{"", "a", "ស្រាវ", "မြန်မာ", "😀x", "\xff\xfe", "a\x80b", "\uFFFD", "\U0010FFFF", "\u2060"} {
		var want strings.Builder
		for _, u := range utf16.Encode([]rune(s)) {
			fmt.Fprintf(&want, "%04X", u)
		}
		if got := string(appendUTF16Hex([]byte{}, s)); got != want.String() {
			t.Errorf("appendUTF16Hex(%q) = %s, want %s", s, got, want.String())
		}
	}
}

// TestToUnicodeCMapMatchesFmt checks the CMap writer against the same
// CMap written with fmt, across more than one bfchar block.
func TestToUnicodeCMapMatchesFmt(t *testing.T) {
	texts := []string{""}
	for i := range 250 {
		texts = append(texts, string(rune(0x1780+i%80))+strconv.Itoa(i)+"😀"[:4*(i%2)])
	}
	var want strings.Builder
	want.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for c := 1; c < len(texts); c += 100 {
		n := min(len(texts)-c, 100)
		fmt.Fprintf(&want, "%d beginbfchar\n", n)
		for k := c; k < c+n; k++ {
			fmt.Fprintf(&want, "<%04X> <", k)
			for _, u := range utf16.Encode([]rune(texts[k])) {
				fmt.Fprintf(&want, "%04X", u)
			}
			want.WriteString(">\n")
		}
		want.WriteString("endbfchar\n")
	}
	want.WriteString("endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n")
	if got := string(toUnicodeCMap(texts)); got != want.String() {
		t.Errorf("toUnicodeCMap differs from fmt's:\n%s\nwant\n%s", got, want.String())
	}
}
