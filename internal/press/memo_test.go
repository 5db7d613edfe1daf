package press

import (
	"bytes"

	"github.com/go-text/typesetting/language"
	"sync"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/layout"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestMemoKeepsTheBytes typesets every sample job twice, ragged and
// justified: each with an engine of its own and no memo, and on two
// goroutines whose engines (on clones of one set of faces, as Build's
// workers) share one memo of shaped paragraphs and their lines. The PDFs
// must be the same bytes, and the memo must have served most paragraphs:
// the editions of a brief share their text. An engine with other faces
// (Thai headings looped) that shares the memo must give the bytes it
// gives without.
func TestMemoKeepsTheBytes(t *testing.T) {
	docs, names := sampleDocs(t)
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	br := linebreak.New()
	memo := &layout.Memo{}
	for _, justify := range []bool{false, true} {
		want := make([][]byte, len(docs))
		for i, d := range docs {
			eng := NewEngine(set.Clone(), br, justify)
			eng.Memo = nil
			want[i] = typeset(t, eng, d)
		}
		got := make([][]byte, len(docs))
		var wg sync.WaitGroup
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				eng := NewEngine(set.Clone(), br, justify)
				eng.Memo = memo
				for i := w; i < len(docs); i += 2 {
					got[i] = typeset(t, eng, docs[i])
				}
			}()
		}
		wg.Wait()
		for i := range docs {
			if !bytes.Equal(got[i], want[i]) {
				t.Errorf("%s, justify %v: the PDF set with the shared memo differs from the one set without", names[i], justify)
			}
		}
	}
	if memo.Hits < memo.Misses {
		t.Errorf("memo: %d hits, %d misses; the editions' shared paragraphs should mostly hit", memo.Hits, memo.Misses)
	}

	// Thai headings in the looped face: the memo holds them in Noto Sans
	// Thai, under the same key, and must not serve them.
	looped := set.Clone().WithFamily(language.Thai, fonts.LoopedThai)
	alone := NewEngine(looped, br, false)
	alone.Memo = nil
	eng := NewEngine(looped, br, false)
	eng.Memo = memo
	hits := memo.Hits
	for i, d := range docs {
		if !bytes.Equal(typeset(t, eng, d), typeset(t, alone, d)) {
			t.Errorf("%s: an engine with other faces, sharing the memo, sets other bytes than without it", names[i])
		}
	}
	if memo.Hits == hits {
		t.Error("the engine with other faces found nothing in the memo: the test does not reach adopt")
	}
}

// sampleDocs evaluates every edition × language of the fixture samples.
func sampleDocs(t *testing.T) ([]*manuscript.Document, []string) {
	t.Helper()
	root := testkit.Samples(t)
	briefs, cat := loadProject(t, root)
	jobs, err := Plan(briefs, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*manuscript.Document
	var names []string
	for _, j := range jobs {
		d, eds := content.Evaluate(j.Brief, cat, j.Edition, j.Lang)
		if eds.HasErrors() {
			t.Fatal(eds)
		}
		docs, names = append(docs, d), append(names, j.Path())
	}
	return docs, names
}

func typeset(t *testing.T, eng *layout.Engine, d *manuscript.Document) []byte {
	data, _, _, err := Typeset(eng, d)
	if err != nil {
		t.Error(err)
	}
	return data
}

// TestPartnerKeepsTheBytes typesets every sample job with an engine whose
// partner sets the later blocks into a fresh memo on another goroutine
// (layout.Engine.Partner, as Build does when a core would idle), and wants
// the bytes an engine alone sets without a memo, whichever of the two
// reaches a block first. layout's TestRehearsalKeepsThePages checks that
// Layout takes what the partner set.
func TestPartnerKeepsTheBytes(t *testing.T) {
	docs, names := sampleDocs(t)
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	br := linebreak.New()
	for i, d := range docs {
		alone := NewEngine(set.Clone(), br, false)
		alone.Memo = nil
		want := typeset(t, alone, d)
		memo := &layout.Memo{}
		eng := NewEngine(set.Clone(), br, false)
		eng.Memo = memo
		eng.Partner = NewEngine(set.Clone(), br, false)
		eng.Partner.Memo = memo
		if got := typeset(t, eng, d); !bytes.Equal(got, want) {
			t.Errorf("%s: the PDF set with a partner differs from the one set alone", names[i])
		}
	}
}
