package shape

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/text"
)

var update = flag.Bool("update", false, "regenerate testdata/hb-shape.txt with hb-shape")

// goldenPath holds one line per sample: lang, font file, text and what
// hb-shape (HarfBuzz) prints for it, in hb-shape's own notation:
// [gid=cluster@xoffset,yoffset+advance|...], in font units at upem.
const goldenPath = "testdata/hb-shape.txt"

// samples are phrases that exercise each script's shaping: Khmer coeng
// subscripts and split vowels, Myanmar medials, kinzi and pre-base vowels,
// Thai above/below marks and SARA AM, Lao above/below marks and digits,
// Shan and Mon letters, tones and digits of the Myanmar block (shaped with
// their own HarfBuzz language), Vietnamese stacked diacritics, and
// Latin kerning.
var samples = []struct{ lang, text string }{
	{"km", "ព្រះរាជាណាចក្រកម្ពុជា"},
	{"km", "ស្ត្រី"},
	{"km", "កម្មករចំណាកស្រុក"},
	{"km", "សេដ្ឋកិច្ចពិសេស"},
	{"km", "ការងារ"},
	{"km", "ក្រសួងការងារ"},
	{"my", "မြန်မာနိုင်ငံ"},
	{"my", "ရွှေ့ပြောင်းလုပ်သား"},
	{"my", "အင်္ဂလိပ်"},
	{"my", "သီလဝါ"},
	{"my", "လုပ်ငန်းခွင်"},
	{"th", "แรงงานข้ามชาติ"},
	{"th", "ที่นั่น"},
	{"th", "น้ำ"},
	{"th", "สิทธิประโยชน์"},
	{"th", "กรกฎาคม"},
	{"vi", "Người lao động di cư"},
	{"vi", "Bảo trợ xã hội xuyên biên giới"},
	{"vi", "Việt Nam"},
	{"lo", "ແຮງງານເຄື່ອນຍ້າຍ"},
	{"lo", "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ"},
	{"lo", "ນ້ຳ ປະກັນສັງຄົມ ໒໐໑໙"},
	{"shn", "တႆး ၵူၼ်းႁဵတ်းၵၢၼ်"},
	{"shn", "မိူင်းထႆး ႑႒႓"},
	{"shn", "ၽႃႇသႃႇဢိင်းၵလဵတ်ႈ"},
	{"mnw", "ဘာသာမန်"},
	{"mnw", "ဂျူလာၚ် ဒဳဇြေမ်ဗာ"},
	{"mnw", "ဍုင်သေံ"},
	{"en", "AVAST Jobs in SEZs"},
	{"en", "office@example.org"},
	{"math", "≥≤≠≈→←√∞∑−"},
	{"sym", "①②③♀♂"},
	{"sym2", "✓✗★⚠"},
}

// symbolKeys are the sample keys of the symbol faces (fonts.Symbols),
// which English text falls back to: the samples are set as English.
var symbolKeys = map[string]bool{"math": true, "sym": true, "sym2": true}

// sampleLang is the language a sample is itemised and shaped in.
func sampleLang(key string) string {
	if symbolKeys[key] {
		return "en"
	}
	return key
}

var fontFor = map[string]string{
	"km": "NotoSansKhmer-Regular", "my": "NotoSansMyanmar-Regular",
	"th": "NotoSansThai-Regular", "vi": "NotoSans-Regular", "en": "NotoSans-Regular",
	"lo": "NotoSansLao-Regular", "shn": "NotoSansMyanmar-Regular", "mnw": "NotoSansMyanmar-Regular",
	"math": "NotoSansMath-Regular", "sym": "NotoSansSymbols-Regular", "sym2": "NotoSansSymbols2-Regular",
}

// TestShapingMatchesHarfBuzz compares our shaping of each sample with the
// committed hb-shape output, glyph by glyph: IDs, clusters, advances and
// offsets.
func TestShapingMatchesHarfBuzz(t *testing.T) {
	if *update {
		regenerate(t)
	}
	want := readGolden(t)
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	var sh Shaper
	for _, s := range samples {
		k := s.lang + "\t" + s.text
		w, ok := want[k]
		if !ok {
			t.Errorf("%s %q: no golden; run go test ./internal/shape -update", s.lang, s.text)
			continue
		}
		got := Notation(text.NFC(s.text), shapeSample(t, &sh, set, s.lang, s.text))
		if got != w {
			t.Errorf("%s %q:\n got %s\nwant %s", s.lang, s.text, got, w)
		}
	}
}

func shapeSample(t *testing.T, sh *Shaper, set *fonts.Set, lang, s string) []glyphAt {
	s = text.NFC(s)
	face := fontFor[lang]
	var out []glyphAt
	for _, r := range text.Itemize(s, 0, len(s), sampleLang(lang), fonts.Regular, set) {
		if r.Face.Name != face {
			t.Fatalf("%s %q: run %q set in %s, want %s", lang, s, s[r.Start:r.End], r.Face.Name, face)
		}
		for _, g := range sh.Shape(s, r) {
			out = append(out, glyphAt{g, r.Face.Upem})
		}
	}
	return out
}

type glyphAt struct {
	Glyph
	upem float64
}

// Notation prints glyphs as hb-shape --no-glyph-names does, with clusters
// as character indices of s (hb-shape's default; ours are byte offsets).
func Notation(s string, gs []glyphAt) string {
	runeIndex := map[int]int{}
	i := 0
	for b := range s {
		runeIndex[b] = i
		i++
	}
	parts := make([]string, len(gs))
	for i, g := range gs {
		u := func(v float64) int { return int(math.Round(v * g.upem)) }
		p := fmt.Sprintf("%d=%d", g.ID, runeIndex[g.Cluster])
		if x, y := u(g.XOffset), u(g.YOffset); x != 0 || y != 0 {
			p += fmt.Sprintf("@%d,%d", x, y)
		}
		p += fmt.Sprintf("+%d", u(g.Advance))
		parts[i] = p
	}
	return "[" + strings.Join(parts, "|") + "]"
}

func readGolden(t *testing.T) map[string]string {
	f, err := os.Open(goldenPath)
	if err != nil {
		t.Fatalf("read goldens: %v (run go test ./internal/shape -update)", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("bad golden line %q", line)
		}
		out[f[0]+"\t"+f[1]] = f[2]
	}
	return out
}

func regenerate(t *testing.T) {
	hb, err := exec.LookPath("hb-shape")
	if err != nil {
		t.Fatal("-update needs hb-shape (Debian libharfbuzz-bin)")
	}
	version, err := exec.Command(hb, "--version").Output()
	if err != nil {
		t.Fatalf("hb-shape --version: %v", err)
	}
	var b strings.Builder
	b.WriteString("# lang<TAB>text<TAB>hb-shape --no-glyph-names output. Regenerate: go test ./internal/shape -update\n")
	// The tool version, so that a golden made with another HarfBuzz shows
	// as such in review.
	fmt.Fprintf(&b, "# made with %s\n", strings.SplitN(strings.TrimSpace(string(version)), "\n", 2)[0])
	for _, s := range samples {
		font := filepath.Join("..", "..", "fonts", fontFor[s.lang]+".ttf")
		out, err := exec.Command(hb, "--no-glyph-names", "--language="+sampleLang(s.lang), font, text.NFC(s.text)).Output()
		if err != nil {
			t.Fatalf("hb-shape %q: %v", s.text, err)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", s.lang, s.text, strings.TrimSpace(string(out)))
	}
	if err := os.WriteFile(goldenPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
