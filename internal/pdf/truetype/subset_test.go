package truetype

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/go-text/typesetting/font"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

func loadFont(t *testing.T, name string) ([]byte, *Font) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "fonts", name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return data, f
}

// firstComposite finds a composite glyph whose components are not all
// among the glyphs just before it, so the test proves components are
// pulled in.
func firstComposite(t *testing.T, f *Font) (int, []int) {
	t.Helper()
	for g := 1; g < f.NumGlyphs; g++ {
		comps, err := f.components(g)
		if err != nil {
			t.Fatal(err)
		}
		if len(comps) >= 2 {
			return g, comps
		}
	}
	t.Fatal("no composite glyph")
	return 0, nil
}

func TestSubsetKeepsOutlinesAndComponents(t *testing.T) {
	for _, name := range []string{"NotoSans-Regular.ttf", "NotoSansMyanmar-Regular.ttf", "NotoSansThai-Bold.ttf"} {
		t.Run(name, func(t *testing.T) {
			data, f := loadFont(t, name)
			comp, comps := firstComposite(t, f)
			simple := 0
			for g := 1; g < f.NumGlyphs; g++ {
				if c, _ := f.components(g); c == nil && len(f.glyph(g)) > 0 && g != comp && !contains(comps, g) {
					simple = g
					break
				}
			}
			used := []uint16{uint16(comp), uint16(simple)}
			sub, err := f.Subset(used)
			if err != nil {
				t.Fatal(err)
			}
			if len(sub) >= len(data)/2 {
				t.Errorf("subset is %d bytes, the font %d", len(sub), len(data))
			}

			orig, err := font.ParseTTF(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			got, err := font.ParseTTF(bytes.NewReader(sub))
			if err != nil {
				t.Fatalf("go-text cannot parse the subset: %v", err)
			}
			kept := append([]int{0, comp, simple}, comps...)
			for _, g := range kept {
				want := outline(t, orig, g)
				have := outline(t, got, g)
				if len(have.Segments) == 0 && g != 0 {
					t.Errorf("glyph %d: empty in the subset", g)
				}
				if !reflect.DeepEqual(want, have) {
					t.Errorf("glyph %d: outline differs from the original", g)
				}
				if a, b := orig.HorizontalAdvance(font.GID(g)), got.HorizontalAdvance(font.GID(g)); a != b {
					t.Errorf("glyph %d: advance %v, want %v", g, b, a)
				}
			}
			// A glyph that was not asked for is empty, and its ID still exists
			// when it lies below the highest kept one.
			unused := -1
			for g := 1; g < maxInt(kept); g++ {
				if !contains(kept, g) && len(f.glyph(g)) > 0 {
					unused = g
					break
				}
			}
			if unused > 0 {
				if o := outline(t, got, unused); len(o.Segments) != 0 {
					t.Errorf("unused glyph %d kept its outline", unused)
				}
			}
			if n := Must(Parse(sub)).NumGlyphs; n != maxInt(kept)+1 {
				t.Errorf("subset has %d glyphs, want %d", n, maxInt(kept)+1)
			}
			checkChecksums(t, sub)
			fontToolsCheck(t, sub)
		})
	}
}

func outline(t *testing.T, f *font.Face, g int) font.GlyphOutline {
	t.Helper()
	o, ok := f.GlyphData(font.GID(g)).(font.GlyphOutline)
	if !ok {
		t.Fatalf("glyph %d has no outline data", g)
	}
	return o
}

// checkChecksums verifies every table checksum and the whole-file
// adjustment in 'head'.
func checkChecksums(t *testing.T, sfnt []byte) {
	t.Helper()
	if sum := checksum(sfnt); sum != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", sum)
	}
	n := int(binary.BigEndian.Uint16(sfnt[4:]))
	for i := 0; i < n; i++ {
		rec := sfnt[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if off%4 != 0 {
			t.Errorf("table %q not 4-byte aligned", tag)
		}
		table := append([]byte(nil), sfnt[off:off+length]...)
		if tag == "head" {
			binary.BigEndian.PutUint32(table[8:], 0)
		}
		if got := checksum(table); got != binary.BigEndian.Uint32(rec[4:]) {
			t.Errorf("table %q: checksum %#x, directory says %#x", tag, got, binary.BigEndian.Uint32(rec[4:]))
		}
	}
}

// fontToolsCheck loads the subset with fontTools, a strict reader
// (Debian's python3-fonttools).
func fontToolsCheck(t *testing.T, sfnt []byte) {
	t.Helper()
	py := testkit.Python(t, []string{"fontTools"}, "python3-fonttools")
	path := filepath.Join(t.TempDir(), "sub.ttf")
	if err := os.WriteFile(path, sfnt, 0o644); err != nil {
		t.Fatal(err)
	}
	script := `import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
g = f['glyf']
for name in f.getGlyphOrder():
    g[name].expand(g)
f['hmtx']; f['post']; f['cmap']; f['OS/2']
`
	if out, err := exec.Command(py, "-c", script, path).CombinedOutput(); err != nil {
		t.Errorf("fontTools rejects the subset: %v\n%s", err, out)
	}
}

func TestSubsetRejectsBadGlyph(t *testing.T) {
	_, f := loadFont(t, "NotoSansThai-Regular.ttf")
	if _, err := f.Subset([]uint16{uint16(f.NumGlyphs)}); err == nil {
		t.Error("glyph beyond numGlyphs accepted")
	}
	if _, err := f.Advance(uint16(f.NumGlyphs)); err == nil {
		t.Error("advance of glyph beyond numGlyphs accepted")
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), bytes.Repeat([]byte{0, 1, 0, 0}, 3)} {
		if _, err := Parse(data); err == nil {
			t.Errorf("Parse(%q) succeeded", data)
		}
	}
	data, _ := loadFont(t, "NotoSansThai-Regular.ttf")
	for _, n := range []int{20, 200, 2000} {
		if _, err := Parse(data[:n]); err == nil {
			t.Errorf("truncated font (%d bytes) accepted", n)
		}
	}
}

