package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/lang"
)

// TestBriefIDs: an ID is lower-case words joined by hyphens and not one
// the project's own files take; the suggestion is always a valid ID.
func TestBriefIDs(t *testing.T) {
	longest := strings.Repeat("a", 213)
	for id, ok := range map[string]bool{
		"jobs-in-sezs": true, "sez2019": true, "shared": false, "my brief": false,
		"Water-Access": false, "water.access": false, "-x": false, "a--b": false, "": false,
		longest: true, longest + "a": false, strings.Repeat("ab-", 80): false,
	} {
		if got := CheckBriefID(id) == ""; got != ok {
			t.Errorf("CheckBriefID(%q) accepts: %v, want %v", id, got, ok)
		}
		if s := SuggestBriefID(id); CheckBriefID(s) != "" {
			t.Errorf("SuggestBriefID(%q) = %q, itself refused: %s", id, s, CheckBriefID(s))
		}
	}
	for name, want := range map[string]string{"Wäter Access 2019": "water-access-2019", "héllo": "hello", "Việt Nam": "viet-nam", "Đà Nẵng": "da-nang"} {
		if s := SuggestBriefID(name); s != want {
			t.Errorf("SuggestBriefID(%q) = %q, want %q", name, s, want)
		}
	}
}

// TestBrokenBriefIDs: only an ID that breaks the names made from it is an
// error where briefs load; Jobs_2019 is a warning.
func TestBrokenBriefIDs(t *testing.T) {
	for id, want := range map[string]bool{"shared": true, "my brief": true, "a.b": true, "a/b": true, "Jobs_2019": false,
		"jobs-in-sezs": false, strings.Repeat("a", 230): true} {
		if got := brokenBriefID(id); got != want {
			t.Errorf("brokenBriefID(%q) = %v, want %v", id, got, want)
		}
	}
}

// TestLongestBriefIDFitsEveryName checks MaxBriefIDLen's sums against the
// language table: with the longest ID, every PDF and catalogue name, and
// its temporary file at the longest pid and random part, fits in 255
// bytes, so a language with a longer code would fail here first.
func TestLongestBriefIDFitsEveryName(t *testing.T) {
	id := strings.Repeat("a", MaxBriefIDLen)
	temp := func(name string) string { return "." + name + ".4294967295-4294967295.tmp" }
	for _, code := range lang.Codes() {
		for _, name := range []string{id + ".region." + code + ".pdf", id + "." + code + ".toml"} {
			if n := len(temp(name)); n > 255 {
				t.Errorf("%s: temporary name of %d bytes", code, n)
			}
		}
	}
}

// TestLoadAllWithoutBriefs: a briefs folder that holds no brief yet (only
// the README.md init writes) loads as no brief and no finding; a missing
// one (a wrong --root) is a no-briefs error with a hint.
func TestLoadAllWithoutBriefs(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "briefs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# Briefs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if briefs, ds := LoadAll(dir); len(briefs) != 0 || len(ds) != 0 {
		t.Errorf("briefs/ with a README.md: %d briefs, %v", len(briefs), ds)
	}
	_, ds := LoadAll(filepath.Join(root, "elsewhere"))
	if len(ds) != 1 || ds[0].Code != "no-briefs" || ds[0].Hint == "" {
		t.Errorf("no briefs folder: %v", ds)
	}
}
