package fonts

import (
	"strings"
	"testing"

	"github.com/go-text/typesetting/language"
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
	delete(s.faces, "NotoSansThai-Bold")
	if err := s.complete(); err == nil || !strings.Contains(err.Error(), "NotoSansThai-Bold.ttf") {
		t.Errorf("complete() = %v, want an error naming NotoSansThai-Bold.ttf", err)
	}
}
