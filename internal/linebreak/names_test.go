package linebreak

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestRegionNamesStayWhole: every name of the region's lists is written
// in NFC and breaks nowhere inside, alone or in a sentence (ทูตแรงงาน
// เมียนมา "Myanmar's labour attaché" once read ...เมีย|นมา).
func TestRegionNamesStayWhole(t *testing.T) {
	b := New()
	n := 0
	for s, list := range regionNames {
		for line := range strings.Lines(*list) {
			name := strings.TrimSpace(line)
			if name == "" || strings.HasPrefix(name, "#") {
				continue
			}
			n++
			if !norm.NFC.IsNormalString(name) {
				t.Errorf("script %d: %q is not NFC", s, name)
			}
			for _, text := range []string{name, map[script]string{scriptThai: "ทูตแรงงาน", scriptKhmer: "ខេត្ត", scriptMyanmar: "မြို့"}[s] + name} {
				start := len(text) - len(name)
				for _, br := range b.Breaks(text) {
					if br.Pos > start && br.Pos < len(text) {
						t.Errorf("%q breaks inside the name at %q", text, text[:br.Pos])
					}
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("%d names, want the lists read", n)
	}
}
