package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// proofPhrases are short phrases, one per line, that stress each script:
// Khmer subscripts and coeng ro, Burmese medials and kinzi, Thai stacked
// marks and SARA AM, Vietnamese double diacritics, and Latin inside them.
var proofPhrases = map[string][]string{
	"km": {"ព្រះរាជាណាចក្រកម្ពុជា", "បណ្ដាញចំណាកស្រុក បង្ហាញ", "ស្ត្រីធ្វើការនៅរោងចក្រ", "តំបន់សេដ្ឋកិច្ចពិសេស SEZ", "ក្រសួងការងារ ឆ្នាំ 2019"},
	"my": {"မြန်မာနိုင်ငံ", "ရွှေ့ပြောင်းလုပ်သားများ", "သီလဝါ အထူးစီးပွားရေးဇုန်", "အင်္ဂလိပ်ဘာသာ ILO"},
	"th": {"แรงงานข้ามชาติ", "ที่นั่นน้ำท่วม", "เขตเศรษฐกิจพิเศษตาก", "สิทธิประโยชน์ของผู้ย้ายถิ่น"},
	"vi": {"Người lao động di cư", "Bảo trợ xã hội xuyên biên giới", "Tiếng Việt có dấu", "Hiệp hội ASEAN năm 2019"},
	"en": {"Jobs in SEZs", "AVAST Typography", "Social protection across borders"},
}

// TestProofIsGlyphExact sets the phrases with `briefs proof` and checks,
// with ../shared/tools/glyphcheck, that every line's glyphs and positions
// equal HarfBuzz's (hb-shape).
func TestProofIsGlyphExact(t *testing.T) {
	tool := filepath.Join(repoRoot, "..", "shared", "tools", "glyphcheck", "glyphcheck.py")
	if _, err := os.Stat(tool); err != nil {
		t.Skip("../shared/tools/glyphcheck not beside the repository")
	}
	need(t, "hb-shape")
	need(t, "mutool")
	if exec.Command("/usr/bin/python3", "-c", "import fontTools, pikepdf").Run() != nil {
		t.Skip("/usr/bin/python3 lacks fontTools or pikepdf (.ci/run installs them)")
	}
	dir := t.TempDir()
	for _, lang := range []string{"km", "my", "th", "vi", "en"} {
		phrases := proofPhrases[lang]
		in := filepath.Join(dir, lang+".txt")
		os.WriteFile(in, []byte(strings.Join(phrases, "\n")+"\n"), 0o644)
		pdf := filepath.Join(dir, lang+".pdf")
		var out, errOut bytes.Buffer
		if err := newApp(&out, &errOut).Run([]string{"briefs", "proof", "--lang", lang, "--out", pdf, in}); err != nil {
			t.Fatalf("proof %s: %v\n%s", lang, err, errOut.String())
		}
		var expect strings.Builder
		for _, p := range phrases {
			fmt.Fprintf(&expect, "%s\t%s\n", lang, p)
		}
		exp := filepath.Join(dir, lang+".expect")
		os.WriteFile(exp, []byte(expect.String()), 0o644)
		res, err := exec.Command("/usr/bin/python3", tool, "--pdf", pdf,
			"--fonts", filepath.Join(repoRoot, "fonts"), "--expect", exp).CombinedOutput()
		if err != nil {
			t.Fatalf("glyphcheck %s: %v\n%s", lang, err, res)
		}
		// Copy and paste: each phrase comes back exactly, with no space
		// inserted inside a word.
		txt, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", lang, err)
		}
		got := strings.Fields(strings.ReplaceAll(string(txt), "\f", ""))
		for _, p := range phrases {
			if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+p+" ") {
				t.Errorf("%s: pdftotext does not give back %q exactly:\n%s", lang, p, txt)
			}
		}
		m := regexp.MustCompile(`glyph-exact: (\d+)/(\d+)`).FindSubmatch(res)
		if m == nil || string(m[1]) != string(m[2]) || string(m[2]) != fmt.Sprint(len(phrases)) {
			t.Errorf("%s: glyphcheck not exact:\n%s", lang, res)
		}
		t.Logf("%s: %s", lang, m[0])
	}
}

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
	if err == nil || !strings.Contains(err.Error(), in+":2:5") {
		t.Errorf("error = %v, want one naming %s:2:5", err, in)
	}
	if _, statErr := os.Stat(pdf); statErr == nil {
		t.Error("a PDF was written for bad input")
	}
}
