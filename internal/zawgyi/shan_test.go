package zawgyi

import "testing"

// TestShanIsNotZawgyi: Shan words in Unicode, as English and Burmese
// catalogues quote them (the Shan State's own name), start with a Shan
// consonant that Zawgyi writes only under another consonant. They read as
// Zawgyi (1.00), and check --fix "repaired" them into garbage.
func TestShanIsNotZawgyi(t *testing.T) {
	for _, s := range []string{
		"Shan State (ၸိုင်းတႆး).",
		"ရှမ်းစာ ၵႂၢမ်းတႆး ပါဝင်သည်။",
		"ၸိုင်းတႆး",
		"ၵႂၢမ်းတႆး",
		"The Shan greeting မႂ်ႇသုင်ၶႃႈ.", // starting with Burmese consonants, but Shan's signs
		"လိၵ်ႈတႆး",
		"ဢၼ်ၼႆႉ",
	} {
		if p := Probability(s); p > Threshold {
			t.Errorf("Probability(%q) = %.2f: Unicode Shan read as Zawgyi", s, p)
		}
	}
	// Zawgyi with a subjoined consonant after its consonant stays Zawgyi.
	for _, s := range []string{"ဆက္သြယ္ရန္", "အႀကံျပဳခ်က္မ်ား"} {
		if !IsZawgyi(s) {
			t.Errorf("%q: Zawgyi no longer detected (%.2f)", s, Probability(s))
		}
	}
}

// TestUnicodeLoansAndMon: two Unicode stacks across the Pali rows (Sanskrit
// loans) and Mon stacks quoted in a Burmese text stay Unicode; each cross-row
// stack added medium evidence, and two of them passed the threshold.
func TestUnicodeLoansAndMon(t *testing.T) {
	for _, s := range []string{"ပဒ္မာ တန္ဆာ", "Mon: ပ္ဍဲ တ္ၚဲ"} {
		if p := Probability(s); p > Threshold {
			t.Errorf("Probability(%q) = %.3f: Unicode read as Zawgyi", s, p)
		}
	}
}
