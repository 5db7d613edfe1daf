package check

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// readAsWindows1252 is what a tool that reads UTF-8 as Windows-1252 makes
// of s, by x/text's table, not the rule's.
func readAsWindows1252(t *testing.T, s string) string {
	t.Helper()
	out, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMojibakeIsFoundAndRepaired(t *testing.T) {
	for _, text := range []string{
		"ទំនាក់ទំនង", "Liên hệ", "ติดต่อ", "ဆက်သွယ်ရန်", "Page {{.Page}} – ‘quoted’ “so", // not ”, whose last byte 0x9D Windows-1252 lacks
		"Contact ទំនង", // Latin kept, only the damaged run repaired
		"café", "€5",
	} {
		bad := readAsWindows1252(t, text)
		at, repaired, ok := mojibake(bad)
		if !ok || repaired != text {
			t.Errorf("mojibake(%q) = %d, %q, %v; want the text %q back", bad, at, repaired, ok, text)
		}
	}
	if _, repaired, _ := mojibake("LiÃªn há»‡"); repaired != "Liên hệ" {
		t.Errorf("LiÃªn há»‡ repaired as %q, want Liên hệ", repaired)
	}
}

// TestMojibakeLeavesRealTextAlone runs the rule over text of every
// language that holds Latin-1 and Windows-1252 characters as people write
// them: none may look damaged. The second group's bytes are UTF-8 of a
// character (NKo, Yi, Arabic, Hebrew, IPA) that none of these texts is in.
func TestMojibakeLeavesRealTextAlone(t *testing.T) {
	for _, text := range []string{
		"Liên hệ", "NGÂN HÀNG", "Ã", "café – “naïve” résumé", "© 2019 ILO, €5 ‰", "Â tout à l’heure",
		"ទំនាក់ទំនង", "ติดต่อ", "São Tomé", "Ÿ", "½ ¾ ± × ÷", "ÀÁÂÃ ÈÉÊ",
		"Họ nói: “Cà phê…”", "„Fuß“", "„Maß“ und „Gruß“", "quán café…”", "CAFÉ»", "Ø”", "100×½",
	} {
		if at, repaired, ok := mojibake(text); ok {
			t.Errorf("mojibake(%q) = %d, %q: real text taken for damage", text, at, repaired)
		}
	}
}
