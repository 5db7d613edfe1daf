package layout

import (
	"reflect"
	"testing"

	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/shape"
)

// TestRehearsalKeepsThePages has a partner set the later half of a
// document in every language into a memo, then lays the document out
// through that memo, and wants the pages an engine without a memo sets.
// Every paragraph the partner set must be found in the memo: Layout
// reaches the rehearsed blocks and takes their shaping and lines.
func TestRehearsalKeepsThePages(t *testing.T) {
	alone := engine(t)
	alone.Memo = nil
	for lang, s := range sampleText {
		blocks := []manuscript.Block{heading(s[:len(s)/3])}
		for i := 0; i < 2*minRehearsed; i++ {
			blocks = append(blocks, para(s[:len(s)*(i+1)/(2*minRehearsed)]))
		}
		d := doc(lang, blocks...)
		want, _, err := alone.Layout(d)
		if err != nil {
			t.Fatal(err)
		}
		memo := &Memo{}
		partner := &Engine{Fonts: alone.Fonts.Clone(), Shaper: &shape.Shaper{}, Breaker: alone.Breaker, Memo: memo}
		half := len(blocks) / 2
		partner.rehearseBlocks(d, func(i int) bool { return i < half })
		if memo.Misses != len(blocks)-half {
			t.Fatalf("%s: the partner shaped %d paragraphs, want the later %d", lang, memo.Misses, len(blocks)-half)
		}
		e := &Engine{Fonts: alone.Fonts, Shaper: &shape.Shaper{}, Breaker: alone.Breaker, Memo: memo}
		got, _, err := e.Layout(d)
		if err != nil {
			t.Fatal(err)
		}
		if memo.Hits < len(blocks)-half {
			t.Errorf("%s: Layout found %d paragraphs in the memo, want the %d the partner set", lang, memo.Hits, len(blocks)-half)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the pages set after a rehearsal differ from those set alone", lang)
		}
	}
}
