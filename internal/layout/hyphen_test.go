package layout

import (
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/linebreak"
)

// TestNoBreakInsideHyphenatedWord: a line never ends at the hyphen of
// "fixed-duration", which PDFium, pdf.js's find and pdftotext would read
// as a word hyphenated for the line and join without it; the spaces
// still break.
func TestNoBreakInsideHyphenatedWord(t *testing.T) {
	st := &setter{breaker: linebreak.New()}
	s := "short fixed-duration contracts, 2016-2019, Việt-Nam well-being"
	at := map[int]bool{}
	for _, b := range st.breaks(s) {
		at[b.pos] = true
	}
	for _, after := range []string{"fixed-", "Việt-", "well-"} {
		if at[strings.Index(s, after)+len(after)] {
			t.Errorf("a line may end after %q", after)
		}
	}
	for _, after := range []string{"short ", "contracts, ", "2016-2019, "} {
		if !at[strings.Index(s, after)+len(after)] {
			t.Errorf("no break after %q", after)
		}
	}
}
