package catalog

import (
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// TestCardinalIsGoI18nRule holds lang.Cardinal, which renders plurals
// without a go-i18n bundle, to the rule go-i18n v2.7.0 applies, for every
// language of the table and the counts 0–2000: a bundle whose message
// names its forms says which form go-i18n picks.
func TestCardinalIsGoI18nRule(t *testing.T) {
	for _, code := range lang.Codes() {
		tag := language.MustParse(lang.PluralTag(code))
		b := i18n.NewBundle(language.English)
		m := &i18n.Message{ID: "n", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
		if err := b.AddMessages(tag, m); err != nil {
			t.Fatal(err)
		}
		loc := i18n.NewLocalizer(b, tag.String())
		seen := map[string]bool{}
		for n := 0; n <= 2000; n++ {
			want, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "n", PluralCount: n})
			if err != nil {
				t.Fatal(err)
			}
			got, ok := lang.Cardinal(code, n)
			if !ok || got != want {
				t.Fatalf("%s: Cardinal(%d) = %q, %v; go-i18n picks %q", code, n, got, ok, want)
			}
			seen[got] = true
		}
		l, _ := lang.Lookup(code)
		if len(seen) != len(l.Plurals) {
			t.Errorf("%s: counts take %v, the table lists %v", code, seen, l.Plurals)
		}
	}
}
