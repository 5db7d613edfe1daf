package fonts

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-text/typesetting/language"

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
// serves Thai from Noto Looped Thai without touching the set it came from.
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
	if f := looped.For(language.Thai, Regular); f.Name != "NotoLoopedThai-Regular" || !f.Has('ก') {
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
