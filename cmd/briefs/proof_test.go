package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// proofPhrases are short phrases, one per line, that stress each script:
// Khmer subscripts and coeng ro, Burmese medials and kinzi, Thai stacked
// marks and SARA AM, Lao marks and SARA AM, Shan and Mon letters and
// tones, Vietnamese double diacritics, and Latin inside them; and in
// Khmer, Burmese and Thai a phrase segmented with ZERO WIDTH SPACE, as
// translators write them.
var proofPhrases = map[string][]string{
	"km":  {"ព្រះរាជាណាចក្រកម្ពុជា", "បណ្ដាញចំណាកស្រុក បង្ហាញ", "ស្ត្រីធ្វើការនៅរោងចក្រ", "តំបន់សេដ្ឋកិច្ចពិសេស SEZ", "ក្រសួងការងារ ឆ្នាំ 2019", "ស្ត្រី\u200bវ័យ\u200bក្មេង\u200bធ្វើ\u200bការ"},
	"my":  {"မြန်မာနိုင်ငံ", "ရွှေ့ပြောင်းလုပ်သားများ", "သီလဝါ အထူးစီးပွားရေးဇုန်", "အင်္ဂလိပ်ဘာသာ ILO", "ဖြတ်တောက်\u200bခံ\u200bရ\u200bခြင်း"},
	"th":  {"แรงงานข้ามชาติ", "ที่นั่นน้ำท่วม", "เขตเศรษฐกิจพิเศษตาก", "สิทธิประโยชน์ของผู้ย้ายถิ่น", "พร้อม\u200bใช้\u200bงาน\u200bแก่"},
	"vi":  {"Người lao động di cư", "Bảo trợ xã hội xuyên biên giới", "Tiếng Việt có dấu", "Hiệp hội ASEAN năm 2019"},
	"lo":  {"ແຮງງານເຄື່ອນຍ້າຍ", "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ", "ນ້ຳຖ້ວມ ປະກັນສັງຄົມ", "ກະຊວງແຮງງານ ປີ 2019 ILO"},
	"shn": {"တႆး ၵူၼ်းႁဵတ်းၵၢၼ်", "မိူင်းထႆး ႑႒႓", "ၽႃႇသႃႇဢိင်းၵလဵတ်ႈ ILO"},
	"mnw": {"ဘာသာမန်", "ဂျူလာၚ် ဒဳဇြေမ်ဗာ", "ဍုင်သေံ SEZ"},
	"en":  {"Jobs in SEZs", "AVAST Typography", "Social protection across borders"},
}

// TestProofIsGlyphExact sets the phrases with `briefs proof`, one line
// each, and checks with MuPDF (what the PDF draws) against HarfBuzz (what
// it must draw) that every line's glyphs, faces, sizes and positions are
// exact; then that pdftotext gives each phrase back.
func TestProofIsGlyphExact(t *testing.T) {
	testkit.Tool(t, "hb-shape", "libharfbuzz-bin")
	testkit.Tool(t, "mutool", "mupdf-tools")
	pdftotext := testkit.Tool(t, "pdftotext", "poppler-utils")
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, lang := range []string{"km", "my", "th", "vi", "en", "lo", "shn", "mnw"} {
		phrases := proofPhrases[lang]
		in := filepath.Join(dir, lang+".txt")
		os.WriteFile(in, []byte(strings.Join(phrases, "\n")+"\n"), 0o644)
		pdf := filepath.Join(dir, lang+".pdf")
		var out, errOut bytes.Buffer
		if err := newApp(&out, &errOut).Run([]string{"briefs", "proof", "--lang", lang, "--out", pdf, in}); err != nil {
			t.Fatalf("proof %s: %v\n%s", lang, err, errOut.String())
		}
		drawn := lines(traceGlyphs(t, pdf), footerTop)
		if len(drawn) != len(phrases) {
			t.Fatalf("%s: %d lines drawn, want one per phrase (%d)", lang, len(drawn), len(phrases))
		}
		exact := 0
		for i, p := range phrases {
			want := expectedGlyphs(t, set, lang, p, drawn[i][0].size)
			placeLike(want, drawn[i])
			if err := compareGlyphs(drawn[i], want); err != nil {
				t.Errorf("%s %q: %v", lang, p, err)
				continue
			}
			exact++
		}
		t.Logf("%s: glyph-exact %d/%d", lang, exact, len(phrases))
		// Copy and paste: each phrase comes back exactly, with no space
		// inserted inside a word.
		txt, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", lang, err)
		}
		got := strings.Fields(strings.ReplaceAll(string(txt), "\f", ""))
		for _, p := range phrases {
			if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+p+" ") {
				t.Errorf("%s: pdftotext does not give back %q exactly:\n%s", lang, p, txt)
			}
		}
	}
}

// footerTop is a y (PDF points from the bottom) above the page footer
// and below the text frame.
const footerTop = 60

// TestProofRejectsInvalidUTF8 checks that bad input gets a positioned
// error and writes no PDF.
func TestProofRejectsInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.txt")
	os.WriteFile(in, []byte("ok line\nbad \xff byte\n"), 0o644)
	pdf := filepath.Join(dir, "bad.pdf")
	var out, errOut bytes.Buffer
	app := newApp(&out, &errOut)
	app.ExitErrHandler = func(*cli.Context, error) {}
	err := app.Run([]string{"briefs", "proof", "--lang", "km", "--out", pdf, in})
	if err == nil || !strings.Contains(errOut.String(), in+":2:5: error: [utf8]") {
		t.Errorf("error = %v, printed %q, want a diagnostic at %s:2:5", err, errOut.String(), in)
	}
	if _, statErr := os.Stat(pdf); statErr == nil {
		t.Error("a PDF was written for bad input")
	}
}

// TestProofDropsTheByteOrderMark: a proof text saved by Notepad as UTF-8
// starts with a byte-order mark, which is no text: pdftotext gives back
// the first word without it (it came back as a word joiner).
func TestProofDropsTheByteOrderMark(t *testing.T) {
	pdftotext := testkit.Tool(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	in, pdf := filepath.Join(dir, "bom.txt"), filepath.Join(dir, "bom.pdf")
	os.WriteFile(in, []byte("\uFEFFHello Mekong\r\n"), 0o644)
	var out, errOut bytes.Buffer
	if err := newApp(&out, &errOut).Run([]string{"briefs", "proof", "--lang", "en", "--out", pdf, in}); err != nil {
		t.Fatalf("proof: %v\n%s", err, errOut.String())
	}
	txt, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.TrimSpace(string(txt)), "Hello Mekong") {
		t.Errorf("pdftotext gives %q", txt)
	}
}
