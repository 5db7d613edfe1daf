package check

import (
	"strings"
	"testing"
)

// windows1252 is what a tool that reads UTF-8 as Windows-1252 makes of
// s: each byte of 0x80 or above becomes the character it stands for.
func windows1252(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			b.WriteByte(s[i])
			continue
		}
		b.WriteRune(cp1252Rune(s[i]))
	}
	return b.String()
}

func TestMojibakeIsFoundAndRepaired(t *testing.T) {
	for _, text := range []string{
		"ទំនាក់ទំនង", "Liên hệ", "ติดต่อ", "ဆက်သွယ်ရန်", "Page {{.Page}} – “quoted”",
		"Contact ទំនង", // Latin kept, only the damaged run repaired
	} {
		bad := windows1252(text)
		at, repaired, ok := mojibake(bad)
		if !ok || repaired != text {
			t.Errorf("mojibake(%q) = %d, %q, %v; want the text %q back", bad, at, repaired, ok, text)
		}
	}
}

// TestMojibakeLeavesRealTextAlone runs the rule over text of every
// language that holds Latin-1 and Windows-1252 characters as people write
// them: none may look damaged.
func TestMojibakeLeavesRealTextAlone(t *testing.T) {
	for _, text := range []string{
		"Liên hệ", "NGÂN HÀNG", "Ã", "café – “naïve” résumé", "© 2019 ILO, €5 ‰", "Â tout à l’heure",
		"ទំនាក់ទំនង", "ติดต่อ", "São Tomé", "Ÿ", "½ ¾ ± × ÷", "ÀÁÂÃ ÈÉÊ",
	} {
		if at, repaired, ok := mojibake(text); ok {
			t.Errorf("mojibake(%q) = %d, %q: real text taken for damage", text, at, repaired)
		}
	}
}
