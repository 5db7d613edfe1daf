package fonts

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/mekong-briefs/briefs/internal/lang"
)

func TestEveryScriptHasItsFaces(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for script, want := range map[language.Script]string{
		language.Khmer: "NotoSansKhmer", language.Myanmar: "NotoSansMyanmar",
		language.Thai: "NotoSansThai", language.Latin: "NotoSans", language.Arabic: "NotoSans",
	} {
		for _, st := range []Style{Regular, Bold} {
			f := s.For(script, st)
			if f == nil || f.Name != want+suffix(st) {
				t.Errorf("For(%v, %v) = %v, want %s%s", script, st, f, want, suffix(st))
			}
		}
	}
	if !s.For(language.Khmer, Regular).Has('ក') || s.Latin(Regular).Has('ក') {
		t.Error("cmap coverage is not what the faces hold")
	}
}

func TestMissingFaceIsAnError(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	delete(s.lib.files, "NotoSansThai-Bold")
	if err := s.complete(); err == nil || !strings.Contains(err.Error(), "NotoSansThai-Bold.ttf") {
		t.Errorf("complete() = %v, want an error naming NotoSansThai-Bold.ttf", err)
	}
}

// TestItalicAndLoopedFaces checks that Latin has its italics, that a
// script with no italic gives its upright face, and that WithFamily
// serves Thai from its looped face, Noto Serif Thai, without touching the set it came from.
func TestItalicAndLoopedFaces(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if f := s.Latin(Italic); f.Name != "NotoSans-Italic" || !f.Italic() {
		t.Errorf("Latin(Italic) = %s", f.Name)
	}
	if f := s.Latin(BoldItalic); f.Name != "NotoSans-BoldItalic" {
		t.Errorf("Latin(BoldItalic) = %s", f.Name)
	}
	if f := s.For(language.Khmer, BoldItalic); f.Name != "NotoSansKhmer-Bold" || f.Italic() {
		t.Errorf("For(Khmer, BoldItalic) = %s, want the upright bold", f.Name)
	}
	looped := s.WithFamily(language.Thai, LoopedThai)
	if f := looped.For(language.Thai, Regular); f.Name != "NotoSerifThai-Regular" || !f.Has('ก') {
		t.Errorf("looped Thai = %s", f.Name)
	}
	if f := s.For(language.Thai, Regular); f.Name != "NotoSansThai-Regular" {
		t.Errorf("the set itself changed: Thai = %s", f.Name)
	}
}

// TestFacesParseOnDemand: Load parses no font; asking for the Latin face
// parses one file, and a clone asking for it again parses nothing more.
func TestFacesParseOnDemand(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if n := s.Parsed(); n != 0 {
		t.Fatalf("Load parsed %d fonts, want 0", n)
	}
	a := s.Latin(Regular)
	b := s.Clone().Latin(Regular)
	if n := s.Parsed(); n != 1 {
		t.Errorf("two lookups of one face parsed %d fonts, want 1", n)
	}
	if a == b || a.Font == b.Font {
		t.Error("a clone shares its face with the original: shaping caches would race")
	}
	if a.Font.Font != b.Font.Font {
		t.Error("a clone parsed the font program again")
	}
}

// TestWarmParsesBesideLookups: Warm parses the regular and bold faces of
// the families named and of Noto Sans, once each, while lookups on other
// goroutines get the same programs (run with -race).
func TestWarmParsesBesideLookups(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]*Face, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				s.Warm(Family(language.Khmer))
			}
			got[i] = s.Clone().For(language.Khmer, Bold)
		}()
	}
	wg.Wait()
	if n := s.Parsed(); n != 4 {
		t.Errorf("Warm of Khmer parsed %d fonts, want 4 (Khmer and Noto Sans, regular and bold)", n)
	}
	for _, f := range got[1:] {
		if f == nil || f.Font.Font != got[0].Font.Font {
			t.Fatal("lookups beside Warm got different programs of one file")
		}
	}
	if s.Latin(Bold); s.Parsed() != 4 {
		t.Error("a warmed face was parsed again")
	}
}

// TestLanguageTableFacesAreEmbedded: every script and body family the
// language table names is served by an embedded face of its own family.
func TestLanguageTableFacesAreEmbedded(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range lang.Table {
		if f := s.For(row.Script, Regular); f == nil {
			t.Errorf("%s: no face for its script", row.Code)
		}
		if row.BodyFamily == "" {
			continue
		}
		for _, st := range []Style{Regular, Bold} {
			f := s.WithFamily(row.Script, row.BodyFamily).For(row.Script, st)
			if f == nil || !strings.HasPrefix(f.Name, row.BodyFamily) {
				t.Errorf("%s: body family %s%s is not embedded", row.Code, row.BodyFamily, suffix(st))
			}
		}
	}
}

// TestEveryFileEmbedded checks that embedded.go lists every font file of
// the folder, and no other.
func TestEveryFileEmbedded(t *testing.T) {
	files, err := filepath.Glob("*.ttf")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, ok := embedded[strings.TrimSuffix(f, ".ttf")]; !ok {
			t.Errorf("%s is not in embedded.go", f)
		}
	}
	if len(embedded) != len(files) {
		t.Errorf("embedded.go lists %d files, the folder has %d", len(embedded), len(files))
	}
}