func TestSubsetDeterministic(t *testing.T) {
	_, f := loadFont(t, "NotoSansKhmer-Regular.ttf")
	a, err := f.Subset([]uint16{40, 3, 99, 3})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.Subset([]uint16{99, 40, 3})
	if !bytes.Equal(a, b) {
		t.Error("same glyph set, different subsets")
	}
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func maxInt(s []int) int {
	m := s[0]
	for _, v := range s {
		m = max(m, v)
	}
	return m
}

func Must(f *Font, err error) *Font {
	if err != nil {
		panic(err)
	}
	return f
}

// TestUnhinted checks that a subset carries no TrueType instructions and
// no hinting tables, while every kept glyph keeps its outline bytes.
func TestUnhinted(t *testing.T) {
	_, f := loadFont(t, "NotoSansKhmer-Regular.ttf")
	var gids []uint16
	for g := 1; g < f.NumGlyphs; g++ {
		gids = append(gids, uint16(g))
	}
	data, err := f.Subset(gids)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"fpgm", "prep", "cvt ", "name"} {
		if _, ok := sub.tables[tag]; ok {
			t.Errorf("subset keeps %q", tag)
		}
	}
	stripped := 0
	for g := 0; g < f.NumGlyphs; g++ {
		a, b := f.glyph(g), sub.glyph(g)
		if len(a) < 12 || int16(binary.BigEndian.Uint16(a)) < 0 {
			continue
		}
		n := int(int16(binary.BigEndian.Uint16(a)))
		at := 10 + 2*n
		if got := binary.BigEndian.Uint16(b[at:]); got != 0 {
			t.Fatalf("glyph %d keeps %d bytes of instructions", g, got)
		}
		skip := int(binary.BigEndian.Uint16(a[at:]))
		if skip > 0 {
			stripped++
		}
		endA, okA := pointsEnd(a, n, at+2+skip)
		endB, okB := pointsEnd(b, n, at+2)
		if !okA || !okB || !bytes.Equal(a[:at], b[:at]) || !bytes.Equal(a[at+2+skip:endA], b[at+2:endB]) {
			t.Fatalf("glyph %d: outline changed", g)
		}
	}
	if stripped == 0 {
		t.Error("no glyph had instructions to strip; the test proves nothing")
	}
}
