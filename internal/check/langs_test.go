package check

import (
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestLangNoEditionPublishes: a --lang of a supported language that no
// edition publishes is refused, as build refuses it, unless AnyLang
// (import's verification) lets it through.
func TestLangNoEditionPublishes(t *testing.T) {
	root := t.TempDir()
	testkit.WriteTree(t, root, map[string]string{
		"briefs/a/brief.toml": "id = \"a\"\ndate = 2019-07-01\n\n[[edition]]\ncountry = \"kh\"\nlanguages = [\"en\", \"km\"]\n\n[[block]]\ntype = \"title\"\nmsg = \"title\"\n",
		"locales/a.en.toml":   "[\"title\"]\nother = \"Jobs\"\n",
	})
	_, err := Run(root, Options{Langs: []string{"lo"}})
	if err == nil || !strings.Contains(err.Error(), `no edition publishes Lao (lo)`) || !strings.Contains(err.Error(), "published: en, km") {
		t.Errorf("check --lang lo: %v; want no edition publishes Lao (lo) ... published: en, km", err)
	}
	if _, err := Run(root, Options{Langs: []string{"lo"}, AnyLang: true}); err != nil {
		t.Errorf("AnyLang: %v", err)
	}
	if _, err := Run(root, Options{Langs: []string{"km"}}); err != nil {
		t.Errorf("check --lang km: %v", err)
	}
}
