package text

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/manuscript"
)

func TestParseInline(t *testing.T) {
	spans, err := ParseInline("Of **700 workers**, *most* wrote to info@example.org; see [the report](https://example.org/r) or https://example.org/x.")
	if err != nil {
		t.Fatal(err)
	}
	got := tagged(spans)
	want := []string{"|Of ", "S|700 workers", "|, ", "E|most", "| wrote to ",
		"<mailto:info@example.org>|info@example.org", "|; see ", "<https://example.org/r>|the report",
		"| or ", "<https://example.org/x>|https://example.org/x", "|."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("spans:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, bad := range []string{"**unclosed", "a *b", "[text](no-close"} {
		if _, err := ParseInline(bad); err == nil {
			t.Errorf("ParseInline(%q): no error", bad)
		}
	}
}

// TestItemizeFallsBackToLatin checks that a Latin acronym and digits inside
// Khmer are set in Noto Sans, the Khmer in Noto Sans Khmer, and a ZWSP in
// the run of the word after it (it splits no run).
func TestItemizeFallsBackToLatin(t *testing.T) {
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := "តំបន់ SEZ ឆ្នាំ 2019\u200Bនេះ"
	var got []string
	for _, r := range Itemize(s, 0, len(s), "km", fonts.Regular, set) {
		got = append(got, r.Face.Name+":"+s[r.Start:r.End])
	}
	want := []string{"NotoSansKhmer-Regular:តំបន់ ", "NotoSans-Regular:SEZ ", "NotoSansKhmer-Regular:ឆ្នាំ ",
		"NotoSans-Regular:2019", "NotoSansKhmer-Regular:\u200Bនេះ"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("runs:\n%q\nwant\n%q", got, want)
	}
}

// TestEscapeInline checks that escaped text, such as a value filled into
// a template, comes back from ParseInline as plain text.
func TestEscapeInline(t *testing.T) {
	for _, s := range []string{`a*b@example.org`, `**not strong**`, `[x](y)`, `back\slash*`} {
		spans, err := ParseInline(EscapeInline(s))
		if err != nil || Plain(spans) != s {
			t.Errorf("%q: %q, %v", s, Plain(spans), err)
		}
		for _, sp := range spans {
			if sp.Strong || sp.Emph {
				t.Errorf("%q: styled span %+v", s, sp)
			}
		}
	}
}

// TestNFC checks that decomposed text is composed, whatever precedes it,
// and that ASCII and composed text come back as they were.
func TestNFC(t *testing.T) {
	for in, want := range map[string]string{
		"Vie\u0302\u0323t Nam":       "Việt Nam",
		"SEZ 2019 Vie\u0302\u0323t":  "SEZ 2019 Việt",
		"plain ASCII, digits 700.":   "plain ASCII, digits 700.",
		"Việt Nam":                   "Việt Nam",
		"\u0E40\u0E02\u0E15 e\u0301": "\u0E40\u0E02\u0E15 é",
		"":                           "",
	} {
		if got := NFC(in); got != want {
			t.Errorf("NFC(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMarkupErrorOffsets: broken markup names the byte where the link or
// the unclosed emphasis begins.
func TestMarkupErrorOffsets(t *testing.T) {
	for s, want := range map[string]int{"ក **ខ": len("ក "), "ab *c": 3, "ក [x](y": len("ក "), "**a** *b": 6} {
		_, err := ParseInline(s)
		var me *MarkupError
		if !errors.As(err, &me) || me.Offset != want {
			t.Errorf("%q: %v, want an error at byte %d", s, err, want)
		}
	}
}

// TestAsterisksThatAreText: an asterisk that cannot open or close
// emphasis by CommonMark's flanking rules is text (a grade, a product, a
// bullet typed in prose), and emphasis inside words of scripts written
// without spaces still works. They used to vanish, taking the emphasis
// with them, and check reported nothing.
func TestAsterisksThatAreText(t *testing.T) {
	for in, want := range map[string]string{
		"Grade A* schools and grade B* schools.": "|Grade A* schools and grade B* schools.",
		"5 * 4 = 20":                             "|5 * 4 = 20",
		"* a bullet typed in prose":              "|* a bullet typed in prose",
		"a ** b":                                 "|a ** b",
		"ការ*សមរម្យ*ណាស់":                        "|ការ E|សមរម្យ |ណាស់",
		"คำว่า*“ไทย”*หมายถึง":              "|คำว่า E|“ไทย” |หมายถึง",
		"ราคา*100%*ของ":                    "|ราคา E|100% |ของ",
		"(*note*) and **“quoted”**.":       "|( E|note |) and  S|“quoted” |.",
		"*emphasis *with a space* inside*": "E|emphasis *with a space | inside*",
	} {
		spans, err := ParseInline(in)
		if err != nil {
			t.Errorf("ParseInline(%q): %v", in, err)
			continue
		}
		if g := strings.Join(tagged(spans), " "); g != want {
			t.Errorf("ParseInline(%q) = %q, want %q", in, g, want)
		}
	}
	if _, err := ParseInline("2*3=6 and 5 * 4"); err == nil {
		t.Errorf("2*3=6 and 5 * 4: no error; the * of 2*3 opens emphasis that nothing closes")
	}
}

// tagged writes each span as its tags (S strong, E emphasis, <uri> a
// link), a bar and its text.
func tagged(spans []manuscript.Span) []string {
	var out []string
	for _, s := range spans {
		tag := ""
		if s.Strong {
			tag += "S"
		}
		if s.Emph {
			tag += "E"
		}
		if s.Link != "" {
			tag += "<" + s.Link + ">"
		}
		out = append(out, tag+"|"+s.Text)
	}
	return out
}

// TestItemizeFallsBackToAFaceThatHasIt: a character that neither the
// text's face nor Noto Sans has is set in the first embedded face that
// has it, never as .notdef: a baht sign (of the Common script) after
// Latin text in the Thai face (after Thai text it stays in the Thai run),
// and the statistics and list symbols (≥, ✓, ①) in the symbol faces, in
// any language and style.
func TestItemizeFallsBackToAFaceThatHasIt(t *testing.T) {
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, s string
		style   fonts.Style
		want    string
	}{
		{"en", "US$10 or ฿363.", fonts.Regular, "NotoSans-Regular:US$10 or |NotoSansThai-Regular:฿|NotoSans-Regular:363."},
		{"th", "คือ ฿363 และ ILO ฿400", fonts.Regular, "NotoSansThai-Regular:คือ ฿|NotoSans-Regular:363|NotoSansThai-Regular: และ |" +
			"NotoSans-Regular:ILO |NotoSansThai-Regular:฿|NotoSans-Regular:400"},
		{"en", "share ≥ 5% ✓ ①", fonts.Regular, "NotoSans-Regular:share |NotoSansMath-Regular:≥|NotoSans-Regular: 5% |" +
			"NotoSansSymbols2-Regular:✓|NotoSans-Regular: |NotoSansSymbols-Regular:①"},
		{"en", "≤ 10%", fonts.Bold, "NotoSansMath-Regular:≤|NotoSans-Bold: 10%"},
		{"km", "ភាគរយ ≥ ៥", fonts.Regular, "NotoSansKhmer-Regular:ភាគរយ |NotoSansMath-Regular:≥|NotoSansKhmer-Regular: ៥"},
	} {
		var got []string
		for _, r := range Itemize(tc.s, 0, len(tc.s), tc.lang, tc.style, set) {
			got = append(got, r.Face.Name+":"+tc.s[r.Start:r.End])
			for _, c := range tc.s[r.Start:r.End] {
				if !r.Face.Has(c) && c != ' ' {
					t.Errorf("%s: %q is set in %s, which has no glyph for it", tc.lang, c, r.Face.Name)
				}
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%s runs:\n%q\nwant\n%q", tc.lang, g, tc.want)
		}
	}
}

// TestParseInlineStrays finds the ** runs the flanking rules leave as
// text, which print as asterisks, and none in strong text or escapes.
func TestParseInlineStrays(t *testing.T) {
	for s, want := range map[string][]int{
		"**ការងារ** ល្អ":  nil,
		"** ការងារ** ល្អ": {0, 21},
		"a ** b":          {2},
		`\*\* literal`:    nil,
		"ราคา**100%**ของ": nil,
	} {
		if _, got, _ := ParseInlineStrays(s); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestPlainHint: XLIFF writes a backslash as itself, so each catalogue
// hint that tells how to escape markup has a plain form, without the
// doubled backslashes TOML and PO need.
func TestPlainHint(t *testing.T) {
	for hint, plain := range map[string]string{MarkupHint: PlainMarkupHint, StrayStrongHint: PlainStrayStrongHint, "other": "other"} {
		if got := PlainHint(hint); got != plain {
			t.Errorf("PlainHint(%q) = %q, want %q", hint, got, plain)
		}
		if strings.Contains(plain, `\\`) {
			t.Errorf("plain hint %q doubles a backslash", plain)
		}
	}
}