// bothParsings parses a file whole with go-text and as Parse does.
func bothParsings(t *testing.T, name string, data []byte) (*font.Face, *Face) {
	t.Helper()
	full, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(name+".ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	return full, f
}

// TestInkMatchesGoText holds Face.Ink, read from the glyf headers, equal
// to what go-text's GlyphExtents gives with the outlines parsed, for every
// glyph of every embedded face.
func TestInkMatchesGoText(t *testing.T) {
	for name, data := range embedded {
		full, f := bothParsings(t, name, data)
		recs, err := directory(data)
		if err != nil {
			t.Fatal(err)
		}
		n := int(binary.BigEndian.Uint16(table(data, recs, "maxp")[4:])) // maxp.numGlyphs
		if n < 100 {
			t.Fatalf("%s: %d glyphs", name, n)
		}
		for gid := 0; gid < n; gid++ {
			ext, _ := full.GlyphExtents(font.GID(gid))
			top, bottom := f.Ink(uint16(gid))
			if wantTop, wantBottom := float64(ext.YBearing)/f.Upem, float64(ext.YBearing+ext.Height)/f.Upem; top != wantTop || bottom != wantBottom {
				t.Errorf("%s glyph %d: Ink = %v, %v; go-text %v, %v", name, gid, top, bottom, wantTop, wantBottom)
			}
		}
	}
}

// TestOutlinelessShapesAlike shapes runs of every character each face
// maps, and strings that stack marks, with the outlineless face and with
// the whole file, and wants the same glyphs, advances and offsets.
func TestOutlinelessShapesAlike(t *testing.T) {
	hard := map[language.Script]string{
		language.Khmer:   "ស្ត្រី ក្រសួង ព្រះរាជាណាចក្រ ញ៉ាំ ឆ្នាំ២០១៩ ក៏ ស៊ី",
		language.Myanmar: "မြန်မာ ကျွန်ုပ် နှင့် အကောင့် ပြည်ထောင်စု ဦး ၂၀၁၉",
		language.Thai:    "ผู้ใหญ่ กราฟิกส์ น้ำ ปั้ม ฐาน ญี่ปุ่น ๒๕๖๒",
		language.Lao:     "ສະບາຍດີ ນ້ຳ ແຮງງານ ເຂົ້າ",
		language.Latin:   "Việt Nam người lao động AVATAR Toffee «ǅ» ﬁ 1/2",
	}
	var hb shaping.HarfbuzzShaper
	for name, data := range embedded {
		full, f := bothParsings(t, name, data)
		var runes []rune
		for r := rune(0x20); r < 0x10000; r++ {
			if _, ok := full.NominalGlyph(r); ok {
				runes = append(runes, r)
			}
		}
		script := language.Latin
		for s, stem := range family {
			if strings.HasPrefix(name, stem) {
				script = s
			}
		}
		if strings.HasPrefix(name, LoopedThai) {
			script = language.Thai
		} else if strings.HasPrefix(name, LoopedLao) {
			script = language.Lao
		}
		texts := [][]rune{[]rune(hard[script])}
		for i := 0; i < len(runes); i += 24 {
			texts = append(texts, runes[i:min(i+24, len(runes))])
		}
		for _, text := range texts {
			in := shaping.Input{Text: text, RunEnd: len(text), Direction: di.DirectionLTR,
				Size: fixed.I(int(f.Upem)), Script: script, Language: language.NewLanguage("und")}
			in.Face = full
			want := hb.Shape(in).Glyphs
			in.Face = f.Font
			got := hb.Shape(in).Glyphs
			if len(got) != len(want) {
				t.Errorf("%s %q: %d glyphs, whole file %d", name, string(text), len(got), len(want))
				continue
			}
			for i := range got {
				g, w := got[i], want[i]
				if g.GlyphID != w.GlyphID || g.Advance != w.Advance || g.XOffset != w.XOffset || g.YOffset != w.YOffset || g.TextIndex() != w.TextIndex() {
					t.Errorf("%s %q glyph %d: %+v, whole file %+v", name, string(text), i, g, w)
					break
				}
			}
		}
	}
}

// BenchmarkParse parses each script's regular face as a build does: a
// short PDF's largest fixed cost after process start (issue 17).
func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"NotoSans-Regular", "NotoSansKhmer-Regular", "NotoSansMyanmar-Regular", "NotoSansThai-Regular"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(name+".ttf", embedded[name]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCoveringParsesOnlyWhatItNeeds: finding the face of ≥ parses the
// math face alone, and the baht sign the Thai face alone, by the Unicode
// block each character is in; no other script's face is parsed for them.
func TestCoveringParsesOnlyWhatItNeeds(t *testing.T) {
	for r, want := range map[rune]string{'≥': "NotoSansMath-Regular", '฿': "NotoSansThai-Regular"} {
		s, err := Load()
		if err != nil {
			t.Fatal(err)
		}
		if f := s.Covering(r, Regular); f == nil || f.Name != want {
			t.Fatalf("%q: %v, want %s", r, f, want)
		}
		for name, p := range s.lib.files {
			if p.face != nil && name != want {
				t.Errorf("%q: %s was parsed too", r, name)
			}
		}
	}
}
