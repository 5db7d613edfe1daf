package press

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
)

// TestProjectWordsKeepNamesWhole: a name no dictionary knows is broken
// inside until the project lists it in locales/words.th.txt.
func TestProjectWordsKeepNamesWhole(t *testing.T) {
	const name, text = "แมนฮัตตัน", "เมืองแมนฮัตตันใหญ่"
	inside := func(dir string) int {
		cat, ds := catalog.Load(dir)
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		br, err := Breaker(cat.Words)
		if err != nil {
			t.Fatal(err)
		}
		start := len("เมือง")
		n := 0
		for _, b := range br.Breaks(text) {
			if b.Pos > start && b.Pos < start+len(name) {
				n++
			}
		}
		return n
	}
	dir := t.TempDir()
	if inside(dir) == 0 {
		t.Fatalf("the dictionary knows %s already: the test needs a name it does not know", name)
	}
	if err := os.WriteFile(filepath.Join(dir, catalog.WordListName("th")), []byte("# names\n"+name+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := inside(dir); n != 0 {
		t.Errorf("%d breaks inside %s with it in the word list", n, name)
	}
}
