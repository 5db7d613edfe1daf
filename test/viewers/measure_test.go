package viewers_test

import (
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// TestMeasures checks the matrix's own measures on texts made by hand, so
// that a bug in them cannot hide a client's.
func TestMeasures(t *testing.T) {
	p, cell := pages.RoleParagraph, pages.RoleTableCell
	runs := []run{{"First line of text", p, false}, {"A1", cell, false}, {"B1", cell, false}, {"second line", p, false}, {"third", p, false}}
	for _, c := range []struct {
		got   string
		moved int
	}{
		{"First line of text A1 B1 second line third", 0},
		{"First line of text B1 A1 second line third", 0},      // cells read in another order
		{"First line of text second line A1 B1 third", 0},      // cells as a block elsewhere
		{"second line First line of text A1 B1 third", 10},     // a paragraph line out of place
		{"First line of text A1 B1 sec ond line third", 0},     // a space inside a word is not order
		{"First line of text A1 B1 secnod line third", 10},     // broken inside
		{"third First line of text A1 B1 second line", 5},      // the last line first
		{"First line of text A1 B1 second line", len("third")}, // a line lost
	} {
		got, total := moved(runs, comparable(c.got), aside)
		if got != c.moved {
			t.Errorf("moved(%q) = %d, want %d", c.got, got, c.moved)
		}
		if want := len(strings.Join([]string{"Firstlineoftext", "A1", "B1", "secondline", "third"}, "")); total != want {
			t.Errorf("moved(%q) counts %d characters, want %d", c.got, total, want)
		}
	}
	spaces, _ := extraSpaces("ab cd\nefgh ijklmnop\n", "ab cdef gh ijklmnop")
	if len(spaces) != 1 {
		t.Errorf("extraSpaces found %q, want the one in efgh", spaces)
	}
	// A space that ends a run before an emphasised word of the same line
	// is a space between words, lost when the client joins the two.
	emph := []run{{"ဤစာတမ်းသည် ", p, true}, {"မဲခေါင်ရွှေ့ပြောင်း", p, false}}
	for got, want := range map[string]int{"ဤစာတမ်းသည် မဲခေါင်ရွှေ့ပြောင်း": 0, "ဤစာတမ်းသည်မဲခေါင်ရွှေ့ပြောင်း": 1} {
		if lost, checked := lostSpaces(emph, got); len(lost) != want || checked != 1 {
			t.Errorf("lostSpaces(%q) = %q of %d, want %d of 1", got, lost, checked, want)
		}
	}
}
