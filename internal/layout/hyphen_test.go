package layout

import (
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/text"

	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/pages"
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

// TestNumbersStayWhole: over many lines, ragged and justified, no line
// ends inside a telephone number or a range of years, or between an
// amount or a distance and its unit, when a space elsewhere would do
// (linebreak.NumberGroupPenalty, NumberRangePenalty, NumberUnitPenalty).
func TestNumbersStayWhole(t *testing.T) {
	e := engine(t)
	src := strings.Repeat("Call the hotline on +855 12 345 678 or read the report of 2017–2019 and the survey of 1 500 workers, paid USD 450 for 25 km. ", 12)
	for _, justify := range []bool{false, true} {
		e.Justify = justify
		out, _, err := e.Layout(doc("en", para(strings.TrimSpace(src))))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		lastY := -1.0
		for _, r := range out.Pages[0].Runs {
			if r.Role != pages.RoleParagraph {
				continue
			}
			if r.Y != lastY {
				lines = append(lines, "")
				lastY = r.Y
			}
			lines[len(lines)-1] += r.Text
		}
		if len(lines) < 10 {
			t.Fatalf("justify=%v: %d lines, want many", justify, len(lines))
		}
		for i := 0; i+1 < len(lines); i++ {
			end := strings.TrimRight(lines[i], " ")
			next := lines[i+1]
			digitEnd := end != "" && end[len(end)-1] >= '0' && end[len(end)-1] <= '9'
			digitNext := next != "" && next[0] >= '0' && next[0] <= '9'
			unit := strings.HasSuffix(end, "USD") && digitNext || digitEnd && strings.HasPrefix(next, "km")
			if strings.HasSuffix(end, "–") || digitEnd && digitNext || unit {
				t.Errorf("justify=%v: line %d ends %q and the next starts %q", justify, i+1, end[max(0, len(end)-20):], next[:min(len(next), 20)])
			}
		}
	}
}

// TestOverlongWordsSplitWell: a word wider than a narrow column is split
// between syllables (Burmese, Khmer, Thai) or where an address breaks,
// not inside a syllable (လက်မှ|တ်, បណ្ដឹ|ង) or at any letter (…example.o|rg).
func TestOverlongWordsSplitWell(t *testing.T) {
	e := engine(t)
	for _, c := range []struct {
		lang, word string
		width      float64
	}{
		{"my", "နိုင်ငံကူးလက်မှတ်", 45},
		{"km", "ពាក្យបណ្ដឹងរបស់ពលករ", 40},
		{"th", "มหาวิทยาลัยเทคโนโลยี", 40},
		{"en", "yangon.office@mekongmigration.example.org", 110},
	} {
		st := e.setter(c.lang)
		w := text.NFC(c.word)
		good := map[int]bool{}
		for _, sp := range linebreak.SplitPoints(w) {
			good[sp.Pos] = true
		}
		lines := st.set([]manuscript.Span{{Text: w}}, bodyStyle, fixed(c.width), pages.Artifact, "p", diag.Pos{})
		if len(lines) < 2 {
			t.Fatalf("%s: %d lines in %.0f pt, want the word split", c.lang, len(lines), c.width)
		}
		at := 0
		for i, ln := range lines[:len(lines)-1] {
			for _, r := range ln.runs {
				at += len(r.Text)
			}
			if !good[at] {
				t.Errorf("%s: line %d ends %q, inside a syllable or an address's part", c.lang, i+1, w[:at])
			}
		}
	}
}
