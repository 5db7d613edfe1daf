package diag

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"description", "hash", "other", "one"}
	for word, want := range map[string]string{
		"ohter": "other", "descripton": "description", "hsah": "hash", "xyz": "", "other": "", "Other": "other",
	} {
		if got := Closest(word, keys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestShellArg(t *testing.T) {
	for in, want := range map[string]string{
		"briefs/migrant-health": "briefs/migrant-health",
		"briefs/Migrant Health": "'briefs/Migrant Health'",
		"it's":                  `'it'\''s'`,
		"":                      "''",
		"locales/ខ.km.toml":     "locales/ខ.km.toml",
	} {
		if got := ShellArg(in); got != want {
			t.Errorf("ShellArg(%q) = %s, want %s", in, got, want)
		}
	}
}
